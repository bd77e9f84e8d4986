/* The floor stackc is measured against: read each file named on the command line (or one per line on
 * stdin with "-") and parse it with libyaml's event API, doing nothing else. Prints the event count so
 * the work cannot be optimised away. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

static long parse_file(const char *path) {
    FILE *file = fopen(path, "rb");
    if (!file) return 0;
    fseek(file, 0, SEEK_END);
    long size = ftell(file);
    fseek(file, 0, SEEK_SET);
    unsigned char *buffer = malloc(size > 0 ? size : 1);
    size_t got = fread(buffer, 1, size, file);
    fclose(file);
    yaml_parser_t parser;
    yaml_event_t event;
    long events = 0;
    yaml_parser_initialize(&parser);
    yaml_parser_set_input_string(&parser, buffer, got);
    for (;;) {
        if (!yaml_parser_parse(&parser, &event)) break;
        int done = event.type == YAML_STREAM_END_EVENT;
        yaml_event_delete(&event);
        events++;
        if (done) break;
    }
    yaml_parser_delete(&parser);
    free(buffer);
    return events;
}

int main(int argc, char **argv) {
    long events = 0;
    char line[4096];
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "-") == 0) {
            while (fgets(line, sizeof line, stdin)) {
                line[strcspn(line, "\n")] = 0;
                if (*line) events += parse_file(line);
            }
        } else {
            events += parse_file(argv[i]);
        }
    }
    printf("%ld events\n", events);
    return 0;
}

// SwiftPM links an executable target with `--defsym main=<Target>_main`, which would take the place of
// libFuzzer's own `main`. This is that entry point, handing control to libFuzzer's driver with the
// Swift harness (`LLVMFuzzerTestOneInput`, defined with @_cdecl in StackcFuzz.swift).
#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

int StackcFuzz_main(int argc, char **argv) {
    return LLVMFuzzerRunDriver(&argc, &argv, LLVMFuzzerTestOneInput);
}

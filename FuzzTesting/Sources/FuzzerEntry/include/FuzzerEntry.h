#ifndef STACKC_FUZZER_ENTRY_H
#define STACKC_FUZZER_ENTRY_H
// Intentionally empty: the target only supplies the entry point SwiftPM links executables with.
#endif

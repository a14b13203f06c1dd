#ifndef CFUZZER_H
#define CFUZZER_H
#include <stddef.h>
#include <stdint.h>

/// libFuzzer's driver (compiler-rt, linked with -sanitize=fuzzer): parses libFuzzer's flags from
/// argv and runs `callback` on each input. Called from each target's main, because SwiftPM gives an
/// executable its own `main`, so libFuzzer's is never used.
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

#endif

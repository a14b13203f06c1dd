// Declarations only (include/CFuzzer.h); libFuzzer itself comes from the toolchain at link time.
#include "CFuzzer.h"

// libFuzzer's driver, declared weakly: present only in binaries built with -sanitize=fuzzer.
// SwiftPM renames an executable's `main`, which hides libFuzzer's own; calling the driver from
// here is what makes the fuzz executables fuzz. Without the fuzzer they replay files instead.
#include "CFuzzDriver.h"

extern int LLVMFuzzerRunDriver(int *argc, char ***argv,
                               int (*callback)(const uint8_t *data, size_t size))
    __attribute__((weak));

int newsq_fuzzer_driver_available(void) {
    return LLVMFuzzerRunDriver != 0;
}

int newsq_run_fuzzer_driver(int *argc, char ***argv, newsq_fuzz_callback callback) {
    if (!LLVMFuzzerRunDriver) {
        return -1;
    }
    return LLVMFuzzerRunDriver(argc, argv, callback);
}

#ifndef CFUZZDRIVER_H
#define CFUZZDRIVER_H

#include <stddef.h>
#include <stdint.h>

/// The signature of libFuzzer's per-input callback.
typedef int (*newsq_fuzz_callback)(const uint8_t *data, size_t size);

/// Runs libFuzzer's driver with the process arguments and `callback` when the binary was built
/// with `-sanitize=fuzzer`; returns -1 without doing anything when it was not (the driver is
/// declared weakly, so it is absent from ordinary builds).
int newsq_run_fuzzer_driver(int *argc, char ***argv, newsq_fuzz_callback callback);

/// Whether libFuzzer's driver is linked into this binary.
int newsq_fuzzer_driver_available(void);

#endif

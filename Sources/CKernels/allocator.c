// Allocator tuning for the Tensor module (see Sources/Tensor/Core/MemoryTuning.swift).
#include "CKernels.h"
#include <limits.h>
#if defined(__GLIBC__)
#include <malloc.h>
#endif

int wg_keep_freed_memory(void) {
#if defined(__GLIBC__)
    // Blocks up to glibc's maximum mmap threshold (32 MiB on 64-bit) come from the heap; the heap
    // is never trimmed back to the OS and grows in 256 MiB steps of address space (untouched
    // pages cost no memory). Measured on a training step: page faults fell from 1.6 M to 0.17 M
    // for three iterations and CPU time by about a fifth, at the same peak RSS.
    const int mmapOK = mallopt(M_MMAP_THRESHOLD, 32 * 1024 * 1024);
    const int trimOK = mallopt(M_TRIM_THRESHOLD, INT_MAX);
    const int padOK = mallopt(M_TOP_PAD, 256 * 1024 * 1024);
    return mmapOK && trimOK && padOK;
#else
    return 0;
#endif
}

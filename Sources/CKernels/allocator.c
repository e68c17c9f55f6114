// Allocator tuning for the Tensor module (see Sources/Tensor/Core/MemoryTuning.swift).
#include "CKernels.h"
#if defined(__GLIBC__)
#include <malloc.h>
#endif

int wg_keep_freed_memory(void) {
#if defined(__GLIBC__)
    // Serve large blocks from the heap (not fresh mmaps) and never trim it back to the OS.
    return mallopt(M_MMAP_THRESHOLD, 1 << 30) && mallopt(M_TRIM_THRESHOLD, 1 << 30);
#else
    return 0;
#endif
}

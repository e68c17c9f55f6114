import CKernels

/// Keeps freed tensor storage inside the process.
///
/// glibc serves blocks above 128 KiB–32 MiB (adaptive) with fresh `mmap`s and unmaps them on
/// free, so every multi-megabyte op result page-faulted its memory in anew (about 10 % of a
/// training step went to the kernel's page-fault path). Raising the mmap and trim thresholds
/// lets the heap recycle those blocks. Applied once, before the first tensor is allocated.
enum MemoryTuning {
    static let applied: Bool = wg_keep_freed_memory() != 0
}

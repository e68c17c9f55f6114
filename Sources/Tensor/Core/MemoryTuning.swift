import CKernels

/// Keeps freed tensor storage inside the process.
///
/// With glibc's defaults, multi-megabyte op results are served by fresh `mmap`s (or a heap that
/// is trimmed back), so each one page-faults its memory in anew; a training step spent a fifth
/// of its CPU time in the kernel's page-fault and page-clearing paths. The tuning (see
/// `CKernels/allocator.c`) is applied once, before the first tensor is allocated.
enum MemoryTuning {
    static let applied: Bool = wg_keep_freed_memory() != 0
}

/// A bounds-checked big-endian cursor over a byte buffer. Every read checks the remaining length
/// first, so hostile lengths fail with `NBTError.truncated` before anything is allocated.
struct ByteReader {
    let base: UnsafeRawBufferPointer
    private(set) var offset: Int

    init(_ base: UnsafeRawBufferPointer, offset: Int = 0) {
        self.base = base
        self.offset = offset
    }

    var remaining: Int { base.count - offset }

    @inline(__always)
    mutating func require(_ n: Int) throws(NBTError) {
        guard n <= remaining else { throw .truncated(offset: offset, needed: n - remaining, path: NBTPath()) }
    }

    @inline(__always)
    mutating func read<T: FixedWidthInteger>(_: T.Type) throws(NBTError) -> T {
        try require(MemoryLayout<T>.size)
        let v = base.loadUnaligned(fromByteOffset: offset, as: T.self)
        offset += MemoryLayout<T>.size
        return T(bigEndian: v)
    }

    mutating func readUInt8() throws(NBTError) -> UInt8 { try read(UInt8.self) }

    /// `count` raw bytes.
    mutating func bytes(_ count: Int) throws(NBTError) -> UnsafeRawBufferPointer {
        try require(count)
        let slice = UnsafeRawBufferPointer(rebasing: base[offset..<offset + count])
        offset += count
        return slice
    }

    /// An array of `count` big-endian integers, checked against the remaining bytes before allocating.
    mutating func array<T: FixedWidthInteger>(of _: T.Type, count: Int) throws(NBTError) -> [T] {
        let (byteCount, overflow) = count.multipliedReportingOverflow(by: MemoryLayout<T>.size)
        guard !overflow else { throw .truncated(offset: offset, needed: Int.max, path: NBTPath()) }
        let raw = try bytes(byteCount)
        return [T](unsafeUninitializedCapacity: count) { buf, initialized in
            let dst = UnsafeMutableRawBufferPointer(buf)
            dst.copyMemory(from: raw)
            if MemoryLayout<T>.size > 1 {
                for i in 0..<count { buf[i] = T(bigEndian: buf[i]) }
            }
            initialized = count
        }
    }
}

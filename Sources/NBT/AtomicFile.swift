import Foundation
#if canImport(Glibc)
import Glibc
private let systemWrite = Glibc.write
#elseif canImport(Darwin)
import Darwin
private let systemWrite = Darwin.write
#endif

/// Replaces a file so that a crash leaves either the old or the new contents, never a mix.
///
/// The bytes go to a temporary file in the same folder (same file system, so `rename` is atomic),
/// which is `fsync`ed and renamed over the target; then the folder itself is `fsync`ed so the
/// rename survives a power cut. With `backup`, the previous file is kept as `<name>.bak` (one
/// generation; an older `.bak` is replaced).
///
/// ```swift
/// try AtomicFile.write(bytes, to: regionURL, backup: true)   // r.0.0.mca, r.0.0.mca.bak
/// ```
public enum AtomicFile {
    /// Where `write(_:to:backup:)` keeps the previous file: the same path plus `.bak`.
    public static func backupURL(for url: URL) -> URL {
        url.deletingLastPathComponent().appendingPathComponent(url.lastPathComponent + ".bak")
    }

    /// Atomically writes `bytes` to `url` (creating or replacing it).
    /// - Throws: `NBTError.fileUnwritable` naming the failed step; the target is then untouched and
    ///   no temporary file remains.
    public static func write(_ bytes: [UInt8], to url: URL, backup: Bool = false) throws(NBTError) {
        var result: Result<Void, NBTError> = .success(())
        bytes.withUnsafeBytes { raw in
            result = Result { () throws(NBTError) in try write(raw, to: url, backup: backup) }
        }
        try result.get()
    }

    /// Atomically writes `bytes` to `url`. - Throws: see `write(_:to:backup:)` for arrays.
    public static func write(_ bytes: UnsafeRawBufferPointer, to url: URL, backup: Bool = false) throws(NBTError) {
        let path = url.path
        let folder = url.deletingLastPathComponent().path
        let temp = folder + "/.\(url.lastPathComponent).tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        do throws(NBTError) {
            try writeAndSync(bytes, toNewFile: temp, target: path)
            if backup { try keepBackup(of: path) }
            guard rename(temp, path) == 0 else { throw failure(path, "rename over the target") }
        } catch {
            unlink(temp)
            throw error
        }
        // The data is safe; a folder that cannot be synced (some file systems refuse) is not an error.
        let dirFD = open(folder, O_RDONLY)
        if dirFD >= 0 { fsync(dirFD); close(dirFD) }
        removeStaleTemporaries(of: url)
    }

    /// Deletes temporary files of `url` left by writers that were killed (their process no longer
    /// exists); a live writer's temporary file is left alone.
    static func removeStaleTemporaries(of url: URL) {
        let folder = url.deletingLastPathComponent().path
        let prefix = ".\(url.lastPathComponent).tmp-"
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        for name in names where name.hasPrefix(prefix) {
            let rest = name.dropFirst(prefix.count)
            guard let pid = rest.split(separator: "-").first.flatMap({ pid_t($0) }), pid > 0 else { continue }
            if kill(pid, 0) != 0 && errno == ESRCH { unlink(folder + "/" + name) }
        }
    }

    private static func writeAndSync(_ bytes: UnsafeRawBufferPointer, toNewFile temp: String, target: String) throws(NBTError) {
        var mode: mode_t = 0o644
        var info = stat()
        if stat(target, &info) == 0 { mode = info.st_mode & 0o7777 }
        let fd = open(temp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
        guard fd >= 0 else { throw failure(target, "create temporary file \(temp)") }
        defer { close(fd) }
        var written = 0
        while written < bytes.count {
            let n = systemWrite(fd, bytes.baseAddress.map { $0 + written }, bytes.count - written)
            if n < 0 {
                if errno == EINTR { continue }
                throw failure(target, "write")
            }
            written += n
        }
        guard fsync(fd) == 0 else { throw failure(target, "fsync") }
    }

    private static func keepBackup(of path: String) throws(NBTError) {
        guard access(path, F_OK) == 0 else { return }
        let bak = path + ".bak"
        if unlink(bak) != 0 && errno != ENOENT { throw failure(bak, "remove the old backup") }
        // A hard link keeps the old contents without copying; file systems without links get a copy.
        if link(path, bak) == 0 { return }
        do {
            try FileManager.default.copyItem(atPath: path, toPath: bak)
        } catch {
            throw NBTError.fileUnwritable(path: bak, step: "copy backup", reason: "\(error)")
        }
    }

    private static func failure(_ path: String, _ step: String) -> NBTError {
        .fileUnwritable(path: path, step: step, reason: String(cString: strerror(errno)))
    }
}

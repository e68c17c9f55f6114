import Foundation
import NBT

/// Which regions of an area job are complete, kept in the world folder so that `--resume`, other
/// shards and `info --check` see the same: `<world>/worldgan-areas/<job>/job.json` describes the
/// job and `r.X.Z.done` marks a region whose file was written. A marker is written (atomically)
/// only after its region file was renamed into place, so a region without marker is redone; redoing
/// it writes the same blocks again (generation is deterministic), so a run killed between the
/// two steps still ends with the same world.
struct AreaLedger {
    /// What identifies a job: the same description means the same world content.
    struct Job: Codable, Equatable {
        var area: AreaRectangle
        var y: Int
        var seed: UInt64
        /// A hash of run.json and every setting that changes the blocks.
        var fingerprint: String
    }

    let folder: URL
    let job: Job

    /// The ledger of `job` in `world` (its folder and job.json are created by ``prepare()``).
    init(world: URL, job: Job) {
        self.job = job
        folder = Self.root(of: world).appendingPathComponent(job.fingerprint)
    }

    static func root(of world: URL) -> URL { world.appendingPathComponent("worldgan-areas") }

    /// Creates the job folder and writes job.json (the same bytes from every shard).
    func prepare() throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
        try AtomicFile.write(Array(try encoder.encode(job)), to: folder.appendingPathComponent("job.json"))
    }

    func isComplete(x: Int, z: Int) -> Bool {
        FileManager.default.fileExists(atPath: marker(x: x, z: z).path)
    }

    func markComplete(x: Int, z: Int) throws {
        try AtomicFile.write(Array("r.\(x).\(z).mca\n".utf8), to: marker(x: x, z: z))
    }

    private func marker(x: Int, z: Int) -> URL { folder.appendingPathComponent("r.\(x).\(z).done") }

    /// The ledgers of every job recorded in `world` for exactly `area`.
    static func ledgers(in world: URL, area: AreaRectangle) -> [AreaLedger] {
        let root = root(of: world)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []
        return names.sorted().compactMap { name in
            let file = root.appendingPathComponent(name).appendingPathComponent("job.json")
            guard let data = try? Data(contentsOf: file), let job = try? JSONDecoder().decode(Job.self, from: data),
                  job.area == area, job.fingerprint == name else { return nil }
            return AreaLedger(world: world, job: job)
        }
    }

    /// FNV-1a (64 bits) of `parts`, as hex: stable across runs and machines.
    static func fingerprint(_ parts: [[UInt8]]) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for part in parts {
            for byte in part + [0] {
                hash ^= UInt64(byte)
                hash = hash &* 0x0000_0100_0000_01B3
            }
        }
        return String(hash, radix: 16)
    }
}

import ArgumentParser

/// `--shard I/N`: this process's share of a job split into N independent tasks (0 ≤ I < N), as a
/// job-array engine numbers them (Kubernetes `$JOB_COMPLETION_INDEX`, Slurm
/// `$SLURM_ARRAY_TASK_ID`, GNU parallel's `{%}` minus one).
struct ShardSpec: ExpressibleByArgument, Equatable, CustomStringConvertible {
    var index: Int, count: Int

    init(index: Int, count: Int) { self.index = index; self.count = count }

    init?(argument: String) {
        let parts = argument.split(separator: "/")
        guard parts.count == 2, let i = Int(parts[0]), let n = Int(parts[1]), n >= 1, i >= 0, i < n else { return nil }
        self.init(index: i, count: n)
    }

    /// Whether item `n` (of a list every shard orders alike) is this shard's: round robin.
    func owns(_ n: Int) -> Bool { n % count == index }

    var description: String { "\(index)/\(count)" }
    static var defaultValueDescription: String { "0/1" }
}

/// The tool's version: `--version` prints it, run.json records it.
enum WorldGANVersion {
    /// The semantic version, set by hand at each release.
    static let current = "0.1.0"

    /// What `worldgan --version` prints: the version and the git commit built from
    /// (`GitRevision` is generated at build time by the GitRevision plugin).
    static var described: String { "\(current) (git \(GitRevision.current))" }
}

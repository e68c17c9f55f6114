import Foundation
import PackagePlugin

/// Writes `GitRevision.swift` (`enum GitRevision { static let current = "…" }`) into the target
/// before every build: the commit the package is built from (`git rev-parse`), `-dirty` when tracked
/// files differ from it, or `unknown` outside a git checkout (a source tarball, no `git`).
///
/// A prebuild command runs on every build, so the revision is never stale; the file is rewritten
/// only when the text changes, so an unchanged revision recompiles nothing.
@main
struct GitRevisionPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let output = context.pluginWorkDirectoryURL.appendingPathComponent("generated")
        return [.prebuildCommand(
            displayName: "Recording the git revision for \(target.name)",
            executable: URL(fileURLWithPath: "/bin/sh"),
            arguments: ["-c", Self.script, "git-revision", context.package.directoryURL.path, output.path],
            outputFilesDirectory: output)]
    }

    /// `$1` the package folder, `$2` the output folder.
    static let script = #"""
    set -u
    mkdir -p "$2"
    rev=$(git -C "$1" rev-parse --short=12 HEAD 2>/dev/null) || rev=unknown
    if [ "$rev" != unknown ] && [ -n "$(git --no-optional-locks -C "$1" status --porcelain --untracked-files=no 2>/dev/null)" ]; then
      rev="$rev-dirty"
    fi
    printf '// Generated at build time by Plugins/GitRevision; not in the repository.\n/// The git commit this binary was built from.\nenum GitRevision {\n    static let current = "%s"\n}\n' "$rev" > "$2/GitRevision.swift.new"
    if cmp -s "$2/GitRevision.swift.new" "$2/GitRevision.swift"; then rm -f "$2/GitRevision.swift.new"; else mv "$2/GitRevision.swift.new" "$2/GitRevision.swift"; fi
    """#
}

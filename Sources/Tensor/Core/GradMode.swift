/// Whether ops record themselves on the autodiff graph (PyTorch's `torch.no_grad()` switch).
///
/// Recording is on by default. Backward passes turn it off unless asked to build a graph of the
/// gradient itself (`createGraph: true`), which is what makes second derivatives possible.
///
/// ```swift
/// let fake = GradMode.withoutRecording { generator(noise, prev) }   // no graph kept
/// ```
public enum GradMode {
    @TaskLocal static var recordingFlag = true

    /// True when new ops are recorded.
    public static var isRecording: Bool { recordingFlag }

    /// Runs `body` with recording switched to `enabled`.
    public static func with<T>(recording enabled: Bool, _ body: () throws -> T) rethrows -> T {
        try $recordingFlag.withValue(enabled, operation: body)
    }

    /// Runs `body` without recording any op.
    public static func withoutRecording<T>(_ body: () throws -> T) rethrows -> T {
        try with(recording: false, body)
    }
}

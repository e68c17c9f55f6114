import Anvil
import Foundation

/// A self-contained HTML page to walk around volumes in 3D: WebGL 2 written here (no network,
/// no external script), greedy-meshed faces per block colour, orbit/pan/zoom by mouse and
/// touch, a cut-away slider, the block under the cursor, a switcher and side-by-side view
/// between the input and each sample, and the measures the caller computed for each sample.
///
/// ```swift
/// var page = ViewPage(title: "ruins")
/// page.entries = [.init(name: "real.schem", role: .input, volume: real),
///                 .init(name: "sample-0", role: .sample, volume: sample, measures: [.init("TPKL k=5", "0.42")])]
/// try page.html().write(to: URL(fileURLWithPath: "view.html"), atomically: true, encoding: .utf8)
/// ```
/// Large volumes stay responsive: while the camera or the cut moves the page draws a coarse
/// mesh (voxels merged 2×2×2 or more, meshed once at load) and the full one when it rests.
/// The page reads `#show=N&cut=Y&compare&yaw=…&pitch=…&coarse&bench` from its URL (tests and
/// screenshots use it) and reports its state as JSON in `<pre id="status">`.
///
/// - Throws: `RenderError.invalidOption` when there is nothing to show or a volume is more than
///   `maxSide` blocks along an axis.
/// - Complexity: O(voxels) to pack; the file holds each volume run-length coded
///   (about 1–3 bytes per run, base64), so a 384×32×384 sample stays well under a few MB.
public struct ViewPage: Sendable {
    /// Whether an entry is the structure trained on or something generated from it.
    public enum Role: String, Sendable, Codable {
        case input, sample
    }

    /// One volume shown on the page.
    public struct Entry: Sendable {
        public var name: String
        public var role: Role
        public var volume: BlockVolume
        /// Shown beside the entry (e.g. `worldgan eval`'s scores against the input).
        public var measures: [ViewMeasure]

        public init(name: String, role: Role, volume: BlockVolume, measures: [ViewMeasure] = []) {
            self.name = name
            self.role = role
            self.volume = volume
            self.measures = measures
        }
    }

    /// A picture shown under the 3D view (a run's `previews/scale<n>.png`).
    public struct Preview: Sendable {
        public var name: String
        public var png: Data

        public init(name: String, png: Data) {
            self.name = name
            self.png = png
        }
    }

    public var title: String
    public var entries: [Entry] = []
    /// Measures about all samples together (diversity), shown once.
    public var summary: [ViewMeasure] = []
    public var previews: [Preview] = []
    public var colours: BlockColours = .standard
    /// How many of the most common blocks the histogram lists.
    public var histogramLength = 12

    /// The longest side a volume may have: the page's vertices hold positions in sixteenths of
    /// a block as 16-bit integers (below 4096 blocks, also once a coarse mesh rounds a side up to
    /// a multiple of 2, 3 or 4).
    public static let maxSide = 4092

    public init(title: String) { self.title = title }

    /// The page as one HTML string.
    public func html() throws -> String {
        guard !entries.isEmpty else {
            throw RenderError.invalidOption(option: "entries", value: "none", allowed: "at least one volume")
        }
        if let big = entries.first(where: { max($0.volume.sizeX, $0.volume.sizeY, $0.volume.sizeZ) > Self.maxSide }) {
            let v = big.volume
            throw RenderError.invalidOption(option: "volume \(big.name)", value: "\(v.sizeX)×\(v.sizeY)×\(v.sizeZ)",
                                            allowed: "at most \(Self.maxSide) blocks along each axis")
        }
        let data = _ViewData(page: self)
        return _ViewTemplate.page(title: title, dataJSON: try data.scriptSafeJSON())
    }
}

/// A labelled value shown on the page, already formatted (`TPKL k=5`, `0.4213`).
public struct ViewMeasure: Sendable, Codable, Equatable {
    public var label: String
    public var value: String

    public init(_ label: String, _ value: String) {
        self.label = label
        self.value = value
    }
}

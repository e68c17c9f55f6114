import Anvil
import Dispatch

/// Draws a `BlockVolume` as a picture: 2:1 isometric from any of the four top corners, or straight
/// down. Faces are shaded by direction (top brightest), outlined one pixel darker, glass, ice and
/// water blend over what is behind them, plants are small speckled tufts, air is transparent.
///
/// Each pixel is one ray cast through the voxel grid, so the result is exact (no sorting
/// artefacts), deterministic, and independent of the thread count.
///
/// ```swift
/// var options = IsometricRenderer.Options()
/// options.corner = .northWest
/// options.cutawayY = 12          // hide everything above y = 12
/// let image = try IsometricRenderer(options: options).render(volume)
/// try image.writePNG(to: URL(fileURLWithPath: "out.png"))
/// ```
/// - Complexity: O(width · height · (sizeX + sizeY + sizeZ)) ray steps, spread over all cores.
public struct IsometricRenderer: Sendable {
    /// Picture settings; the defaults suit a quick look at a 64-block build.
    public struct Options: Sendable, Equatable {
        /// Corner the viewer looks from (isometric only).
        public var corner: ViewCorner = .southEast
        public var projection: Projection = .isometric
        /// Width in pixels of one block's top (an even number, 2…256).
        public var blockSize: Int = 12
        /// Blocks above this y (volume coordinates, 0 = bottom layer) are hidden; `nil` shows all.
        public var cutawayY: Int? = nil
        /// Colour behind the blocks (transparent by default).
        public var background: RGBA = .clear
        /// One-pixel darker outline around each face (drawn when `blockSize` ≥ 6).
        public var outlines: Bool = true
        /// Empty pixels around the picture.
        public var margin: Int = 2
        /// Refuse pictures with more pixels than this.
        public var maxPixels: Int = 1 << 26

        public init() {}
    }

    public var options: Options
    public var colours: BlockColours

    public init(options: Options = Options(), colours: BlockColours = .standard) {
        self.options = options
        self.colours = colours
    }

    /// The picture's size in pixels for a volume of this size, without rendering.
    public func imageSize(forVolumeSize size: (Int, Int, Int)) -> (width: Int, height: Int) {
        let camera = self.camera(size)
        return (camera.width, camera.height)
    }

    /// Renders `volume`.
    /// - Throws: `RenderError.invalidOption` for a bad block size or margin;
    ///   `RenderError.imageTooLarge` when the picture would exceed `options.maxPixels`.
    public func render(_ volume: BlockVolume) throws -> Image {
        try validate()
        let camera = self.camera(volume.size)
        let pixels = camera.width.multipliedReportingOverflow(by: camera.height)
        guard !pixels.overflow, pixels.partialValue <= options.maxPixels else {
            throw RenderError.imageTooLarge(width: camera.width, height: camera.height, limit: options.maxPixels)
        }
        let scene = _VoxelScene(volume: volume, corner: options.corner, cutawayY: options.cutawayY, colours: colours)
        let tracer = _RayTracer(scene: scene,
                                outlineWidth: options.outlines && options.blockSize >= 6 ? camera.pixelInBlocks : 0,
                                heightShading: options.projection == .topDown)
        var image = Image(width: camera.width, height: camera.height)
        let background = options.background
        image.pixels.withUnsafeMutableBufferPointer { buffer in
            let out = _PixelBuffer(base: buffer.baseAddress)
            let bands = max(1, min(camera.height, 64))
            DispatchQueue.concurrentPerform(iterations: bands) { band in
                let rows = (band * camera.height / bands)..<((band + 1) * camera.height / bands)
                for py in rows {
                    for px in 0..<camera.width {
                        let ray = camera.ray(px, py)
                        let s = tracer.trace(origin: ray.origin, direction: ray.direction)
                        out.store(Self.finish(s, over: background), at: (py * camera.width + px) * 4)
                    }
                }
            }
        }
        return image
    }

    func validate() throws {
        guard (2...256).contains(options.blockSize), options.blockSize % 2 == 0 else {
            throw RenderError.invalidOption(option: "blockSize", value: "\(options.blockSize)", allowed: "even numbers 2…256")
        }
        guard (0...4096).contains(options.margin) else {
            throw RenderError.invalidOption(option: "margin", value: "\(options.margin)", allowed: "0…4096")
        }
    }

    func camera(_ size: (Int, Int, Int)) -> _Camera {
        let view = options.corner.viewSize(size.0, size.2)
        return _Camera(projection: options.projection, blockSize: options.blockSize, margin: options.margin,
                       sizeX: view.x, sizeY: size.1, sizeZ: view.z)
    }

    /// The ray's premultiplied colour composited over the background, as straight-alpha bytes.
    static func finish(_ s: _RayTracer.Sample, over bg: RGBA) -> RGBA {
        let ba = Double(bg.alpha) / 255 * (1 - s.a)
        let a = s.a + ba
        guard a > 0 else { return .clear }
        func channel(_ c: Double, _ b: UInt8) -> UInt8 { RGBA.clamp((c + Double(b) * ba) / a * 255) }
        return RGBA(channel(s.r, bg.red), channel(s.g, bg.green), channel(s.b, bg.blue), RGBA.clamp(a * 255))
    }
}

/// The image bytes, shared by the row bands of `concurrentPerform`; each band writes its own rows.
struct _PixelBuffer: @unchecked Sendable {
    let base: UnsafeMutablePointer<UInt8>?

    @inline(__always)
    func store(_ c: RGBA, at offset: Int) {
        guard let base else { return }
        base[offset] = c.red; base[offset + 1] = c.green; base[offset + 2] = c.blue; base[offset + 3] = c.alpha
    }
}

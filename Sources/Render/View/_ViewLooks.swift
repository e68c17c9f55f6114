import Anvil

/// The block looks every entry of a page shares: id 0 is air, then one id per distinct block
/// state, with the colour table's colours, opacity and box.
struct _ViewLooks {
    /// How the page meshes a look. Raw values are read by the page's script.
    enum Kind: Int, Codable {
        case air = 0, opaque = 1, translucent = 2, opaquePart = 3, translucentPart = 4
    }

    /// One look as the page reads it: name, top and side colour (0xRRGGBB), alpha 0…255,
    /// kind, and the box in sixteenths `[minX, minY, minZ, maxX, maxY, maxZ]`.
    struct Look: Codable {
        var n: String
        var t: UInt32
        var s: UInt32
        var a: Int
        var k: Kind
        var b: [Int]
    }

    private(set) var looks = [Look(n: "air", t: 0, s: 0, a: 0, k: .air, b: [0, 0, 0, 16, 16, 16])]
    private var idOfToken: [String: Int] = [:]
    let colours: BlockColours

    init(colours: BlockColours) { self.colours = colours }

    /// Look id per palette index of `volume`.
    mutating func ids(for volume: BlockVolume) -> [Int] {
        volume.palette.map { id(for: $0) }
    }

    mutating func id(for state: BlockState) -> Int {
        if let id = idOfToken[state.token] { return id }
        let appearance = colours.appearance(for: state)
        guard appearance.material != .air, !state.isAir else { idOfToken[state.token] = 0; return 0 }
        let id = looks.count
        looks.append(Self.look(state, appearance))
        idOfToken[state.token] = id
        return id
    }

    static func look(_ state: BlockState, _ a: BlockAppearance) -> Look {
        func hex(_ c: RGBA) -> UInt32 { UInt32(c.red) << 16 | UInt32(c.green) << 8 | UInt32(c.blue) }
        let see = a.top.alpha < 255
        let kind: Kind = a.box.isFull ? (see ? .translucent : .opaque) : (see ? .translucentPart : .opaquePart)
        let box = [a.box.minX, a.box.minY, a.box.minZ, a.box.maxX, a.box.maxY, a.box.maxZ]
            .map { Int(($0 * 16).rounded()) }
        return Look(n: state.token, t: hex(a.top), s: hex(a.side), a: Int(a.top.alpha), k: kind, b: box)
    }
}

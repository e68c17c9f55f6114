/// How block states become vocabulary tokens.
public enum TokenMode: String, Sendable, CaseIterable {
    /// The full state with properties (`minecraft:oak_stairs[facing=east,…]`): stairs keep their facing.
    case state
    /// The name only, as the original World-GAN did (all stairs face one way when generated).
    case name
    /// The full state with the properties the game derives from neighbours (leaf distance,
    /// fence/pane/wall sides, stair corners, snowy) at one fixed value (``DerivedProperties``).
    case canonical
}

extension BlockVolume {
    /// The same blocks with states reduced to tokens of `mode` (`.state` returns `self`).
    public func tokenized(_ mode: TokenMode) -> BlockVolume {
        switch mode {
        case .state:
            return self
        case .canonical:
            return DerivedProperties.canonicalized(self)
        case .name:
            return BlockVolume(size: size, palette: palette.map(\.withoutProperties), indices: indices,
                               blockEntities: blockEntities).compacted()
        }
    }
}

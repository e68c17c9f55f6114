/// What a schematic file holds besides its blocks, for every format.
public struct SchematicInfo: Equatable, Sendable {
    /// The format the file was read as.
    public var format: SchematicFormat
    /// The format's own version (Sponge 1–3, Litematica 4–7; 0 for structure and MCEdit files).
    public var version: Int
    /// The Minecraft DataVersion the blocks were saved with; `nil` when the file has none (MCEdit).
    public var dataVersion: Int?
    /// Where the schematic's corner was in its world (Sponge `Offset`, MCEdit `WEOrigin`), else 0.
    public var offset: (Int, Int, Int)
    /// Name and author (Litematica metadata; Sponge `Metadata` when present).
    public var name: String?
    public var author: String?
    /// Facts a reader should tell the user (e.g. which of several structure palettes was taken).
    public var notes: [String]

    public init(format: SchematicFormat, version: Int = 0, dataVersion: Int? = nil, offset: (Int, Int, Int) = (0, 0, 0),
                name: String? = nil, author: String? = nil, notes: [String] = []) {
        self.format = format
        self.version = version
        self.dataVersion = dataVersion
        self.offset = offset
        self.name = name
        self.author = author
        self.notes = notes
    }

    public static func == (a: SchematicInfo, b: SchematicInfo) -> Bool {
        a.format == b.format && a.version == b.version && a.dataVersion == b.dataVersion && a.offset == b.offset
            && a.name == b.name && a.author == b.author && a.notes == b.notes
    }
}

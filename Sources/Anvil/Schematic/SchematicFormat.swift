import NBT

/// The schematic file formats worldgan reads and writes, told apart by their root tags (never by
/// trying readers until one parses; see `FORMATS.md`, "Schematic formats").
///
/// ```swift
/// SchematicFormat.detect(document)          // .litematic for a file with Regions + MinecraftDataVersion
/// SchematicFormat(fileExtension: "nbt")      // .structure
/// ```
public enum SchematicFormat: String, Sendable, CaseIterable {
    /// Sponge Schematic v1–3 (WorldEdit `.schem`).
    case sponge
    /// Litematica `.litematic` (versions 4–7).
    case litematic
    /// Vanilla structure template `.nbt` (structure blocks, `/place template`, data packs).
    case structure
    /// MCEdit / Schematica `.schematic` with numeric block ids (read only).
    case mcedit

    /// The format a file name's extension suggests, `nil` for other extensions.
    public init?(fileExtension: String) {
        switch fileExtension.lowercased() {
        case "schem": self = .sponge
        case "litematic": self = .litematic
        case "nbt": self = .structure
        case "schematic": self = .mcedit
        default: return nil
        }
    }

    /// The usual extension of files in this format.
    public var fileExtension: String {
        switch self {
        case .sponge: "schem"
        case .litematic: "litematic"
        case .structure: "nbt"
        case .mcedit: "schematic"
        }
    }

    /// Whether worldgan can write this format.
    public var isWritable: Bool { self != .mcedit }

    /// The format of a document by its root tags; `nil` when it is none of the four.
    /// - Sponge: `Schematic` compound holding `Version`, or `Version` + `Palette` + `BlockData` (v1/v2);
    /// - Litematica: `Regions` + `MinecraftDataVersion`;
    /// - structure: `size` + `blocks` + `palette` or `palettes`;
    /// - MCEdit: `Blocks` and `Data` byte arrays (with `Materials`).
    public static func detect(_ document: NBTReader.Document) -> SchematicFormat? {
        let root = document.root
        if root["Regions"]?.compound != nil && root["MinecraftDataVersion"] != nil { return .litematic }
        if root["size"]?.list != nil, root["blocks"]?.list != nil,
           root["palette"]?.list != nil || root["palettes"]?.list != nil { return .structure }
        let inner = root["Schematic"]?.compound ?? root
        if inner["Blocks"]?.byteArray != nil && (inner["Data"]?.byteArray != nil || inner["Materials"] != nil) {
            return .mcedit
        }
        if inner["Version"] != nil && (inner["Blocks"]?.compound != nil || inner["Palette"] != nil) { return .sponge }
        return nil
    }
}

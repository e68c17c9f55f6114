import Foundation
import NBT

/// Schematic files on disk in any `SchematicFormat`: read by content (the extension is only a
/// fallback hint for error messages), written by the extension or an explicit format. All four
/// formats are gzip NBT.
///
/// ```swift
/// let (volume, info) = try SchematicFile.read(URL(fileURLWithPath: "house.litematic"))
/// let warnings = try SchematicFile.write(volume, to: URL(fileURLWithPath: "house.nbt"), dataVersion: 3955)
/// ```
public enum SchematicFile {
    /// Errors reading or writing a schematic file; each names the file.
    public enum Failure: Error, CustomStringConvertible {
        case nbt(path: String, NBTError)
        case schematic(path: String, SchematicError)

        public var description: String {
            switch self {
            case let .nbt(_, error): "\(error)"
            case let .schematic(path, error): "\(path): \(error)"
            }
        }
    }

    /// The volume and header of the schematic at `url`, whatever its format.
    /// - Parameter palette: the palette variant of a structure file with `palettes` (default the first).
    public static func read(_ url: URL, palette: Int = 0) throws(Failure) -> (volume: BlockVolume, info: SchematicInfo) {
        let document: NBTReader.Document
        do { document = try NBTFile.read(contentsOf: url).document } catch { throw .nbt(path: url.path, error) }
        do { return try read(document, palette: palette) } catch { throw .schematic(path: url.path, error) }
    }

    /// The volume and header of a schematic document, its format detected from its root tags.
    public static func read(_ document: NBTReader.Document, palette: Int = 0) throws(SchematicError) -> (volume: BlockVolume, info: SchematicInfo) {
        switch SchematicFormat.detect(document) {
        case .sponge: return try SpongeSchematic.read(document)
        case .litematic: return try LitematicSchematic.read(document)
        case .structure: return try StructureTemplate.read(document, variant: palette)
        case .mcedit: return try MCEditSchematic.read(document)
        case nil: throw .unknownFormat(keys: document.root.keys)
        }
    }

    /// The format a write to `url` uses: `format` when given, else by extension, else Sponge.
    public static func format(for url: URL, _ format: SchematicFormat? = nil) -> SchematicFormat {
        format ?? SchematicFormat(fileExtension: url.pathExtension) ?? .sponge
    }

    /// Writes `volume` atomically as a gzip schematic in `format` (default: by the extension of
    /// `url`, else Sponge v3). Returns warnings for the user (a structure too large for a structure block).
    @discardableResult
    public static func write(_ volume: BlockVolume, to url: URL, format: SchematicFormat? = nil, dataVersion: Int,
                             offset: (Int, Int, Int) = (0, 0, 0), metadata: Compound = Compound(),
                             name: String? = nil) throws(Failure) -> [String] {
        let chosen = self.format(for: url, format)
        var warnings: [String] = []
        let document: NBTReader.Document
        do throws(SchematicError) {
            switch chosen {
            case .sponge:
                document = try SpongeSchematic.document(for: volume, dataVersion: dataVersion, offset: offset, metadata: metadata)
            case .litematic:
                let title = name ?? url.deletingPathExtension().lastPathComponent
                document = try LitematicSchematic.document(for: volume, dataVersion: dataVersion, name: title)
            case .structure:
                document = StructureTemplate.document(for: volume, dataVersion: dataVersion)
                let limit = StructureTemplate.structureBlockLimit
                if max(volume.sizeX, volume.sizeY, volume.sizeZ) > limit {
                    warnings.append("\(url.path): \(volume.sizeX)×\(volume.sizeY)×\(volume.sizeZ) is more than \(limit) blocks on an axis: /place template loads it, a structure block does not")
                }
            case .mcedit:
                throw SchematicError.notWritable(.mcedit)
            }
        } catch { throw .schematic(path: url.path, error) }
        do { try NBTFile.write(document, to: url, compression: .gzip) } catch { throw .nbt(path: url.path, error) }
        return warnings
    }
}

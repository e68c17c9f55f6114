import Foundation
import NBT

/// `.schem` files on disk: gzip-compressed Sponge schematics (see `SpongeSchematic`).
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

    /// The volume and header of the schematic at `url`.
    public static func read(_ url: URL) throws(Failure) -> (volume: BlockVolume, info: SpongeSchematic.Info) {
        let document: NBTReader.Document
        do { document = try NBTFile.read(contentsOf: url).document } catch { throw .nbt(path: url.path, error) }
        do { return try SpongeSchematic.read(document) } catch { throw .schematic(path: url.path, error) }
    }

    /// Writes `volume` as a gzip Sponge v3 schematic, atomically.
    public static func write(_ volume: BlockVolume, to url: URL, dataVersion: Int,
                             offset: (Int, Int, Int) = (0, 0, 0), metadata: Compound = Compound()) throws(Failure) {
        let document: NBTReader.Document
        do {
            document = try SpongeSchematic.document(for: volume, dataVersion: dataVersion, offset: offset, metadata: metadata)
        } catch { throw .schematic(path: url.path, error) }
        do { try NBTFile.write(document, to: url, compression: .gzip) } catch { throw .nbt(path: url.path, error) }
    }
}

/// Why a style could not be loaded or applied, or generated values could not be decoded against
/// another vocabulary.
///
/// Cases carry the file (or bundled resource) and the entry at fault; each `description` is one
/// line saying what went wrong, where, and what to do.
public enum StyleError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The style or embeddings file could not be read (`reason` is the system's).
    case unreadable(file: String, reason: String)
    /// The file is not JSON of the form `{ "description": …, "map": { "source": "target", … } }`.
    case notAStyle(file: String, reason: String)
    /// One entry `"source": "target"` of the style's `map` is wrong.
    case badEntry(file: String, source: String, target: String, problem: EntryProblem)
    /// `--style NAME` names no bundled style (and has no `.json`/`.txt` extension).
    case unknownStyle(name: String, available: [String])
    /// A resource is missing from the Styles bundle (a packaging fault, not the user's).
    case resourceMissing(name: String)
    /// The bundled or given block property table is malformed.
    case badPropertyTable(file: String, reason: String)
    /// A voxel refers past the volume's palette (a corrupt volume).
    case paletteIndexOutOfRange(voxel: Int, index: Int, paletteCount: Int)
    /// The generated values do not have `embeddingsDimension` channels per voxel.
    case dimensionMismatch(file: String, embeddingsDimension: Int, valueCount: Int, voxelCount: Int)
    /// Row `row` (0-based) of an embeddings file holds a token that is not a block state.
    case unparsableToken(file: String, row: Int, token: String)
    /// The embeddings file has no tokens, so nothing can be decoded against it.
    case emptyVocabulary(file: String)

    /// What is wrong with one style entry.
    public enum EntryProblem: Equatable, Sendable, CustomStringConvertible {
        /// The key is not `namespace:name` or `namespace:name[key=value,…]` (lower-case, no spaces).
        case sourceNotAToken
        /// The value is not `namespace:name` or `namespace:name[key=value,…]`.
        case targetNotAToken
        /// An air target with properties (air has none).
        case airWithProperties
        /// Another key names the same block state (e.g. `stone` and `minecraft:stone`).
        case duplicateSource(other: String)
        /// The target sets a property its block does not have (`known`: the ones it has).
        case unknownTargetProperty(property: String, known: [String])
        /// The target sets a property to a value the block does not allow.
        case invalidTargetValue(property: String, value: String, allowed: [String])

        public var description: String {
            switch self {
            case .sourceNotAToken:
                return "the key is not a block name or token (namespace:name or namespace:name[key=value,…], lower case)"
            case .targetNotAToken:
                return "the value is not a block name or token (namespace:name or namespace:name[key=value,…], lower case)"
            case .airWithProperties:
                return "air takes no properties"
            case let .duplicateSource(other):
                return "the key names the same block state as \"\(other)\"; keep one of them"
            case let .unknownTargetProperty(property, known):
                let has = known.isEmpty ? "has no properties" : "has only " + known.joined(separator: ", ")
                return "the target block has no property \(property) (it \(has))"
            case let .invalidTargetValue(property, value, allowed):
                return "\(property)=\(value) is not allowed (\(property) takes " + allowed.joined(separator: ", ") + ")"
            }
        }
    }

    public var description: String {
        switch self {
        case let .unreadable(file, reason):
            return "\(file): cannot read (\(reason)); check the path"
        case let .notAStyle(file, reason):
            return "\(file): not a style file (\(reason)); expected {\"description\": …, \"map\": {\"minecraft:stone_bricks\": \"minecraft:red_sandstone\", …}}"
        case let .badEntry(file, source, target, problem):
            return "\(file): entry \"\(source)\": \"\(target)\": \(problem)"
        case let .unknownStyle(name, available):
            return "no bundled style named \"\(name)\"; use one of " + available.joined(separator: ", ")
                + ", a style FILE.json, or an embeddings FILE.txt"
        case let .resourceMissing(name):
            return "\(name) is missing from the Styles bundle; rebuild worldgan (swift build) so its resources are copied"
        case let .badPropertyTable(file, reason):
            return "\(file): not a block property table (\(reason)); regenerate it with Sources/Styles/make-block-properties.py"
        case let .paletteIndexOutOfRange(voxel, index, count):
            return "style: voxel \(voxel) uses palette entry \(index) of a \(count)-entry palette; the volume is corrupt — re-extract it"
        case let .dimensionMismatch(file, dimension, valueCount, voxelCount):
            let per = voxelCount > 0 && valueCount % voxelCount == 0
                ? "\(valueCount / voxelCount) channels per voxel" : "\(valueCount) values for \(voxelCount) voxels"
            return "\(file): embeddings of dimension \(dimension) cannot decode a volume of \(per); "
                + "pass an embeddings file of the run's dimension"
        case let .unparsableToken(file, row, token):
            return "\(file): token \"\(token)\" (row \(row + 1)) is not a block state (namespace:name[key=value,…]); "
                + "decode against an embeddings file of block tokens"
        case let .emptyVocabulary(file):
            return "\(file): the embeddings file holds no tokens; pass one with at least one block token"
        }
    }
}

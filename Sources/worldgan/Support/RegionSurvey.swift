import Anvil
import Foundation
import NBT

/// What `info` reports about region files: chunk counts, compressions, DataVersions, layouts, errors.
struct RegionSurvey {
    var regions = 0
    var chunks = 0
    var compressions: [String: Int] = [:]
    var dataVersions: [Int: Int] = [:]
    var layouts: [String: Int] = [:]
    var errors: [String] = []
    var warnings: [String] = []

    /// Reads every chunk of `url` (both cores) and adds what it finds.
    mutating func add(regionAt url: URL) {
        regions += 1
        let file: RegionFile
        do { file = try RegionFile(contentsOf: url) } catch {
            errors.append("\(error)")
            return
        }
        let outcomes = file.mapChunksConcurrently { outcome -> (String?, Int?, String?, String?, [String]) in
            switch outcome.result {
            case .failure(let error):
                return (nil, nil, nil, "\(error)", [])
            case .success(let chunk):
                let compression = chunk.compression.description + (chunk.isExternal ? " (external .mcc)" : "")
                let warnings = chunk.warnings.map(\.description)
                do {
                    let root = try chunk.nbt().root
                    let dv = root["DataVersion"]?.integer ?? 0
                    return (compression, dv, "\(ChunkLayout(for: DataVersion(dv)))", nil, warnings)
                } catch {
                    return (compression, nil, nil, "\(file.reference(outcome.slot)): \(error)", warnings)
                }
            }
        }
        for (compression, dv, layout, error, warnings) in outcomes {
            chunks += 1
            if let compression { compressions[compression, default: 0] += 1 }
            if let dv { dataVersions[dv, default: 0] += 1 }
            if let layout { layouts[layout, default: 0] += 1 }
            if let error { errors.append(error) }
            self.warnings.append(contentsOf: warnings)
        }
    }

    var report: String {
        var out = "regions: \(regions)\nchunks: \(chunks)\n"
        out += "compression: " + compressions.sorted { $0.key < $1.key }.map { "\($0.key) ×\($0.value)" }.joined(separator: ", ") + "\n"
        out += "DataVersion: " + dataVersions.sorted { $0.key < $1.key }.map { "\($0.key == 0 ? "none" : String($0.key)) ×\($0.value)" }.joined(separator: ", ") + "\n"
        out += "chunk formats: " + layouts.sorted { $0.key < $1.key }.map { "\($0.key) ×\($0.value)" }.joined(separator: ", ") + "\n"
        if !warnings.isEmpty {
            out += "warnings: \(warnings.count)\n" + warnings.prefix(10).map { "  " + $0 }.joined(separator: "\n") + "\n"
        }
        if !errors.isEmpty {
            out += "unreadable chunks: \(errors.count)\n" + errors.prefix(20).map { "  " + $0 }.joined(separator: "\n") + "\n"
        }
        return out
    }
}

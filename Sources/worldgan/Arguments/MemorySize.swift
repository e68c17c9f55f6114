import ArgumentParser
import Foundation

/// A number of bytes typed with an optional binary unit: `1G`, `512M`, `1.5g`, `800000000`.
struct MemorySize: ExpressibleByArgument, Equatable, CustomStringConvertible {
    var bytes: Int

    init(bytes: Int) { self.bytes = bytes }

    init?(argument: String) {
        let text = argument.trimmingCharacters(in: .whitespaces).uppercased()
        let units: [(String, Double)] = [("KB", 0x1p10), ("MB", 0x1p20), ("GB", 0x1p30), ("TB", 0x1p40),
                                         ("K", 0x1p10), ("M", 0x1p20), ("G", 0x1p30), ("T", 0x1p40), ("B", 1)]
        let unit = units.first { text.hasSuffix($0.0) }
        guard let number = Double(text.dropLast(unit?.0.count ?? 0)), number > 0, number.isFinite,
              number * (unit?.1 ?? 1) < 0x1p62 else { return nil }
        bytes = Int(number * (unit?.1 ?? 1))
    }

    /// `1.5 GiB`, `512 MiB`.
    var description: String {
        bytes >= 1 << 30 ? String(format: "%.1f GiB", Double(bytes) / 0x1p30) : String(format: "%.0f MiB", Double(bytes) / 0x1p20)
    }

    static var defaultValueDescription: String { "half the machine's memory" }
}

import Anvil
import Foundation

extension GenerateCommand {
    /// `--view`: DIR/view.html with the run's training input (when it can be read) and the samples.
    func writeView(_ samples: [BlockVolume], real: URL) throws {
        let input = (try? SchematicFile.read(real)).map { (name: "input", volume: $0.volume) }
        let inputs = ViewInputs(input: input, samples: samples.enumerated().map { (name: "sample-\($0.offset)", volume: $0.element) })
        let page = try inputs.page(title: URL(fileURLWithPath: runFolder).lastPathComponent)
        try ViewCommand.write(page, to: URL(fileURLWithPath: output).appendingPathComponent("view.html"))
    }
}

import Foundation
import XCTest

/// The folder every example starts from, built once with the product's own commands.
///
/// It holds what the documented examples read: the shipped sample world as `worlds/ruins`, the
/// fixture world `<world>` stands for (`negative-world`: the ruin pasted at x z −300 (region
/// r.-1.-1) and around 0 0, so that boxes with negative x and z hold blocks), a world
/// `~/.minecraft/saves/Castle` (`HOME` is `home/`) with the ruin in its nether at −120 60 300,
/// the schematics `ruins.schem` (a 16×10×16 corner of the ruin, to keep training quick),
/// `ruin.schem` (the whole ruin), `keep.schem` and `sample-1.schem`, embeddings,
/// a tiny trained run `runs/ruins` with its `samples/`, and an interrupted run for `train --resume`.
struct ExampleFixture {
    let folder: URL

    /// What `<world>`, `--from X Y Z`, `--to X Y Z` and `--at X Y Z` become.
    static let world = "negative-world"
    static let from = "-300 -62 -300", to = "-253 -47 -253", at = "-100 -60 -100"

    /// A tiny run stands in for a trained one: two scales of two iterations, four features, no previews.
    static let tinyTraining = "--iterations 2 --nfc 4 --scale-factors 0.5,1 --previews 0 --epochs 1 -q"

    /// An interrupted run (`kill -9` right after its first checkpoint), kept apart from the finished one.
    static let interruptedRun = "interrupted/ruins"

    static func build(in folder: URL) throws -> ExampleFixture {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let steps = [
            "worldgan sample-world worlds/ruins",
            "worldgan sample-world --schematic ruin.schem",
            // A 16×10×16 corner of the ruin: training, sampling and rendering it take seconds in a debug build.
            "worldgan extract worlds/ruins --from 48 -63 48 --to 63 -54 63 -o ruins.schem",
            "worldgan sample-world \(world)",
            "worldgan paste ruin.schem --world \(world) --at -300 -62 -300",
            "worldgan paste ruin.schem --world \(world) --at -24 -62 -24",
            "worldgan sample-world home/.minecraft/saves/Castle",
            "worldgan paste ruin.schem --world home/.minecraft/saves/Castle --dimension nether --at -120 60 300",
            "worldgan extract \(world) --from \(from) --to \(to) -o keep.schem",
            "worldgan embed ruins.schem -o embeddings/ruins.txt --epochs 1 -q",
            "worldgan train ruins.schem -o runs/ruins \(tinyTraining)",
            "worldgan generate runs/ruins --count 2 -o samples -q && cp samples/sample-1.schem sample-1.schem",
            // Files the convert examples start from, in two other formats.
            "worldgan convert ruins.schem -o house.litematic",
            "worldgan convert ruins.schem -o shipwreck.nbt",
            // Stands in for another tool's run folder (`eval --reference`): sample*.schem in schem/.
            "worldgan generate runs/ruins --count 2 --seed 5 -o torch-run/schem -q",
            // Killed as soon as the run folder's first checkpoint exists (written before iteration 0).
            """
            worldgan train ruins.schem -o \(interruptedRun) --iterations 12 --nfc 4 --scale-factors 0.5,1 --previews 0 --epochs 1 -q &
            pid=$!; while [ ! -f \(interruptedRun)/checkpoint.safetensors ] && kill -0 $pid 2>/dev/null; do sleep 0.01; done
            kill -9 $pid; wait $pid; exit 0
            """,
        ]
        for step in steps {
            let r = try ShellRunner.run(step, in: folder)
            guard r.status == 0 else {
                XCTFail("fixture step failed (\(r.status)): \(step)\n\(r.stdout)\(r.stderr)")
                throw CocoaError(.fileWriteUnknown)
            }
        }
        let manifest = try Data(contentsOf: folder.appendingPathComponent("\(interruptedRun)/run.json"))
        let progress = (try JSONSerialization.jsonObject(with: manifest) as? [String: Any])?["progress"] as? [String: Any]
        XCTAssertEqual(progress?["finished"] as? Bool, false, "the run for `train --resume` must be unfinished")
        return ExampleFixture(folder: folder)
    }
}

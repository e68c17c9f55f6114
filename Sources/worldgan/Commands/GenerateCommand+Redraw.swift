import Anvil
import Foundation
import Metrics
import Styles
import WorldGAN

/// `generate --max-inflation`: a free sample that floods its input with one block — the patch
/// layout took the input's one tree three times, a lantern column spread over a floor — is drawn
/// again with seeds derived from its own, and the least inflated draw is kept. The measure is
/// `eval`'s rare-block inflation, taken on the decoded sample before style and finishing.
extension GenerateCommand {
    /// How many more draws a sample may get.
    static let extraDraws = 3

    /// The seed of draw `attempt` of the sample whose first draw uses `base`: `base` itself first,
    /// then values far from every other sample's `seed + n`.
    static func drawSeed(_ base: UInt64, attempt: Int) -> UInt64 {
        base &+ UInt64(attempt) &* 0x9E37_79B9_7F4A_7C15
    }

    /// The check against the run's input `real`, or nil when there is none to make:
    /// `--max-inflation 0`, a vocabulary style (it decodes to other blocks than the input's), no
    /// readable input.
    func inflationCheck(_ real: BlockVolume?, choice: StyleChoice?) -> InflationCheck? {
        guard maxInflation > 0, let real else { return nil }
        if case .vocabulary = choice { return nil }
        return try? InflationCheck(input: real)
    }

    /// Sample `n`'s decoded volume: its first draw (`draw(seed)`), or, while some state is more
    /// than `--max-inflation` times as common as in the input, the least inflated of up to
    /// ``extraDraws`` more. Says on stdout when it drew again.
    func drawSample(_ n: Int, base: UInt64, check: inout InflationCheck?, draw: (UInt64) throws -> BlockVolume) throws -> BlockVolume {
        let first = try draw(base)
        guard var inflation = check else { return first }
        defer { check = inflation }
        var best = (volume: first, worst: try inflation.worst(in: first))
        let firstWorst = best.worst
        var attempts = 0
        while best.worst.ratio > maxInflation && attempts < Self.extraDraws {
            attempts += 1
            let volume = try draw(Self.drawSeed(base, attempt: attempts))
            let worst = try inflation.worst(in: volume)
            if worst.ratio < best.worst.ratio { best = (volume, worst) }
        }
        if attempts > 0 && !quiet {
            let ratio = { (r: Double) in String(format: "%.1f×", r) }
            print("sample \(n): \(firstWorst.state.token) came out \(ratio(firstWorst.ratio)) as common as in the input; "
                  + "drawn \(attempts) more time(s), kept the draw at \(ratio(best.worst.ratio)) (--max-inflation 0 keeps first draws)")
        }
        return best.volume
    }
}

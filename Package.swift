// swift-tools-version:6.0
// worldgan — learn a Minecraft structure's style from one example and generate new ones.
import PackageDescription
import class Foundation.ProcessInfo

/// Every Swift target is built for x86-64 with AVX2 + FMA (Haswell and newer): the binary must run
/// on any AVX2 machine, never only on the build machine's CPU. Hot kernels that want AVX-512 live in
/// C targets with runtime dispatch.
let portableCPU: [SwiftSetting] = [.unsafeFlags(["-target-cpu", "haswell"])]
/// Numeric kernels additionally drop overflow/bounds checks; inputs are validated at their API edge.
let numericKernel: [SwiftSetting] = portableCPU + [.unsafeFlags(["-Ounchecked"])]

let package = Package(
    name: "worldgan",
    products: [
        .executable(name: "worldgan", targets: ["worldgan"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        // System libraries (Debian: zlib1g-dev, liblz4-dev, libopenblas-dev).
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        .systemLibrary(name: "CLZ4", pkgConfig: "liblz4", providers: [.apt(["liblz4-dev"])]),
        .systemLibrary(name: "CBLAS", pkgConfig: "openblas", providers: [.apt(["libopenblas-dev"])]),

        // Minecraft data: tags, then regions/chunks/worlds/schematics.
        .target(name: "NBT", dependencies: ["CZlib"], swiftSettings: portableCPU),
        // Data tables are compiled in (generated `*+Data.swift`), so the binary needs no resource bundle.
        .target(name: "Anvil", dependencies: ["NBT", "CZlib", "CLZ4"],
                exclude: ["FORMATS.md", "Blocks/make-legacy-table.py", "Blocks/make-version-table.py", "Blocks/version-facts.json"], swiftSettings: portableCPU),

        // Numerics: knows nothing of Minecraft.
        .target(name: "SeededRandom", swiftSettings: numericKernel),
        .target(name: "CKernels", cSettings: [.unsafeFlags(["-O3"])]),
        .target(name: "Tensor", dependencies: ["CBLAS", "CKernels", "SeededRandom"], swiftSettings: numericKernel),

        // Learning and generation.
        .target(name: "Block2Vec", dependencies: ["Anvil", "SeededRandom"], swiftSettings: numericKernel),
        .target(name: "Render", dependencies: ["Anvil", "CZlib"], swiftSettings: portableCPU),
        .target(name: "Metrics", dependencies: ["Anvil"], swiftSettings: portableCPU),
        .target(name: "Styles", dependencies: ["Anvil", "Block2Vec"],
                exclude: ["make-block-properties.py"], swiftSettings: portableCPU),
        .target(name: "WorldGAN", dependencies: ["Tensor", "Anvil", "Block2Vec", "Metrics"], swiftSettings: numericKernel),

        // Builds the shipped sample world (worlds/ruins) from its design: `worldgan sample-world`.
        .target(name: "SampleWorld", dependencies: ["Anvil", "NBT", "SeededRandom"], swiftSettings: portableCPU),

        // The command-line tool.
        .executableTarget(name: "worldgan", dependencies: [
            "NBT", "Anvil", "Tensor", "Block2Vec", "Render", "Metrics", "Styles", "SampleWorld", "WorldGAN",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ], swiftSettings: portableCPU, plugins: ["GitRevision"]),
        // Generates `GitRevision.current` (the commit built from) for `worldgan --version`.
        .plugin(name: "GitRevision", capability: .buildTool()),

        // Tests: one target per module plus shared helpers.
        .target(name: "TestSupport", dependencies: ["NBT", "Anvil"], path: "Tests/TestSupport"),
        .testTarget(name: "NBTTests", dependencies: ["NBT", "TestSupport"]),
        .testTarget(name: "AnvilTests", dependencies: ["Anvil", "NBT", "SeededRandom", "TestSupport"]),
        .testTarget(name: "TensorTests", dependencies: ["Tensor", "CKernels", "TestSupport"]),
        .testTarget(name: "Block2VecTests", dependencies: ["Block2Vec", "Anvil", "TestSupport"]),
        .testTarget(name: "WorldGANTests", dependencies: ["WorldGAN", "Tensor", "Anvil", "Block2Vec", "Metrics", "TestSupport"]),
        .testTarget(name: "RenderTests", dependencies: ["Render", "Anvil", "TestSupport"]),
        .testTarget(name: "SampleWorldTests", dependencies: ["SampleWorld", "Anvil"]),
        .testTarget(name: "MetricsTests", dependencies: ["Metrics", "Anvil", "NBT", "TestSupport"]),
        .testTarget(name: "StylesTests", dependencies: ["Styles", "Anvil", "Block2Vec", "TestSupport"]),
        .testTarget(name: "CLITests", dependencies: ["NBT", "Anvil", "Metrics", "SampleWorld", "TestSupport"]),
        // Runs every command line of README.md and of each `--help` through the built binary.
        .testTarget(name: "ExampleTests", dependencies: ["TestSupport"]),
    ]
)

// libFuzzer harnesses, only for `make fuzz` (WORLDGAN_FUZZ=1): they have no `main` of their own
// (libFuzzer supplies it), so an ordinary build must not see them.
if ProcessInfo.processInfo.environment["WORLDGAN_FUZZ"] == "1" {
    package.targets += [
        .target(name: "FuzzDriver", path: "Tests/Fuzz/FuzzDriver"),
        .executableTarget(name: "FuzzNBT", dependencies: ["NBT", "FuzzDriver"], path: "Tests/Fuzz/FuzzNBT"),
        .executableTarget(name: "FuzzRegion", dependencies: ["NBT", "Anvil", "FuzzDriver"], path: "Tests/Fuzz/FuzzRegion"),
        .executableTarget(name: "FuzzSchematic", dependencies: ["NBT", "Anvil", "FuzzDriver"], path: "Tests/Fuzz/FuzzSchematic",
                          exclude: ["seeds"]),
    ]
}

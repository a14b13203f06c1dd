// swift-tools-version: 6.1
import PackageDescription

// libFuzzer targets for the scorecard, in their own package so that the scorecard's own build never sees
// sanitizer flags. Build and run them with ./run.sh. It compiles every module (the scorecard's and its
// dependencies') with AddressSanitizer and libFuzzer's coverage instrumentation, but links libFuzzer
// (which supplies `main` and calls each target's `LLVMFuzzerTestOneInput`) into the fuzz targets only:
// `-sanitize=fuzzer` on every link would also give the build tools (the template embedder) a second
// `main`. Hence the linker flag below, an unsafe flag, allowed because this package is never a dependency.
// SwiftPM gives each executable its own `main`, so libFuzzer's is never linked: each target's main.swift
// calls libFuzzer's driver (`runFuzzer`).
let fuzzTarget: [LinkerSetting] = [.unsafeFlags(["-sanitize=fuzzer,address", "-use-ld=lld"])]

let package = Package(
    name: "ScorecardFuzz",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "scorecard", path: ".."),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    ],
    targets: [
        .executableTarget(name: "FuzzCSVReader", dependencies: ["FuzzSupport"], linkerSettings: fuzzTarget),
        .executableTarget(name: "FuzzNumberParser", dependencies: ["FuzzSupport"], linkerSettings: fuzzTarget),
        .executableTarget(name: "FuzzDatePattern", dependencies: ["FuzzSupport"], linkerSettings: fuzzTarget),
        .executableTarget(name: "FuzzConfigLoader", dependencies: ["FuzzSupport"], linkerSettings: fuzzTarget),
        .executableTarget(name: "FuzzWorkbookReader", dependencies: ["FuzzSupport"], linkerSettings: fuzzTarget),
        .executableTarget(
            name: "FuzzBuild",
            dependencies: [
                "FuzzSupport",
                .product(name: "Pipeline", package: "scorecard"),
                .product(name: "Logging", package: "swift-log"),
            ],
            linkerSettings: fuzzTarget
        ),
        // libFuzzer's driver, called from each target's main; input splitting, temporary files, and the
        // check that reports a finding as a crash.
        .target(name: "CFuzzer"),
        .target(
            name: "FuzzSupport",
            dependencies: [
                "CFuzzer",
                .product(name: "Ingest", package: "scorecard"),
                .product(name: "ScorecardCore", package: "scorecard"),
            ]
        ),
    ]
)

// swift-tools-version: 6.1
import PackageDescription

// The reader benchmark lives in its own package so that the scorecard's build does not fetch or compile
// a CSV library it does not use. Run it with ./run-reader.sh (release mode).
let package = Package(
    name: "ReaderBenchmark",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "scorecard", path: ".."),
        .package(url: "https://github.com/yaslab/CSV.swift.git", exact: "2.5.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    ],
    targets: [
        .executableTarget(
            name: "ReaderBenchmark",
            dependencies: [
                .product(name: "Ingest", package: "scorecard"),
                .product(name: "ScorecardCore", package: "scorecard"),
                .product(name: "CSV", package: "CSV.swift"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
    ]
)

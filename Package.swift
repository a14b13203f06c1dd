// swift-tools-version: 6.1
import PackageDescription

// The pipeline is visible in the targets: Ingest → Metrics → Render → (Print) → Validate → Publish,
// orchestrated by Pipeline and driven by the thin `scorecard` executable.
let package = Package(
    name: "scorecard",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "scorecard", targets: ["scorecard"]),
        // For the reader benchmark in Benchmarks/ (a separate package, so the main build stays lean).
        .library(name: "Ingest", targets: ["Ingest"]),
        .library(name: "ScorecardCore", targets: ["ScorecardCore"]),
        // For the whole-build fuzzer in Fuzz/ (also a separate package).
        .library(name: "Pipeline", targets: ["Pipeline"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        // Shared vocabulary: dates and periods, the config model, records passed from ingest to metrics,
        // diagnostics with a location.
        .target(name: "ScorecardCore"),

        // Reads the sources (CSV files and .xlsx workbooks) and the YAML config; validates, rejects and
        // streams records. Workbooks: the zip through ZIPFoundation, the XML through libxml2's reader.
        .target(
            name: "Ingest",
            dependencies: [
                "ScorecardCore", "CLibXML2",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),

        // Every figure of docs/figures.md, accumulated from the record stream.
        .target(name: "Metrics", dependencies: ["ScorecardCore"]),

        // Pages (Mustache templates embedded at build time), SVG charts, data files (the workbook zipped by
        // ZIPFoundation), the e-mail digest.
        .target(
            name: "Render",
            dependencies: [
                "ScorecardCore", "Metrics",
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            plugins: ["EmbedTemplates"]
        ),

        // libxml2 through the system: parse every page, duplicate ids, links that do not resolve; the
        // streaming reader for workbooks' XML parts (Ingest).
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"]), .brew(["libxml2"])]
        ),
        .target(name: "Validate", dependencies: ["ScorecardCore", "CLibXML2"]),

        // Atomic swap into OUT, the build lock, immutable monthly archives.
        .target(name: "Publish", dependencies: ["ScorecardCore"]),

        // PDFs of the built pages by headless Chromium (`pdf:`), each print with a deadline.
        .target(name: "Print", dependencies: ["ScorecardCore"]),

        // `scorecard init`: sniffs the exports under a folder (encoding, delimiter, numbers, dates), maps files
        // to sources and headers to columns, and writes a commented scorecard.yml.
        .target(name: "Setup", dependencies: ["ScorecardCore", "Ingest"]),

        // Deterministic generator of realistic exports (`scorecard sample`).
        .target(name: "Sample", dependencies: ["ScorecardCore"]),

        // The boundary between reduce and finish as files (the aggregate folder), and the Spark engine
        // that writes it on a cluster.
        .target(name: "Engine", dependencies: ["ScorecardCore", "Ingest", "Metrics"], plugins: ["EmbedTemplates"]),

        // ingest → metrics → render → validate → publish, as named steps.
        .target(
            name: "Pipeline",
            dependencies: [
                "ScorecardCore", "Ingest", "Metrics", "Engine", "Render", "Validate", "Print", "Publish", "Sample",
                .product(name: "Logging", package: "swift-log"),
            ]
        ),

        .executableTarget(
            name: "scorecard",
            dependencies: [
                "Pipeline", "Setup",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),

        // Build-time embedding of templates/ into the binary, so it runs from any folder or when copied.
        .executableTarget(name: "EmbedTemplatesTool"),
        .plugin(name: "EmbedTemplates", capability: .buildTool(), dependencies: ["EmbedTemplatesTool"]),

        .testTarget(name: "ScorecardCoreTests", dependencies: ["ScorecardCore"]),
        // Small .xlsx workbooks written by tests (ZIPFoundation), shared by the suites that read them.
        .target(
            name: "WorkbookFixtures",
            dependencies: [.product(name: "ZIPFoundation", package: "ZIPFoundation")],
            path: "Tests/WorkbookFixtures"
        ),
        .testTarget(
            name: "IngestTests",
            dependencies: ["Ingest", "ScorecardCore", "WorkbookFixtures", .product(name: "Logging", package: "swift-log")],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "SetupTests",
            dependencies: ["Setup", "Ingest", "ScorecardCore", "WorkbookFixtures", .product(name: "Logging", package: "swift-log")]
        ),
        .testTarget(name: "MetricsTests", dependencies: ["Metrics", "ScorecardCore", "Ingest", "Engine"]),
        .testTarget(
            name: "RenderTests",
            dependencies: ["Render", "Metrics", "ScorecardCore", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            exclude: ["Golden"]
        ),
        .testTarget(name: "ValidateTests", dependencies: ["Validate", "ScorecardCore"]),
        .testTarget(name: "PublishTests", dependencies: ["Publish", "ScorecardCore"]),
        .testTarget(name: "PrintTests", dependencies: ["Print", "ScorecardCore"]),
        .testTarget(name: "EndToEndTests", dependencies: ["scorecard", "Sample", "ScorecardCore", "WorkbookFixtures"]),
    ]
)

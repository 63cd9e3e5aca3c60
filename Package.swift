// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "TrialReport",
    products: [
        .executable(name: "trialreport", targets: ["trialreport"]),
        .library(name: "TrialReport", targets: ["TrialReport"]),
        .executable(name: "trialreport-bench", targets: ["TrialReportBenchmarks"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
        .package(url: "https://github.com/apple/swift-numerics", from: "1.1.1"),
    ],
    targets: [
        // Pure numerics: distributions, tests, confidence intervals, regression.
        .target(
            name: "TrialStats",
            dependencies: [.product(name: "RealModule", package: "swift-numerics")]
        ),
        // The study folder: CSV reader, typed ADaM tables, validation, checksums.
        .target(
            name: "TrialData",
            dependencies: ["CByteScan", .product(name: "Crypto", package: "swift-crypto")]
        ),
        // Deterministic dummy studies in the study-folder format.
        .target(name: "TrialSimulation", dependencies: ["TrialData"]),
        // The analysis plan and every analysis; produces `Results`.
        .target(
            name: "TrialAnalysis",
            dependencies: ["TrialStats", "TrialData", .product(name: "Yams", package: "Yams")]
        ),
        // cairo + pangocairo through pkg-config.
        .systemLibrary(
            name: "CCairo",
            pkgConfig: "pangocairo",
            providers: [.apt(["libcairo2-dev", "libpango1.0-dev"])]
        ),
        // zlib (deflate, CRC-32) for the PNG encoder.
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        // gperftools' tcmalloc, the executables' malloc (linked where `CTCMalloc` is imported).
        .systemLibrary(name: "CTCMalloc", providers: [.apt(["libtcmalloc-minimal4"])]),
        // SSE2 classification of 64 bytes at a time for the CSV scanner (a header of inline C).
        .systemLibrary(name: "CByteScan"),
        // A small grammar of graphics drawn with Cairo.
        .target(name: "Plot", dependencies: ["CCairo", "CZlib"]),
        // Figures, tables and documents made from `Results`.
        .target(
            name: "TrialReport",
            dependencies: [
                "TrialAnalysis", "TrialData", "Plot", "CCairo", "CZlib",
                .product(name: "Mustache", package: "swift-mustache"),
            ]
        ),
        // The command line: parses, calls the library, maps errors to exit codes.
        .executableTarget(
            name: "trialreport",
            dependencies: [
                "TrialReport", "TrialAnalysis", "TrialData", "TrialSimulation", "CTCMalloc",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // The benchmark suite of `make bench`.
        .executableTarget(
            name: "TrialReportBenchmarks",
            dependencies: [
                "TrialReport", "TrialAnalysis", "TrialData", "TrialStats", "Plot", "CTCMalloc",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Benchmarks/TrialReportBenchmarks"
        ),
        // Running the built executable from tests (shared by the end-to-end test targets).
        .target(name: "TrialReportTestSupport", dependencies: ["CCairo"], path: "Tests/TestSupport"),
        .testTarget(name: "TrialStatsTests", dependencies: ["TrialStats"], resources: [.copy("Fixtures")]),
        .testTarget(name: "TrialDataTests", dependencies: ["TrialData"], resources: [.copy("Fixtures")]),
        .testTarget(name: "TrialSimulationTests", dependencies: ["TrialSimulation", "TrialData"], resources: [.copy("Fixtures")]),
        .testTarget(name: "TrialAnalysisTests", dependencies: ["TrialAnalysis", "TrialReportTestSupport", .product(name: "Yams", package: "Yams")], resources: [.copy("Fixtures")]),
        .testTarget(name: "PlotTests", dependencies: ["Plot", "CCairo", "CZlib", "TrialReportTestSupport"], resources: [.copy("Fixtures")]),
        .testTarget(name: "TrialReportTests", dependencies: ["TrialReport", "TrialReportTestSupport", "CCairo", "Plot"], resources: [.copy("Fixtures")]),
        .testTarget(name: "trialreportTests", dependencies: ["trialreport", "TrialReportTestSupport", "TrialReportBenchmarks"], resources: [.copy("Fixtures")]),
        // The bad-input corpus, run through the built executable (README "What happens with bad input").
        .testTarget(name: "BadInputTests", dependencies: ["trialreport", "TrialReportTestSupport", "TrialData", "TrialAnalysis", "TrialReport"],
                    resources: [.copy("Corpus")]),
    ],
    swiftLanguageModes: [.v6]
)

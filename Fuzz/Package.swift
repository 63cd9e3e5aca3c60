// swift-tools-version: 6.0
// libFuzzer targets for TrialReport's parsers. A package of its own so that the fuzzing flags
// (`--sanitize=fuzzer --sanitize=address`) never touch the normal build: `make fuzz` in the
// package root builds and runs them (see README.md "What happens with bad input").
import PackageDescription

let trialReport = Target.Dependency.product(name: "TrialReport", package: "TrialReport")

let package = Package(
    name: "TrialReportFuzz",
    dependencies: [.package(name: "TrialReport", path: "..")],
    targets: [
        // The CSV reader and the whole study-folder validation (TrialData).
        .executableTarget(name: "FuzzCSV", dependencies: [trialReport]),
        // The YAML plan reader (TrialAnalysis, over Yams).
        .executableTarget(name: "FuzzPlan", dependencies: [trialReport]),
        // The Markdown parser, the HTML writer and, for small inputs, the PDF typesetter (TrialReport).
        .executableTarget(name: "FuzzMarkdown", dependencies: [trialReport]),
        // The SAS transport (XPT v5) reader (TrialData).
        .executableTarget(name: "FuzzXPT", dependencies: [trialReport]),
        // The JSON parser that reads trial.lock and the inputs of `diff`, and the lock reader (TrialData).
        .executableTarget(name: "FuzzJSON", dependencies: [trialReport]),
        // The report's templates folder: partials, delimiters, sections (TrialReport over Mustache).
        .executableTarget(name: "FuzzTemplates", dependencies: [trialReport]),
        // A plan, then data checked against it, the analyses and the figures' sizes (the whole pipeline).
        .executableTarget(name: "FuzzStudy", dependencies: [trialReport]),
    ],
    swiftLanguageModes: [.v6]
)

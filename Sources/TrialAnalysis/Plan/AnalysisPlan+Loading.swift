import Foundation
import TrialData
import Yams

extension AnalysisPlan {
    /// Reads an analysis plan from `study.yaml` text. Keys absent keep the seed study's defaults;
    /// an empty document is the built-in plan.
    ///
    /// Every mistake is reported at once, each as `FILE:LINE:COLUMN: message`: YAML syntax,
    /// unknown keys (with the closest known key), values of the wrong type, enumeration values
    /// not allowed, numbers out of range, lists longer than their `PlanLimit`, inconsistent values
    /// (the primary visit not among the visits, identical arm labels...). Anchors, aliases, tags,
    /// nesting deeper than 64 levels and texts over 1 MiB are refused before anything is expanded,
    /// so a hostile file costs linear time; merge keys and more than one document are refused too.
    ///
    /// - Parameters:
    ///   - yaml: the text of the plan.
    ///   - file: the file name shown in diagnostics, as the user gave it.
    /// - Returns: the plan with the location of every value written.
    /// - Throws: `TrialReportError` of kind `.invalidInput` with every problem, in document order.
    /// - Complexity: O(*n*) in the length of the text.
    public static func load(yaml: String, file: String = "study.yaml") throws(TrialReportError) -> LoadedPlan {
        try read(yaml: yaml, file: file).checked()
    }

    /// Reads a plan as `load(yaml:file:)` does, but returns the plan even when some of its values
    /// have problems (each such value keeps its default), with those problems: so that the data
    /// can be checked in the same run and every mistake reported at once.
    /// - Throws: `TrialReportError` (`.invalidInput`) when the text cannot be read as a plan at
    ///   all: too large, anchors, aliases, tags, merge keys, YAML syntax, more than one
    ///   document, nesting too deep.
    static func read(yaml: String, file: String) throws(TrialReportError) -> PlanReading {
        let bytes = yaml.utf8.count
        guard bytes <= PlanStructure.maximumBytes else {
            throw TrialReportError(.invalidInput, at: SourceLocation(file: file),
                                   "the plan is \(bytes) bytes, more than the 1 MiB a plan may have")
        }
        let text = yaml.hasPrefix("\u{FEFF}") ? String(yaml.dropFirst()) : yaml
        let properties = PlanStructure.nodeProperties(in: text, file: file)
        guard properties.isEmpty else { throw TrialReportError(.invalidInput, properties) }

        let parser: Parser
        let document: Node?
        do {
            parser = try Parser(yaml: text)
            document = try parser.singleRoot()
        } catch {
            throw TrialReportError(.invalidInput, [Diagnostic.yamlProblem(error, file: file, text: text)])
        }
        // The parser owns the anchors its nodes refer to: keep it alive while they are inspected.
        return try withExtendedLifetime(parser) { () throws(TrialReportError) -> PlanReading in
            var reader = PlanNodeReader(file: file)
            guard let root = document else {
                return PlanReading(plan: LoadedPlan(plan: AnalysisPlan(), locations: PlanLocations(file: file)), reader: reader)
            }
            let structural = PlanStructure.problems(in: root, file: file)
            guard structural.isEmpty else { throw TrialReportError(.invalidInput, structural) }
            let texts = PlanTexts.problems(in: root, file: file)
            guard texts.isEmpty else { throw TrialReportError(.invalidInput, texts) }

            let plan = PlanDecoder.plan(from: root, with: &reader)
            PlanConsistency.check(plan, with: &reader)
            return PlanReading(plan: LoadedPlan(plan: plan, locations: reader.locations), reader: reader)
        }
    }

    /// Reads an analysis plan from a file; see `load(yaml:file:)`.
    ///
    /// - Parameters:
    ///   - url: the plan file.
    ///   - displayName: the name shown in diagnostics (default: the file's last path component).
    /// - Throws: `TrialReportError` of kind `.missingInput` when the file cannot be read, else as
    ///   `load(yaml:file:)` (also for a file that is not UTF-8 text or larger than 1 MiB).
    public static func load(contentsOf url: URL, displayName: String? = nil) throws(TrialReportError) -> LoadedPlan {
        try read(contentsOf: url, displayName: displayName).checked()
    }

    /// Reads a plan file as `load(contentsOf:displayName:)` does, returning the plan with the
    /// problems of its values (see `read(yaml:file:)`).
    static func read(contentsOf url: URL, displayName: String? = nil) throws(TrialReportError) -> PlanReading {
        let file = displayName ?? url.lastPathComponent
        return try read(data: try bytes(of: url, file: file), file: file)
    }

    /// The bytes of a plan file. Only a regular file is read (a FIFO would block), and only when
    /// it is within the size a plan may have (1 MiB).
    /// - Throws: `TrialReportError` of kind `.missingInput` when the file cannot be opened or is
    ///   not a regular file, `.invalidInput` when it is larger than 1 MiB.
    static func bytes(of url: URL, file: String) throws(TrialReportError) -> Data {
        do {
            return try FileContents.reading(url, name: file, byteLimit: PlanStructure.maximumBytes).withBytes { Data($0) }
        } catch {
            guard error.kind == .invalidInput else { throw error }
            throw TrialReportError(.invalidInput, at: SourceLocation(file: file), "the plan is larger than the 1 MiB a plan may have")
        }
    }

    /// Reads a plan from the bytes of its file, as `read(contentsOf:displayName:)` does.
    static func read(data: Data, file: String) throws(TrialReportError) -> PlanReading {
        guard data.count <= PlanStructure.maximumBytes else {
            throw TrialReportError(.invalidInput, at: SourceLocation(file: file), "the plan is larger than the 1 MiB a plan may have")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw TrialReportError(.invalidInput, at: SourceLocation(file: file), "the plan is not UTF-8 text")
        }
        return try read(yaml: text, file: file)
    }
}

extension Diagnostic {
    /// Orders diagnostics by line, then column; those without a line first.
    static func inDocumentOrder(_ first: Diagnostic, _ second: Diagnostic) -> Bool {
        let a = (first.location.line ?? 0, first.location.column ?? 0)
        let b = (second.location.line ?? 0, second.location.column ?? 0)
        return a < b
    }
}

import Foundation

/// What the data files of a study folder hold, as far as their names, columns and values tell:
/// what `trialreport init` drafts a first plan from. The files are the `.csv` and `.xpt` files of
/// the folder and of its subfolders one level down, recognised by their CDISC variables, not by
/// their names: a subject-level dataset has USUBJID and TRT01P (ADaM) or USUBJID and ARM (the
/// seed study's layout), adverse events USUBJID, AEDECOD and AEBODSYS, a Basic Data Structure
/// dataset USUBJID, PARAMCD, AVAL and AVISITN.
public struct StudyFolderSurvey: Sendable {
    /// The subject-level dataset (ADSL).
    public struct Subjects: Sendable {
        /// The file, relative to the folder.
        public var file: String
        /// The planned-treatment variable: `TRT01P`, or `ARM` in the seed study's layout.
        public var treatment: String
        /// The arms: the treatment's values, in the order of `TRT01PN` when the dataset has it,
        /// else alphabetical.
        public var arms: [String]
        /// `TRT01A` when the dataset has it.
        public var actualTreatment: String?
        /// The population flags: variables named `…FL` whose values are all `Y`, `N` or blank, in
        /// the dataset's order.
        public var flags: [String]
        /// The number of rows.
        public var participantCount: Int
        /// `EOSSTT` (the end-of-study status) when the dataset has it.
        public var endOfStudyStatus: String?
        /// The reason for discontinuation: `DCSREAS`, else `DCDECOD`, when the dataset has one.
        public var discontinuationReason: String?
    }

    /// A Basic Data Structure dataset of measurements.
    public struct Measurements: Sendable {
        /// The file, relative to the folder.
        public var file: String
        /// Each `PARAMCD` with its `PARAM` (or the code when the dataset has no `PARAM`), sorted by code.
        public var parameters: [(code: String, name: String)]
        /// Each `AVISITN` with its `AVISIT` (`nil` when the dataset has none), ascending.
        public var visits: [(number: Double, name: String?)]
        /// Whether the dataset has `CHG` (change from baseline).
        public var hasChange: Bool
        /// The record flags (`ANL01FL`, …) it has.
        public var recordFlags: [String]
        /// The number of rows.
        public var recordCount: Int
    }

    /// The adverse events dataset (ADAE).
    public struct Events: Sendable {
        /// The file, relative to the folder.
        public var file: String
        /// The relatedness variable (`AREL`, else `AEREL`), if any.
        public var relatedness: String?
        /// Its distinct values, sorted.
        public var relatednessValues: [String]
        /// The number of rows.
        public var eventCount: Int
    }

    /// The subject-level dataset, if one was recognised (the first in path order).
    public var subjects: Subjects?
    /// The adverse events dataset, if one was recognised.
    public var events: Events?
    /// The Basic Data Structure datasets, in path order.
    public var measurements: [Measurements]
    /// Every data file looked at, relative to the folder, sorted.
    public var files: [String]
    /// The data files that were not recognised, with why, and the ones that could not be read.
    public var unrecognised: [(file: String, reason: String)]

    /// Looks at every data file of `folder`.
    /// - Throws: `TrialReportError` `.missingInput` when the folder does not exist.
    /// - Complexity: O(total size of the data files).
    public init(folder: URL) throws(TrialReportError) {
        files = try Self.dataFiles(in: folder)
        measurements = []
        unrecognised = []
        for file in files {
            let table: DataTable
            do {
                table = try Self.read(folder.appendingPathComponent(file), name: file)
            } catch {
                unrecognised.append((file, "cannot be read: " + (error.diagnostics.first?.message ?? "\(error)")))
                continue
            }
            let names = Set(table.columns.map(\.name))
            if names.isSuperset(of: ["USUBJID", "PARAMCD", "AVAL", "AVISITN"]) {
                measurements.append(Self.measurements(table, file: file))
            } else if names.isSuperset(of: ["USUBJID", "AEDECOD", "AEBODSYS"]) {
                if events == nil { events = Self.events(table, file: file) } else { unrecognised.append((file, "a second adverse events dataset")) }
            } else if names.contains("USUBJID"), let treatment = ["TRT01P", "ARM"].first(where: names.contains) {
                if subjects == nil {
                    subjects = Self.subjects(table, file: file, treatment: treatment)
                } else {
                    unrecognised.append((file, "a second subject-level dataset"))
                }
            } else {
                unrecognised.append((file, "none of the datasets recognised (subject-level: USUBJID and TRT01P; adverse events: "
                    + "USUBJID, AEDECOD and AEBODSYS; measurements: USUBJID, PARAMCD, AVAL and AVISITN)"))
            }
        }
    }

    /// Whether the folder holds the seed study's layout: `adsl.csv` with `ARM` beside `adlb.csv`.
    public var isSeedLayout: Bool {
        subjects?.file == "adsl.csv" && subjects?.treatment == "ARM"
    }

    /// The `.csv` and `.xpt` files of `folder` and of its visible subfolders, relative, sorted.
    private static func dataFiles(in folder: URL) throws(TrialReportError) -> [String] {
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        guard manager.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw TrialReportError(.missingInput, at: SourceLocation(file: folder.path), "the study folder does not exist")
        }
        func visible(_ path: String) -> [String] {
            ((try? manager.contentsOfDirectory(atPath: path)) ?? []).filter { !$0.hasPrefix(".") }
        }
        var files: [String] = []
        for name in visible(folder.path) {
            let path = folder.appendingPathComponent(name).path
            if manager.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
                files += visible(path).map { name + "/" + $0 }
            } else {
                files.append(name)
            }
        }
        return files.filter { ["csv", "xpt"].contains(($0 as NSString).pathExtension.lowercased()) }.sorted()
    }

    private static func read(_ url: URL, name: String) throws(TrialReportError) -> DataTable {
        let contents = try FileContents.reading(url, name: name)
        var log = DiagnosticLog(file: name)
        guard let table = DataTableReader.read(contents, name: name, textColumns: ["USUBJID", "PARAMCD", "TRT01P", "ARM"], &log) else {
            throw TrialReportError(.invalidInput, log.diagnostics)
        }
        return table
    }

    private static func subjects(_ table: DataTable, file: String, treatment: String) -> Subjects {
        let order = table.column(named: treatment + "N")?.numbers
        var arms: [String: Double] = [:]
        if let column = table.column(named: treatment) {
            for row in 0..<table.rowCount {
                guard let arm = column.text(at: row) else { continue }
                arms[arm] = min(arms[arm] ?? .infinity, order.map { $0[row].isNaN ? .infinity : $0[row] } ?? 0)
            }
        }
        let flags = table.columns.filter { column in
            guard column.name.hasSuffix("FL"), case .text(_, let levels) = column.values else { return false }
            return (0..<levels.count).allSatisfy { ["Y", "N"].contains(levels[$0]) }
        }.map(\.name)
        return Subjects(file: file, treatment: treatment, arms: arms.sorted { ($0.value, $0.key) < ($1.value, $1.key) }.map(\.key),
                        actualTreatment: table.column(named: "TRT01A") == nil ? nil : "TRT01A",
                        flags: flags, participantCount: table.rowCount,
                        endOfStudyStatus: table.column(named: "EOSSTT") == nil ? nil : "EOSSTT",
                        discontinuationReason: ["DCSREAS", "DCDECOD"].first { table.column(named: $0) != nil })
    }

    private static func measurements(_ table: DataTable, file: String) -> Measurements {
        var parameters: [String: String] = [:]
        var visits: [Double: String?] = [:]
        let code = table.column(named: "PARAMCD"), name = table.column(named: "PARAM")
        let number = table.column(named: "AVISITN")?.numbers, visit = table.column(named: "AVISIT")
        for row in 0..<table.rowCount {
            if let value = code?.text(at: row), parameters[value] == nil { parameters[value] = name?.text(at: row) ?? value }
            if let value = number?[row], !value.isNaN, visits[value] == nil { visits[value] = .some(visit?.text(at: row)) }
        }
        let recordFlags = table.columns.map(\.name).filter { $0.hasPrefix("ANL") && $0.hasSuffix("FL") }
        return Measurements(file: file, parameters: parameters.sorted { $0.key < $1.key }.map { ($0.key, $0.value) },
                            visits: visits.sorted { $0.key < $1.key }.map { ($0.key, $0.value) },
                            hasChange: table.column(named: "CHG") != nil, recordFlags: recordFlags, recordCount: table.rowCount)
    }

    private static func events(_ table: DataTable, file: String) -> Events {
        let relatedness = ["AREL", "AEREL"].first { table.column(named: $0) != nil }
        var values = Set<String>()
        if let relatedness, let column = table.column(named: relatedness) {
            for row in 0..<table.rowCount { if let value = column.text(at: row) { values.insert(value) } }
        }
        return Events(file: file, relatedness: relatedness, relatednessValues: values.sorted(), eventCount: table.rowCount)
    }
}

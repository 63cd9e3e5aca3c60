import TrialData
import Yams

/// Reads the parts of `study.yaml` that describe a study's data beyond the seed study's layout:
/// `data` (CDISC ADaM datasets), the list form of `arms`, and `sets`.
enum PlanDataDecoder {
    /// The formats `data.format` may name.
    enum Format: String, CaseIterable {
        /// The seed study's files (SPEC.md §1).
        case seed
        /// CDISC ADaM datasets, CSV or SAS transport.
        case adam
    }

    /// `data`: the study's files and variable names; `nil` when wrong (reported).
    static func layout(from node: Node, at path: String, with reader: inout PlanNodeReader) -> StudyLayout? {
        let entries = reader.entries(of: node, at: path, keys: DataKey.self)
        guard node.mapping != nil else { return nil }
        let child = { (key: DataKey) in PlanPath.child(path, key.rawValue) }
        let format: Format = entries[.format].flatMap { reader.choice($0, at: child(.format)) } ?? .seed
        guard format == .adam else {
            for key in DataKey.allCases where key != .format && entries[key] != nil {
                reader.report("'\(key.rawValue)' needs 'format: adam' (the seed study's files have fixed names)", atPath: child(key))
            }
            return entries[.format] == nil || reader.hasFailed(child(.format)) ? nil : .seedStudy
        }
        var layout = AdamLayout()
        func text(_ key: DataKey) -> String? { entries[key].flatMap { reader.text($0, at: child(key)) } }
        layout.subjects = text(.subjects) ?? layout.subjects
        layout.events = text(.events) ?? layout.events
        layout.treatment = text(.treatment) ?? layout.treatment
        layout.actualTreatment = text(.actualTreatment) ?? layout.actualTreatment
        layout.emergentFlag = text(.emergentFlag) ?? layout.emergentFlag
        func values(_ key: DataKey) -> [String]? {
            entries[key].flatMap { node in
                reader.uniqueList(node, at: child(key), describe: { "'\($0)'" }) { $0.text($1, at: $2) }
            }
        }
        layout.measurements = values(.measurements) ?? layout.measurements
        layout.relatedValues = values(.related)
        layout.unrelatedValues = values(.notRelated) ?? []
        if layout.relatedValues == nil, entries[.notRelated] != nil {
            reader.report("'notRelated' needs 'related' (the values that count as related)", atPath: child(.notRelated))
        }
        var named: Set<String> = []
        for file in layout.files {
            let key: DataKey = file == layout.subjects ? .subjects : file == layout.events ? .events : .measurements
            if file.hasPrefix("/") || file.split(separator: "/").contains("..") {
                reader.report("'\(file)' must be a path inside the study folder", atPath: child(key))
            } else if !named.insert(file).inserted {
                reader.report("'\(file)' is named twice: each dataset is one kind of data", atPath: child(key))
            }
        }
        return .adam(layout)
    }

    /// The list form of `arms`: each `{label, reference, dose}`, labels distinct, exactly one the reference.
    static func armList(from node: Node, at path: String, with reader: inout PlanNodeReader) -> ArmLabels? {
        guard reader.isWithin(.arms, node, at: path) else { return nil }
        let entries: [(arm: ArmLabels.Arm, isReference: Bool)]? = reader.list(node, at: path) { reader, element, elementPath in
            guard element.mapping != nil else {
                reader.report("expected an arm {label: …, reference: true or false, dose: …}, got \(PlanNodeReader.describe(element))",
                              at: element, path: elementPath)
                return nil
            }
            let entries = reader.entries(of: element, at: elementPath, keys: ArmListKey.self)
            let child = { (key: ArmListKey) in PlanPath.child(elementPath, key.rawValue) }
            guard let labelNode = entries[.label] else {
                reader.report("missing key 'label'", at: element, path: elementPath)
                return nil
            }
            let label = reader.text(labelNode, at: child(.label))
            let dose = entries[.dose].flatMap { reader.number($0, at: child(.dose)) }
            let isReference = entries[.reference].flatMap { reader.boolean($0, at: child(.reference)) } ?? false
            return label.map { (ArmLabels.Arm(label: $0, dose: dose), isReference) }
        }
        guard let entries, !reader.hasFailed(path) else { return nil }
        var labels: Set<String> = []
        for (index, entry) in entries.enumerated() where !labels.insert(entry.arm.label).inserted {
            reader.report("arm '\(entry.arm.label)' is listed twice", atPath: PlanPath.child(PlanPath.element(path, index), ArmListKey.label.rawValue))
        }
        let references = entries.indices.filter { entries[$0].isReference }
        if entries.count < 2 {
            reader.report("at least two arms are needed", at: node, path: path)
        } else if references.count != 1 {
            reader.report(references.isEmpty ? "one arm must be the reference ('reference: true')"
                          : "only one arm can be the reference; \(references.count) are", at: node, path: path)
        }
        guard labels.count == entries.count, entries.count >= 2, references.count == 1 else { return nil }
        return ArmLabels(arms: entries.map(\.arm), referenceIndex: references[0])
    }

    /// `sets`: each `{name, flag, byActualTreatment}`, names and flags distinct.
    static func sets(from node: Node, at path: String, with reader: inout PlanNodeReader) -> [AnalysisSet]? {
        guard reader.isWithin(.sets, node, at: path) else { return nil }
        let sets: [AnalysisSet]? = reader.list(node, at: path) { reader, element, elementPath in
            let entries = reader.entries(of: element, at: elementPath, keys: SetKey.self)
            guard element.mapping != nil else { return nil }
            for required in [SetKey.name, .flag] where entries[required] == nil {
                reader.report("missing key '\(required.rawValue)'", at: element, path: elementPath)
            }
            let name = entries[.name].flatMap { reader.text($0, at: PlanPath.child(elementPath, SetKey.name.rawValue)) }
            let flag = entries[.flag].flatMap { reader.text($0, at: PlanPath.child(elementPath, SetKey.flag.rawValue)) }
            let actual = entries[.byActualTreatment].flatMap {
                reader.boolean($0, at: PlanPath.child(elementPath, SetKey.byActualTreatment.rawValue))
            } ?? false
            guard let name, let flag else { return nil }
            return AnalysisSet(name: name, flag: flag, byActualTreatment: actual)
        }
        guard let sets else { return nil }
        for (key, value) in [(SetKey.name, \AnalysisSet.name), (.flag, \AnalysisSet.flag)] {
            var seen: Set<String> = []
            for (index, set) in sets.enumerated() where !seen.insert(set[keyPath: value]).inserted {
                reader.report("'\(set[keyPath: value])' is listed twice",
                              atPath: PlanPath.child(PlanPath.element(path, index), key.rawValue))
            }
        }
        return sets
    }
}

import Yams

/// Reads the plan's `figureStyle` section (`FigureStyle`).
enum PlanFigureStyleDecoder {
    /// `figureStyle`: `{preset, panelLetters, notes}`, every key optional; `nil` when the section is
    /// not a mapping (reported). A wrong value keeps its default.
    static func style(from node: Node, at path: String, with reader: inout PlanNodeReader) -> FigureStyle? {
        var style = FigureStyle()
        reader.readEntries(of: node, at: path, keys: FigureStyleKey.self) { reader, key, value, fieldPath in
            switch key {
            case .preset: style.preset = reader.choice(value, at: fieldPath) ?? style.preset
            case .panelLetters: style.panelLetters = reader.boolean(value, at: fieldPath) ?? style.panelLetters
            case .notes: style.notes = reader.choice(value, at: fieldPath) ?? style.notes
            }
        }
        return node.mapping == nil ? nil : style
    }
}

extension ReportTable {
    /// The table as report.md, report.html and report.pdf show it: when it has more body rows
    /// than `documentRowLimit`, only the first ones, and a footnote on the first header cell
    /// saying how many there are and that `tables/<name>.csv` holds them all. A listing of a
    /// million participants' episodes would otherwise fill a thousand pages.
    /// - Complexity: O(number of rows).
    public var shownInDocuments: ReportTable {
        guard let limit = documentRowLimit, bodyRowCount > limit else { return self }
        var shown = self
        var remaining = limit
        shown.groups = groups.compactMap { group in
            guard remaining > 0 else { return nil }
            var kept = group
            kept.rows = Array(group.rows.prefix(remaining))
            remaining -= kept.rows.count
            return kept
        }
        let note = shown.addFootnote("The first \(Display.integer(limit)) of \(Display.integer(bodyRowCount)) rows; "
                                     + "tables/\(name).csv holds them all.")
        if !shown.headerRows.isEmpty, !shown.headerRows[shown.headerRows.count - 1].isEmpty {
            shown.headerRows[shown.headerRows.count - 1][0].footnotes.append(note)
        }
        return shown
    }
}

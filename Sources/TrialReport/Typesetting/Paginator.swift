import Plot

/// One page of the report: its orientation and the slices on it with their top y.
struct Page {
    var landscape: Bool
    var items: [(slice: Slice, y: Double)] = []
}

/// The layout pass, part two: puts slices onto pages. A chain of slices kept together moves to a
/// new page when it does not fit (unless it is taller than a page); a table continued on a new
/// page gets its caption, marked "(continued)", and its header rows again; a change of
/// orientation (a landscape table) starts a new page.
struct Paginator {
    let geometry: PageGeometry

    /// The pages of `slices`.
    /// - Complexity: O(n × chain length) for n slices.
    func pages(_ slices: [Slice]) -> [Page] {
        var pages: [Page] = []
        var page = Page(landscape: slices.first?.landscape ?? false)
        var y = geometry.textRect(landscape: page.landscape).minY
        var bottom: Double { geometry.textRect(landscape: page.landscape).maxY }
        var previous: Slice?

        func newPage(landscape: Bool) {
            if !page.items.isEmpty { pages.append(page) }
            page = Page(landscape: landscape)
            y = geometry.textRect(landscape: landscape).minY
        }
        func place(_ slice: Slice) {
            let space = page.items.isEmpty ? 0 : slice.spaceBefore
            y += space
            page.items.append((slice, y))
            y += slice.height
        }

        for (index, slice) in slices.enumerated() {
            if case .pageBreak = slice.kind {
                newPage(landscape: slices.dropFirst(index + 1).first?.landscape ?? false)
                previous = nil
                continue
            }
            if slice.landscape != page.landscape { newPage(landscape: slice.landscape) }
            let pageHeight = geometry.textRect(landscape: page.landscape).height
            let chain = chainHeight(slices, from: index)
            let space = page.items.isEmpty ? 0 : slice.spaceBefore
            let fitsChain = y + space + chain <= bottom + 0.01
            let fitsSlice = y + space + slice.height <= bottom + 0.01
            if !page.items.isEmpty, (!fitsChain && chain <= pageHeight) || !fitsSlice {
                newPage(landscape: slice.landscape)
                if let table = slice.table, slice.isTableRow, previous?.table === table {
                    repeatHeader(of: table, place: place)
                }
            }
            place(slice)
            previous = slice
        }
        if !page.items.isEmpty || pages.isEmpty { pages.append(page) }
        return pages
    }

    /// The continued caption and the header rows of `table` at the top of a page.
    private func repeatHeader(of table: TableLayout, place: (Slice) -> Void) {
        if let caption = table.continuedCaption {
            place(Slice(kind: .tableContinuedCaption(table), height: caption.size.height + 3, landscape: table.landscape))
        }
        place(Slice(kind: .tableHeader(table), height: table.headerHeight, landscape: table.landscape))
    }

    /// The height of the slices from `start` that must stay on one page with it.
    private func chainHeight(_ slices: [Slice], from start: Int) -> Double {
        var height = slices[start].height
        var index = start
        while slices[index].keepWithNext, index + 1 < slices.count {
            index += 1
            guard slices[index].landscape == slices[start].landscape else { break }
            if case .pageBreak = slices[index].kind { break }
            height += slices[index].spaceBefore + slices[index].height
        }
        return height
    }
}

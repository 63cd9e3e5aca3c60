import CCairo
import Plot
import Testing
@testable import TrialReport

/// `TableLayout` sets each cell in the block its column allows: the unwrapped block laid out for
/// its text when it fits, else a block wrapped at the column's width.
@Suite("Table layout")
struct TableLayoutTests {
    static let long = "a cell of many words that no column of a narrow table is wide enough to hold on one line"

    static func layout(cells: TableCellLayouts) -> TableLayout {
        let surface = cairo_pdf_surface_create_for_stream(nil, nil, 595, 842)!
        let cairo = cairo_create(surface)!
        defer { cairo_destroy(cairo); cairo_surface_destroy(surface) }
        let rows: [ReportTable.Row] = [
            .init([.init("P0001"), .init(long), .init("12.5", alignment: .decimal)]),
            .init([.init("P0002"), .init("short"), .init("3.25", alignment: .decimal)]),
            .init([.init("P0001"), .init(long), .init("12.5", alignment: .decimal)]),
        ]
        let table = ReportTable(name: "narrow", caption: "", groups: [.init(rows, keepTogether: false)])
        let spec = TableSpec(table, anchor: nil, style: TypesetStyle())
        return TableLayout(spec, cairo: cairo, style: TypesetStyle(), portraitWidth: 200, landscapeWidth: 300, cells: cells)
    }

    @Test func aCellThatFitsItsColumnIsItsUnwrappedBlockAndAWiderOneWraps() throws {
        let cells = TableCellLayouts()
        let layout = Self.layout(cells: cells)
        let style = TypesetStyle()
        for row in layout.bodyRows {
            for laid in row.cells {
                let room = layout.columnWidths[laid.column] - 2 * style.cellPaddingX
                let key = try #require(TextBlockKey(markup: laid.spec.markup, bold: false, width: nil, centered: false))
                let unwrapped = try #require(cells.blocks[key])
                if unwrapped.size.width <= room {
                    #expect(laid.block === unwrapped, "\(laid.spec.markup.markup)")
                } else {
                    #expect(laid.block !== unwrapped && laid.block.lines.count > 1 && laid.block.size.width <= room,
                            "\(laid.spec.markup.markup)")
                }
            }
        }
        #expect(layout.bodyRows.flatMap(\.cells).contains { $0.block.lines.count > 1 })
        // Identical cells share one block: the wrapped one too.
        #expect(layout.bodyRows[0].cells[1].block === layout.bodyRows[2].cells[1].block)
    }
}

/// `TableLayout.textX(ofCell:in:left:)`: where each cell's text starts in its column.
@Suite("Table cell positions")
struct TableCellPositionTests {
    @Test func cellsStartWhereTheirAlignmentAndIndentationPutThem() throws {
        let surface = cairo_pdf_surface_create_for_stream(nil, nil, 595, 842)!
        let cairo = cairo_create(surface)!
        defer { cairo_destroy(cairo); cairo_surface_destroy(surface) }
        let rows: [ReportTable.Row] = [
            .init([.init("Sex"), .init("n", alignment: .right), .init("12.5", alignment: .decimal)]),
            .init([.init("Male", indentation: 1), .init("1,024", alignment: .right), .init("3.25", alignment: .decimal)]),
            .init([.init("Unknown", indentation: 2), .init("7", alignment: .right), .init("\u{2212}104.125", alignment: .decimal)]),
            // The widest part left of the point is not the last one met.
            .init([.init("Other", indentation: 1), .init("3", alignment: .right), .init("1.5", alignment: .decimal)]),
        ]
        let table = ReportTable(name: "positions", caption: "", groups: [.init(rows, keepTogether: false)])
        let style = TypesetStyle()
        let layout = TableLayout(TableSpec(table, anchor: nil, style: style), cairo: cairo, style: style,
                                 portraitWidth: 120, landscapeWidth: 600, cells: TableCellLayouts())
        let left = 30.0
        let x = { (row: Int, cell: Int) in layout.textX(ofCell: cell, in: layout.bodyRows[row], left: left) }
        // Left-aligned: after the padding, one indentation step per level.
        #expect(x(0, 0) == left + style.cellPaddingX)
        #expect(abs(x(1, 0) - x(0, 0) - style.tableIndent) < 1e-9)
        #expect(abs(x(2, 0) - x(0, 0) - 2 * style.tableIndent) < 1e-9)
        // Right-aligned: every text ends at the column's right edge less the padding.
        let rightEdge = left + layout.columnX(2) - style.cellPaddingX
        for row in 0..<3 {
            let end = x(row, 1) + layout.bodyRows[row].cells[1].block.size.width
            #expect(abs(end - rightEdge) < 1e-9, "row \(row)")
        }
        // Decimal: the points under one another, the column's texts inside it.
        let points = (0..<4).map { row in
            let cell = layout.bodyRows[row].cells[2]
            return cell.spec.alignmentByte.map { x(row, 2) + cell.block.xPosition(ofByte: $0) } ?? .nan
        }
        #expect(points.allSatisfy { abs($0 - points[0]) < 1e-9 }, "\(points)")
        let columnEnd = left + layout.columnX(2) + layout.columnWidths[2]
        #expect((0..<4).allSatisfy { x($0, 2) >= left + layout.columnX(2) + style.cellPaddingX - 1e-9 })
        #expect((0..<4).allSatisfy { x($0, 2) + layout.bodyRows[$0].cells[2].block.size.width <= columnEnd - style.cellPaddingX + 1e-9 })
    }

    /// A cell with a raised footnote mark has a taller first line; the row's cells still share one
    /// baseline (the others drop to it), and the row is as tall as its lowest cell.
    @Test func aRowsCellsShareOneBaselineWhateverTheirMarks() throws {
        let surface = cairo_pdf_surface_create_for_stream(nil, nil, 595, 842)!
        let cairo = cairo_create(surface)!
        defer { cairo_destroy(cairo); cairo_surface_destroy(surface) }
        let rows: [ReportTable.Row] = [
            .init([.init("Age"), .number("21.5"), .number("0.695", footnotes: ["Wilcoxon rank-sum test."])]),
            .init([.init("Sex"), .init("a cell long enough to wrap in its column", footnotes: ["Fisher's exact test."]), .number("3.25")]),
            .init([.init("Male"), .number("10"), .number("17")]),
        ]
        let table = ReportTable(name: "baselines", caption: "", groups: [.init(rows, keepTogether: false)])
        let style = TypesetStyle()
        let layout = TableLayout(TableSpec(table, anchor: nil, style: style), cairo: cairo, style: style,
                                 portraitWidth: 200, landscapeWidth: 300, cells: TableCellLayouts())
        for (index, row) in layout.bodyRows.enumerated() {
            let baselines = try row.cells.map { try #require($0.block.lines.first).baseline + $0.drop }
            #expect(baselines.allSatisfy { abs($0 - baselines[0]) < 1e-9 }, "row \(index): \(baselines)")
            let lowest = row.cells.map { $0.drop + $0.block.size.height }.max() ?? 0
            #expect(abs(row.height - lowest - 2 * style.cellPaddingY) < 1e-9, "row \(index)")
        }
        // The marked cells' first lines are taller: without the drops the baselines would differ.
        #expect(layout.bodyRows[0].cells.map(\.drop).contains { $0 > 0.1 })
        #expect(layout.bodyRows[1].cells[1].block.lines.count > 1)
        #expect(layout.bodyRows[2].cells.allSatisfy { $0.drop == 0 })
    }
}

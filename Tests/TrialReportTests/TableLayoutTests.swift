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

import CCairo
import Plot

/// A block of text laid out once by Pango, for measuring in the layout pass and drawing, line by
/// line, in the drawing pass (a paragraph may break across pages between lines).
///
/// A block of one plain line (a table cell, most often) keeps its glyphs (`ShapedLine`) and frees
/// its Pango layout as soon as it is laid out; other blocks keep their layout until they go.
final class TextBlock {
    /// One line of the block, in the block's coordinates (points, top of the block = 0).
    struct Line {
        var top: Double
        var bottom: Double
        var baseline: Double
        /// The line's left edge (alignment and indentation included).
        var x: Double
        var height: Double { bottom - top }
    }

    /// A clickable area: a link's text on one line.
    struct LinkArea {
        var destination: String
        var line: Int
        var rect: Rect
    }

    // Immutable once made: drawing a listing's cells reads them without retains.
    /// The Pango layout, for a block whose glyphs are not kept in `shaped`.
    private let layout: OpaquePointer?
    /// The glyphs of a block of one plain line whose characters are each a cluster of their own.
    let shaped: ShapedLine?
    let lines: [Line]
    let linkAreas: [LinkArea]
    /// The logical width and height of the block.
    let size: Size

    /// Lays `markup` out on `cairo` in `font`, wrapped at `width` when given (words never
    /// hyphenated), in the fonts of `fontMap` when given, else of the thread's (see `PangoText.layout`).
    convenience init(cairo: OpaquePointer, markup: InlineMarkup, font: Font, width: Double?, alignment: TextAlignment = .leading,
                     justified: Bool = false, fontMap: UnsafeMutablePointer<PangoFontMap>? = nil) {
        let layout = PangoText.layout(on: cairo, markup: markup.markup, font: font, wrapWidth: width,
                                      alignment: alignment, justified: justified, hyphenates: false, fontMap: fontMap)
        self.init(layout, links: markup.links, owned: true)!
    }

    /// `markup` on one line (as `init` lays it out with no width) in `reusable`, whose layout is
    /// set again for the next text: the block keeps the line's glyphs; when they cannot be kept (a
    /// line break, a run Pango's renderer draws, a cluster of several characters), a block of its
    /// own layout.
    static func unwrapped(cairo: OpaquePointer, markup: InlineMarkup, font: Font, reusing reusable: PangoText.ReusableLayout) -> TextBlock {
        let layout = reusable.set(on: cairo, markup: markup.markup, font: font, wrapWidth: nil, alignment: .leading, hyphenates: false)
        return unwrapped(laidOut: layout, cairo: cairo, markup: markup, font: font, fontMap: reusable.fontMap)
    }

    /// The block of `markup` that `unwrapped(cairo:markup:font:reusing:)` makes, from `layout`, the
    /// reusable layout it was set in (in the fonts of `fontMap`).
    static func unwrapped(laidOut layout: OpaquePointer, cairo: OpaquePointer, markup: InlineMarkup, font: Font,
                          fontMap: UnsafeMutablePointer<PangoFontMap>?) -> TextBlock {
        TextBlock(layout, links: markup.links, owned: false)
            ?? TextBlock(cairo: cairo, markup: markup, font: font, width: nil, fontMap: fontMap)
    }

    /// The block of one plain line whose glyphs were shaped without a layout (`PlainLineShaper`),
    /// placed as `sample`, a block of one plain line in the same font laid out by Pango: a line of
    /// one run has its font's height and baseline whatever its glyphs, and starts at 0.
    init(shaped: ShapedLine, placedLike sample: TextBlock) {
        layout = nil
        self.shaped = shaped
        lines = sample.lines
        linkAreas = []
        size = Size(width: Double(shaped.width) / Double(PANGO_SCALE), height: sample.size.height)
    }

    /// The block of the text laid out in `layout`, which it releases unless it keeps it (`owned`);
    /// nil when the block would need a layout that is not `owned`.
    private init?(_ layout: OpaquePointer, links: [(destination: String, range: Range<Int>)], owned: Bool) {
        size = PangoText.logicalExtents(layout).size
        let lines = Self.readLines(of: layout)
        self.lines = lines
        linkAreas = links.flatMap { Self.area(of: $0.destination, range: $0.range, in: layout, lines: lines) }
        if lines.count == 1, let line = pango_layout_get_line_readonly(layout, 0), let shaped = ShapedLine(line),
           shaped.clusterStarts != nil {
            self.shaped = shaped
            self.layout = nil
            if owned { g_object_unref(UnsafeMutableRawPointer(layout)) }
        } else if owned {
            shaped = nil
            self.layout = layout
        } else {
            return nil
        }
    }

    deinit {
        if let layout { g_object_unref(UnsafeMutableRawPointer(layout)) }
    }

    /// The x offset of the character at UTF-8 byte `index` (start of the character's box).
    func xPosition(ofByte index: Int) -> Double {
        if let shaped, let x = shaped.x(ofByte: index) {
            // The line's left edge back in Pango units (an integer number of them, as read).
            return Double(Int32(lines[0].x * Double(PANGO_SCALE)) + x) / Double(PANGO_SCALE)
        }
        var rect = PangoRectangle()
        pango_layout_index_to_pos(layout, Int32(index), &rect)
        return Double(rect.x) / Double(PANGO_SCALE)
    }

    /// Draws `range` of the lines with the top of its first line at `origin`; registers the links
    /// of those lines with `links`. The glyphs go to `batch` when given (the caller flushes it),
    /// else to a batch of this block's own (see `GlyphBatch`).
    func draw(lines range: Range<Int>, at origin: Point, on cairo: OpaquePointer, links: LinkRegistry, batch: GlyphBatch? = nil) {
        guard !range.isEmpty else { return }
        let glyphs = batch ?? GlyphBatch(cairo: cairo)
        let shift = origin.y - lines[range.lowerBound].top
        if let shaped {
            glyphs.add(shaped, x: origin.x + lines[0].x, y: lines[0].baseline + shift)
        } else if lines.count == 1, let line = pango_layout_get_line_readonly(layout, 0) {
            // A table cell's one line, taken without an iterator (a listing page has 300 of them).
            glyphs.add(line, x: origin.x + lines[0].x, y: lines[0].baseline + shift)
        } else {
            let iterator = pango_layout_get_iter(layout)
            defer { pango_layout_iter_free(iterator) }
            var index = 0
            repeat {
                if range.contains(index), let line = pango_layout_iter_get_line_readonly(iterator) {
                    glyphs.add(line, x: origin.x + lines[index].x, y: lines[index].baseline + shift)
                }
                index += 1
            } while index < range.upperBound && pango_layout_iter_next_line(iterator) != 0
        }
        let areas = linkAreas.isEmpty ? [] : linkAreas.filter { range.contains($0.line) }
        if batch == nil || !areas.isEmpty { glyphs.flush() }
        for area in areas {
            links.link(to: area.destination, rect: Rect(x: origin.x + area.rect.minX, y: area.rect.minY + shift,
                                                        width: area.rect.width, height: area.rect.height), on: cairo)
        }
    }

    /// Draws the whole block with its top-left corner at `origin` (into `batch` when given).
    func draw(at origin: Point, on cairo: OpaquePointer, links: LinkRegistry, batch: GlyphBatch? = nil) {
        draw(lines: 0..<lines.count, at: origin, on: cairo, links: links, batch: batch)
    }

    /// The height of `range` of the lines.
    func height(of range: Range<Int>) -> Double {
        guard !range.isEmpty else { return 0 }
        return lines[range.upperBound - 1].bottom - lines[range.lowerBound].top
    }

    private static func readLines(of layout: OpaquePointer) -> [Line] {
        let scale = Double(PANGO_SCALE)
        var result: [Line] = []
        let iterator = pango_layout_get_iter(layout)
        defer { pango_layout_iter_free(iterator) }
        repeat {
            var logical = PangoRectangle()
            pango_layout_iter_get_line_extents(iterator, nil, &logical)
            let baseline = Double(pango_layout_iter_get_baseline(iterator)) / scale
            result.append(Line(top: Double(logical.y) / scale, bottom: Double(logical.y + logical.height) / scale,
                               baseline: baseline, x: Double(logical.x) / scale))
        } while pango_layout_iter_next_line(iterator) != 0
        return result
    }

    /// The rectangles of a link's text, one per line it covers (`lines`, the layout's).
    private static func area(of destination: String, range: Range<Int>, in layout: OpaquePointer, lines: [Line]) -> [LinkArea] {
        var areas: [LinkArea] = []
        let iterator = pango_layout_get_iter(layout)
        defer { pango_layout_iter_free(iterator) }
        var index = 0
        repeat {
            if let line = pango_layout_iter_get_line_readonly(iterator) {
                let start = Int(line.pointee.start_index)
                let end = start + Int(line.pointee.length)
                let lower = max(start, range.lowerBound)
                let upper = min(end, range.upperBound)
                if lower < upper, index < lines.count {
                    var x0: Int32 = 0
                    var x1: Int32 = 0
                    pango_layout_line_index_to_x(line, Int32(lower), 0, &x0)
                    pango_layout_line_index_to_x(line, Int32(upper), 0, &x1)
                    if upper == end { pango_layout_line_index_to_x(line, Int32(upper - 1), 1, &x1) }
                    let scale = Double(PANGO_SCALE)
                    let left = lines[index].x + Double(min(x0, x1)) / scale
                    let width = Double(abs(x1 - x0)) / scale
                    areas.append(LinkArea(destination: destination, line: index,
                                          rect: Rect(x: left, y: lines[index].top, width: width, height: lines[index].height)))
                }
            }
            index += 1
        } while pango_layout_iter_next_line(iterator) != 0
        return areas
    }
}

import CCairo
import Plot

/// Table cells of plain text shaped by HarfBuzz directly, as Pango would shape them, without a
/// Pango layout: the same glyphs at the same places, at a fifth of the cost (no itemizing, no line
/// breaking, no runs and lines to make). A million participants' listing sets some 46,000
/// distinct participant ids.
///
/// Pango shapes a line of one run by HarfBuzz (pango/shape.c, Pango 1.50): the run's text in its
/// font's HarfBuzz font, with its script, language and the font's features, and takes HarfBuzz's
/// advances and offsets unrounded (our contexts do not round glyph positions). The shaper learns
/// the font, script and language Pango chose from cells of plain text Pango laid out (`learn`),
/// one of each weight and script (Latin, or common characters only: digits, punctuation), and
/// shapes a later cell itself only when Pango would lay it out as one run of that font and script:
/// - its markup is plain text (no tag, entity, tab or line break) and has no link;
/// - each character is Latin or common (neither a mark nor a control or format character) and,
///   set by Pango in that weight and script (after a Latin letter when the text has one), comes
///   out in the learned font as a glyph of its own (checked once per character with a layout);
/// - HarfBuzz gives each character one glyph, in order (`ShapedLine.init?(text:infos:positions:font:)`).
/// Any other text is left to Pango (`block` returns nil). The line's height and baseline are
/// those of the learned cell's line: the same for every line of one run in a font.
final class PlainLineShaper {
    /// The two scripts of texts shaped here: Latin when a character is a Latin letter, else
    /// common (Pango gives the common characters of a text with Latin letters the Latin script).
    private enum Script {
        case common, latin

        /// The script of a Pango item, when it is one shaped here.
        init?(pango script: UInt8) {
            switch GUnicodeScript(rawValue: Int32(script)) {
            case G_UNICODE_SCRIPT_LATIN: self = .latin
            case G_UNICODE_SCRIPT_COMMON: self = .common
            default: return nil
            }
        }

        /// The script as HarfBuzz names it.
        var harfBuzz: hb_script_t {
            hb_script_t(rawValue: g_unicode_script_to_iso15924(self == .latin ? G_UNICODE_SCRIPT_LATIN : G_UNICODE_SCRIPT_COMMON))
        }
    }

    /// What Pango chose for a cell of one weight and script, and what it gave that cell's line.
    private final class Setting {
        let font: UnsafeMutablePointer<PangoFont>
        let hbFont: OpaquePointer
        let scaledFont: OpaquePointer
        let script: Script
        let language: hb_language_t?
        let features: [hb_feature_t]
        /// A block Pango laid out in this setting: where a line of one run in its font lies.
        let sample: TextBlock
        /// The transformation of the Cairo context the cell was laid out on (fonts depend on it).
        let matrix: cairo_matrix_t
        /// Whether each character met so far comes out in this setting's font (see the type).
        var fits: [UInt32: Bool] = [:]

        init(font: UnsafeMutablePointer<PangoFont>, hbFont: OpaquePointer, scaledFont: OpaquePointer, script: Script,
             language: hb_language_t?, features: [hb_feature_t], sample: TextBlock, matrix: cairo_matrix_t) {
            self.font = UnsafeMutablePointer(OpaquePointer(g_object_ref(UnsafeMutableRawPointer(font))))
            (self.hbFont, self.scaledFont, self.script, self.language) = (hbFont, scaledFont, script, language)
            (self.features, self.sample, self.matrix) = (features, sample, matrix)
        }

        deinit {
            g_object_unref(UnsafeMutableRawPointer(font))
        }
    }

    /// The settings learned, by weight (bold or not) and script.
    private var settings: [Bool: [Script: Setting]] = [:]
    private let buffer = hb_buffer_create()

    deinit {
        hb_buffer_destroy(buffer)
    }

    /// `markup` shaped here in the setting learned for its weight and script, or nil when Pango
    /// must lay it out (see the type). `layOut` lays escaped markup out with Pango in the cell's
    /// font on `cairo` and returns the layout, to check a character met for the first time.
    func block(_ markup: InlineMarkup, bold: Bool, cairo: OpaquePointer, layOut: (String) -> OpaquePointer) -> TextBlock? {
        guard markup.links.isEmpty, let script = Self.script(of: markup.markup),
              let setting = settings[bold]?[script], Self.isSame(Self.matrix(of: cairo), setting.matrix) else { return nil }
        var text = markup.markup
        return text.withUTF8 { bytes -> TextBlock? in
            for scalar in markup.markup.unicodeScalars where !fits(scalar, setting, layOut) { return nil }
            return shape(bytes, in: setting).map { TextBlock(shaped: $0, placedLike: setting.sample) }
        }
    }

    /// Learns what Pango chose for `block`, a cell of `markup` in weight `bold` just laid out in
    /// `layout` on `cairo`, when it is the first plain line of one run of its weight and script
    /// with an ASCII letter or digit: plain text, as markup may set another weight, size or font,
    /// and in the font of the letters and digits, as a symbol may come from a fallback font.
    func learn(from layout: OpaquePointer, block: TextBlock, markup: InlineMarkup, bold: Bool, cairo: OpaquePointer) {
        // Pango gives a plain text the script `script(of:)` finds: a setting learned stays.
        guard markup.links.isEmpty, let textScript = Self.script(of: markup.markup), settings[bold]?[textScript] == nil,
              markup.markup.contains(where: { $0.isASCII && ($0.isLetter || $0.isNumber) }),
              let shaped = block.shaped, shaped.runs.count == 1, block.lines.count == 1, block.lines[0].x == 0,
              block.size.width == Double(shaped.width) / Double(PANGO_SCALE),
              let line = pango_layout_get_line_readonly(layout, 0), let run = line.pointee.runs?.pointee.data,
              let item = run.assumingMemoryBound(to: PangoGlyphItem.self).pointee.item,
              let font = item.pointee.analysis.font,
              let script = Script(pango: item.pointee.analysis.script), script == textScript,
              Self.hasOnlyPlainAttributes(item.pointee.analysis.extra_attrs) else { return }
        let hbFont = pango_font_get_hb_font(font)!
        guard !Self.hasColourGlyphs(hb_font_get_face(hbFont)) else { return }
        var features = [hb_feature_t](repeating: hb_feature_t(), count: 32)
        var featureCount: UInt32 = 0
        pango_font_get_features(font, &features, UInt32(features.count), &featureCount)
        let language = pango_language_to_string(item.pointee.analysis.language).flatMap { hb_language_from_string($0, -1) }
        settings[bold, default: [:]][script] = Setting(
            font: font, hbFont: hbFont, scaledFont: shaped.runs[0].font, script: script, language: language,
            features: Array(features.prefix(Int(featureCount))), sample: block, matrix: Self.matrix(of: cairo))
    }

    /// The glyphs of `bytes` shaped by HarfBuzz as Pango shapes a run in `setting`.
    private func shape(_ bytes: UnsafeBufferPointer<UInt8>, in setting: Setting) -> ShapedLine? {
        hb_buffer_clear_contents(buffer)
        hb_buffer_set_direction(buffer, HB_DIRECTION_LTR)
        hb_buffer_set_script(buffer, setting.script.harfBuzz)
        hb_buffer_set_language(buffer, setting.language)
        hb_buffer_set_cluster_level(buffer, HB_BUFFER_CLUSTER_LEVEL_MONOTONE_CHARACTERS)
        hb_buffer_set_flags(buffer, hb_buffer_flags_t(HB_BUFFER_FLAG_BOT.rawValue | HB_BUFFER_FLAG_EOT.rawValue))
        hb_buffer_set_invisible_glyph(buffer, PANGO_GLYPH_EMPTY)
        bytes.withMemoryRebound(to: CChar.self) { hb_buffer_add_utf8(buffer, $0.baseAddress, Int32($0.count), 0, Int32($0.count)) }
        setting.features.withUnsafeBufferPointer { hb_shape(setting.hbFont, buffer, $0.baseAddress, UInt32($0.count)) }
        var count: UInt32 = 0
        guard let infos = hb_buffer_get_glyph_infos(buffer, &count), let positions = hb_buffer_get_glyph_positions(buffer, nil) else {
            return nil
        }
        return ShapedLine(text: bytes, infos: UnsafeBufferPointer(start: infos, count: Int(count)),
                          positions: UnsafeBufferPointer(start: positions, count: Int(count)), font: setting.scaledFont)
    }

    /// Whether `scalar` comes out in `setting`'s font as a glyph of its own, by Pango, once asked.
    private func fits(_ scalar: Unicode.Scalar, _ setting: Setting, _ layOut: (String) -> OpaquePointer) -> Bool {
        if let known = setting.fits[scalar.value] { return known }
        let fits = Self.isShapedAlone(scalar) && {
            let sample = (setting.script == .latin ? "a" : "") + String(Character(scalar))
            let layout = layOut(RichText.escapeMarkup(sample))
            guard pango_layout_get_line_count(layout) == 1, let line = pango_layout_get_line_readonly(layout, 0),
                  let runs = line.pointee.runs, runs.pointee.next == nil,
                  let run = runs.pointee.data?.assumingMemoryBound(to: PangoGlyphItem.self),
                  run.pointee.item.pointee.analysis.font == setting.font,
                  Script(pango: run.pointee.item.pointee.analysis.script) == setting.script,
                  let glyphs = run.pointee.glyphs, Int(glyphs.pointee.num_glyphs) == sample.unicodeScalars.count else { return false }
            return (0..<Int(glyphs.pointee.num_glyphs)).allSatisfy {
                let glyph = glyphs.pointee.glyphs[$0].glyph
                return glyph != PANGO_GLYPH_EMPTY && glyph & PANGO_GLYPH_UNKNOWN_FLAG == 0
            }
        }()
        setting.fits[scalar.value] = fits
        return fits
    }

    /// The script of plain text `markup` as Pango itemizes it when it makes one run of Latin or
    /// common characters: nil for markup with a tag, an entity, a tab, a line break, or a
    /// character of another script.
    private static func script(of markup: String) -> Script? {
        var script = Script.common
        for byte in markup.utf8 {
            switch byte {
            case UInt8(ascii: "<"), UInt8(ascii: "&"), 0..<0x20, 0x7F: return nil
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"): script = .latin
            default: break
            }
        }
        guard !markup.isEmpty else { return nil }
        for scalar in markup.unicodeScalars where !scalar.isASCII {
            switch g_unichar_get_script(scalar.value) {
            case G_UNICODE_SCRIPT_LATIN: script = .latin
            case G_UNICODE_SCRIPT_COMMON: break
            default: return nil
            }
        }
        return script
    }

    /// Whether HarfBuzz shapes `scalar` as a character of its own: not a mark, a control or format
    /// character, nor a line or paragraph separator.
    private static func isShapedAlone(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark, .control, .format, .surrogate, .privateUse, .unassigned,
             .lineSeparator, .paragraphSeparator:
            return false
        default:
            return true
        }
    }

    /// Whether the item's attributes are only those a plain cell has (`insert_hyphens`), none of
    /// which changes its shaping.
    private static func hasOnlyPlainAttributes(_ attributes: UnsafeMutablePointer<GSList>?) -> Bool {
        var node = attributes
        while let current = node {
            let type = current.pointee.data.assumingMemoryBound(to: PangoAttribute.self).pointee.klass.pointee.type
            guard type == PANGO_ATTR_INSERT_HYPHENS else { return false }
            node = current.pointee.next
        }
        return true
    }

    /// Whether a font has glyphs in colour, which Pango marks per glyph (`is_color`).
    private static func hasColourGlyphs(_ face: OpaquePointer?) -> Bool {
        hb_ot_color_has_layers(face) != 0 || hb_ot_color_has_png(face) != 0 || hb_ot_color_has_svg(face) != 0
    }

    private static func matrix(of cairo: OpaquePointer) -> cairo_matrix_t {
        var matrix = cairo_matrix_t()
        cairo_get_matrix(cairo, &matrix)
        return matrix
    }

    private static func isSame(_ first: cairo_matrix_t, _ second: cairo_matrix_t) -> Bool {
        first.xx == second.xx && first.yx == second.yx && first.xy == second.xy && first.yy == second.yy
            && first.x0 == second.x0 && first.y0 == second.y0
    }
}

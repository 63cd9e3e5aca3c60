import CCairo
import Foundation
import Plot
import Synchronization
import Testing

/// Text laid out on several new threads at once — each with its own Pango font map, whose fonts
/// compute their metrics the first time — is measured and broken into lines as on one thread
/// alone. Without `FontMetricsLock`, fonts whose metrics were computed while another thread
/// computed some had an approximate character width of 0 and justified lines came out a point
/// shorter now and then.
@Suite("Font metrics on many threads")
struct FontMetricsLockTests {
    /// A paragraph of the example's methods, as report.pdf sets it (10.5 pt serif, justified).
    static let paragraph = "<b>Primary endpoint.</b> A participant is in clinical remission when at least one of "
        + "fasting C-peptide or postprandial C-peptide increased by at least 10% from baseline to month 12 "
        + "(percent change = (value − baseline) / baseline × 100; exactly 10% counts). Missing data: a "
        + "remission parameter missing at baseline or at the primary visit cannot meet the rule, so a "
        + "participant without the values the rule needs counts as not in remission. Rates are given with "
        + "Wilson score 95% confidence intervals, the difference between arms with Newcombe's hybrid score "
        + "interval, and the arms are compared with Fisher's exact test (two-sided)."

    /// What a new thread measures: the fonts' approximate character widths and each line's start
    /// and width, in Pango units.
    struct Measurement: Equatable {
        var characterWidths: [Int32]
        var lines: [[Int32]]
    }

    static func measure() -> Measurement {
        let surface = cairo_pdf_surface_create_for_stream(nil, nil, 595, 842)
        let cairo = cairo_create(surface)!
        defer { cairo_destroy(cairo); cairo_surface_destroy(surface) }
        let fonts = [Font(family: "Liberation Serif", size: 10.5), Font(family: "Liberation Serif", size: 10.5, bold: true),
                     Font(family: "Liberation Sans", size: 8), Font(family: "Liberation Mono", size: 7.5)]
        let characterWidths = fonts.map { font in
            let layout = PangoText.layout(on: cairo, markup: "x", font: font, wrapWidth: nil, alignment: .leading)
            defer { g_object_unref(UnsafeMutableRawPointer(layout)) }
            let run = pango_layout_get_line_readonly(layout, 0)!.pointee.runs.pointee.data
                .assumingMemoryBound(to: PangoGlyphItem.self)
            let metrics = pango_font_get_metrics(run.pointee.item.pointee.analysis.font, nil)
            defer { pango_font_metrics_unref(metrics) }
            return pango_font_metrics_get_approximate_char_width(metrics)
        }
        let layout = PangoText.layout(on: cairo, markup: paragraph, font: fonts[0], wrapWidth: 481.89,
                                      alignment: .leading, justified: true)
        defer { g_object_unref(UnsafeMutableRawPointer(layout)) }
        var lines: [[Int32]] = []
        for index in 0..<pango_layout_get_line_count(layout) {
            let line = pango_layout_get_line_readonly(layout, index)!
            var logical = PangoRectangle()
            pango_layout_line_get_extents(line, nil, &logical)
            lines.append([line.pointee.start_index, logical.width])
        }
        return Measurement(characterWidths: characterWidths, lines: lines)
    }

    /// `measure()` on `count` new threads started together.
    static func measureOnNewThreads(_ count: Int) -> [Measurement] {
        let results = Mutex<[Measurement]>([])
        let start = DispatchSemaphore(value: 0)
        let done = DispatchGroup()
        for _ in 0..<count {
            done.enter()
            Thread.detachNewThread {
                start.wait()
                let measurement = measure()
                results.withLock { $0.append(measurement) }
                done.leave()
            }
        }
        for _ in 0..<count { start.signal() }
        done.wait()
        return results.withLock { $0 }
    }

    @Test func threadsLayingTextOutAtOnceMeasureItAsOneAlone() {
        let alone = Self.measureOnNewThreads(1)[0]
        #expect(!alone.characterWidths.contains(0))
        #expect(alone.lines.count > 3)
        for round in 0..<4 {
            let together = Self.measureOnNewThreads(8)
            #expect(together.allSatisfy { $0 == alone }, "round \(round)")
        }
    }
}

import CCairo
import Foundation

/// Draws a `Scene` on a Cairo context.
struct CairoPainter {
    let cairo: OpaquePointer
    /// Whether `cairo` paints pixels (an image surface), whose text Cairo sets at whole pixels.
    private let rasterized: Bool

    init(cairo: OpaquePointer) {
        self.cairo = cairo
        rasterized = cairo_surface_get_type(cairo_get_target(cairo)) == CAIRO_SURFACE_TYPE_IMAGE
    }

    func paint(_ scene: Scene) {
        for item in scene.items {
            switch item {
            case .path(let points, let closed, let stroke, let fill):
                guard let first = points.first else { continue }
                cairo_new_path(cairo)
                cairo_move_to(cairo, first.x, first.y)
                for point in points.dropFirst() { cairo_line_to(cairo, point.x, point.y) }
                if closed { cairo_close_path(cairo) }
                fillAndStroke(fill: fill, stroke: stroke)
            case .circle(let center, let radius, let stroke, let fill):
                cairo_new_path(cairo)
                cairo_arc(cairo, center.x, center.y, radius, 0, 2 * Double.pi)
                cairo_close_path(cairo)
                fillAndStroke(fill: fill, stroke: stroke)
            case .text(let text):
                draw(text)
            }
        }
    }

    private func setColor(_ color: Color) {
        cairo_set_source_rgba(cairo, color.red, color.green, color.blue, color.alpha)
    }

    private func fillAndStroke(fill: Color?, stroke: Stroke?) {
        if let fill {
            setColor(fill)
            cairo_fill_preserve(cairo)
        }
        if let stroke {
            setColor(stroke.color)
            cairo_set_line_width(cairo, stroke.width)
            cairo_set_line_join(cairo, CAIRO_LINE_JOIN_MITER)
            cairo_set_line_cap(cairo, CAIRO_LINE_CAP_BUTT)
            cairo_set_dash(cairo, stroke.dash, Int32(stroke.dash.count), 0)
            cairo_stroke_preserve(cairo)
        }
        cairo_new_path(cairo)
    }

    /// Draws text so that its logical box fills the frame computed during layout.
    private func draw(_ text: SceneText) {
        cairo_save(cairo)
        defer { cairo_restore(cairo) }
        let layout = PangoText.layout(on: cairo, text: text.text, font: text.font, wrapWidth: text.wrapWidth,
                                      alignment: text.alignment, rasterized: rasterized)
        defer { g_object_unref(UnsafeMutableRawPointer(layout)) }
        let placement = TextPlacement(text, logical: PangoText.logicalExtents(layout))
        cairo_translate(cairo, placement.translation.x, placement.translation.y)
        if placement.readsUpwards { cairo_rotate(cairo, -Double.pi / 2) }
        pango_cairo_update_layout(cairo, layout)
        setColor(text.color)
        cairo_move_to(cairo, placement.layoutOrigin.x, placement.layoutOrigin.y)
        pango_cairo_show_layout(cairo, layout)
    }
}

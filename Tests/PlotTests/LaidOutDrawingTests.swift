import Plot
import Testing

/// A drawing laid out ahead of time gives, at its sizes, the scenes laid out then, and at any other
/// size the original's scene.
@Suite("Laid-out drawings")
struct LaidOutDrawingTests {
    @Test func atItsSizeTheSceneIsTheOneLaidOutAhead() {
        let figure = Gallery.forest
        let size = Size(width: figure.width.points, height: figure.height.points)
        let smaller = Size(width: size.width * 0.8, height: size.height * 0.8)
        let laidOut = LaidOutDrawing(figure.drawable, sizes: [size, smaller, size], measurer: FixedMetricsMeasurer())
        #expect(laidOut.scenes.count == 2)
        for size in [size, smaller] {
            #expect(laidOut.scenes[size] == figure.drawable.scene(size: size, measurer: FixedMetricsMeasurer()))
            // The measurer passed when drawing is not used again at a laid-out size.
            #expect(laidOut.scene(size: size, measurer: PangoTextMeasurer()) == laidOut.scenes[size])
        }
    }

    @Test func atAnotherSizeTheOriginalIsLaidOutAgain() {
        let figure = Gallery.forest
        let size = Size(width: figure.width.points, height: figure.height.points)
        let smaller = Size(width: size.width * 0.8, height: size.height * 0.8)
        let laidOut = LaidOutDrawing(figure.drawable, sizes: [size], measurer: FixedMetricsMeasurer())
        #expect(laidOut.scene(size: smaller, measurer: FixedMetricsMeasurer())
                == figure.drawable.scene(size: smaller, measurer: FixedMetricsMeasurer()))
        #expect(laidOut.scene(size: smaller, measurer: FixedMetricsMeasurer()) != laidOut.scenes[size])
    }
}

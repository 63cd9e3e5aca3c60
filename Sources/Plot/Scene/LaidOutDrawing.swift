/// A drawing laid out ahead of time at some sizes, e.g. on another thread while the caller did
/// other work: drawn at one of those sizes it gives the scene laid out then (whatever measurer is
/// passed: the one given here measured it); at any other size it lays the original out again.
public struct LaidOutDrawing: Drawable {
    /// The drawing laid out.
    public let original: any Drawable
    /// Its scenes by the size they were laid out at.
    public let scenes: [Size: Scene]

    /// `drawable` laid out at each of `sizes`, measuring text with `measurer`.
    public init(_ drawable: any Drawable, sizes: [Size], measurer: any TextMeasurer = PangoTextMeasurer()) {
        original = drawable
        var scenes: [Size: Scene] = [:]
        for size in sizes where scenes[size] == nil {
            scenes[size] = drawable.scene(size: size, measurer: measurer)
        }
        self.scenes = scenes
    }

    public func scene(size: Size, measurer: any TextMeasurer) -> Scene {
        scenes[size] ?? original.scene(size: size, measurer: measurer)
    }
}

/// A drawing laid out ahead of time at one size, e.g. on another thread while the caller did
/// other work: drawn at that size it gives the scene laid out then (whatever measurer is passed:
/// the one given here measured it); at any other size it lays the original drawing out again.
public struct LaidOutDrawing: Drawable {
    /// The drawing laid out.
    public let original: any Drawable
    /// The size it was laid out at.
    public let size: Size
    /// Its scene at `size`.
    public let scene: Scene

    /// `drawable` laid out at `size`, measuring text with `measurer`.
    public init(_ drawable: any Drawable, size: Size, measurer: any TextMeasurer = PangoTextMeasurer()) {
        original = drawable
        self.size = size
        scene = drawable.scene(size: size, measurer: measurer)
    }

    public func scene(size: Size, measurer: any TextMeasurer) -> Scene {
        size == self.size ? scene : original.scene(size: size, measurer: measurer)
    }
}

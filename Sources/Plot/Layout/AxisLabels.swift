/// The tick labels of one axis, measured and arranged so that none overlap: category labels on x
/// first wrap at word boundaries to their band's width, then turn a quarter; numbers (and
/// categories that still collide) drop every other label, then two of three, and so on.
struct AxisLabels {
    var fractions: [Double]
    var labels: [RichText]
    var sizes: [Size]
    /// 0 for upright labels, 1 for labels reading upwards.
    var quarterTurns: Int
    /// The width labels are wrapped at, nil when they are not wrapped.
    var wrapWidth: Double?

    /// Smallest gap in points between neighbouring labels.
    static let minimumGap = 2.0

    /// Labels of `scale` along an axis `length` points long.
    /// - Complexity: O(n²) in the number of ticks at worst (n ≤ a few dozen).
    init(scale: ResolvedScale, axis: Axis, length: Double, font: Font, measurer: any TextMeasurer) {
        fractions = scale.tickFractions
        labels = scale.tickLabels
        sizes = labels.map { measurer.measure($0, font: font) }
        quarterTurns = 0
        if fits(axis: axis, length: length) { return }
        if axis == .x && scale.isBand {
            let unwrapped = sizes
            let room = length * scale.bandFraction - AxisLabels.minimumGap
            let lineHeight = measurer.measure("Hg", font: font).height
            sizes = labels.map { measurer.measure($0, font: font, wrapWidth: room) }
            wrapWidth = room
            if sizes.allSatisfy({ $0.height <= 4 * lineHeight + 0.01 }) && fits(axis: axis, length: length) { return }
            (sizes, wrapWidth, quarterTurns) = (unwrapped, nil, 1)
            if fits(axis: axis, length: length) { return }
        }
        let all = (fractions, labels, sizes)
        for keepEvery in 2...max(2, all.0.count) {
            let kept = all.0.indices.filter { $0 % keepEvery == 0 }
            fractions = kept.map { all.0[$0] }
            labels = kept.map { all.1[$0] }
            sizes = kept.map { all.2[$0] }
            if fits(axis: axis, length: length) { return }
        }
    }

    /// The extent of a label along the axis.
    private func along(_ size: Size, axis: Axis) -> Double {
        let turned = quarterTurns % 2 != 0
        return axis == .x ? (turned ? size.height : size.width) : (turned ? size.width : size.height)
    }

    /// The extent of the labels across the axis (their width for y, height for x).
    func thickness(axis: Axis) -> Double {
        let turned = quarterTurns % 2 != 0
        return sizes.map { axis == .y ? (turned ? $0.height : $0.width) : (turned ? $0.width : $0.height) }.max() ?? 0
    }

    private func fits(axis: Axis, length: Double) -> Bool {
        let order = fractions.indices.sorted { fractions[$0] < fractions[$1] }
        for (a, b) in zip(order, order.dropFirst()) {
            let distance = (fractions[b] - fractions[a]) * length
            if distance < (along(sizes[a], axis: axis) + along(sizes[b], axis: axis)) / 2 + AxisLabels.minimumGap { return false }
        }
        return true
    }
}

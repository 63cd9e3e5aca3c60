import Foundation

/// Reference values produced by Fixtures/plot-reference.R (R's labeling::extended and type-7 quantiles).
struct PlotReference: Decodable {
    struct TickCase: Decodable {
        var lower: Double
        var upper: Double
        var target: Int
        var ticks: [Double]
    }

    struct BoxCase: Decodable {
        var values: [Double]
        var lowerQuartile: Double
        var median: Double
        var upperQuartile: Double
        var lowerWhisker: Double
        var upperWhisker: Double
        var outliers: [Double]
    }

    var ticks: [TickCase]
    var boxes: [BoxCase]

    static let shared: PlotReference = {
        let url = Bundle.module.url(forResource: "plot-reference", withExtension: "json", subdirectory: "Fixtures")!
        return try! JSONDecoder().decode(PlotReference.self, from: Data(contentsOf: url))
    }()
}

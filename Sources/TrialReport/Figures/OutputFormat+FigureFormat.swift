import Plot
import TrialAnalysis

extension OutputFormat {
    /// The file format the plan's `figureFormats` names.
    public init(_ format: FigureFormat) {
        switch format {
        case .pdf: self = .pdf
        case .svg: self = .svg
        case .png: self = .png
        case .tiff: self = .tiff
        case .eps: self = .eps
        }
    }
}

import Plot
import TrialData

extension TrialReportError {
    /// A figure that could not be drawn (`RenderJob.renderAll` failed), at the file it was being
    /// drawn into, `file(job, format)`, or at `folder` when the failure names no file.
    static func cannotDrawFigure(_ error: any Error, folder: String,
                                 file: (_ job: Int, _ format: OutputFormat) -> String) -> TrialReportError {
        guard let failure = error as? RenderFailure else {
            return TrialReportError(.other, at: SourceLocation(file: folder), "cannot draw the figure: \(error)")
        }
        return TrialReportError(.other, at: SourceLocation(file: file(failure.job, failure.format ?? .pdf)),
                                "cannot draw the figure: \(failure)")
    }
}

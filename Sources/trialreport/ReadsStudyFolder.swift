import TrialData

/// A command that reads a study folder (`--data`), whose size sets `MallocSettings`.
protocol ReadsStudyFolder {
    var study: StudyOptions { get }
}

extension RenderCommand: ReadsStudyFolder {}
extension AnalyzeCommand: ReadsStudyFolder {}
extension FiguresCommand: ReadsStudyFolder {}
extension ValidateCommand: ReadsStudyFolder {}
extension LockCommand: ReadsStudyFolder {}
extension VerifyCommand: ReadsStudyFolder {}

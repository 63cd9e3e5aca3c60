import ArgumentParser
import TrialData

/// `trialreport`: turns a clinical trial's locked data into its analyses, figures, tables and report.
@main
struct TrialReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trialreport",
        abstract: "Analyses, figures, tables and the report of a clinical trial, from its study folder.",
        discussion: "Without a subcommand, renders the bundled example study into output/.",
        version: TrialReportVersion.current,
        subcommands: [
            RenderCommand.self,
            AnalyzeCommand.self,
            FiguresCommand.self,
            ValidateCommand.self,
            SimulateCommand.self,
            LockCommand.self,
            VerifyCommand.self,
            DiffCommand.self,
            RecoverCommand.self,
        ],
        defaultSubcommand: RenderCommand.self
    )
}

import ArgumentParser
import Foundation
import TrialAnalysis
import TrialData

/// `trialreport init`: a first study.yaml for a folder of CDISC ADaM datasets.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Write a first study.yaml for a folder of CDISC ADaM datasets.",
        discussion: """
            Reads the .csv and .xpt files of DIR and of its subfolders and recognises them by their \
            CDISC variables: the subject-level dataset (USUBJID, TRT01P), its arms (TRT01P, in the \
            order of TRT01PN) and population flags (SAFFL, ITTFL, FASFL, EFFFL, PPROTFL, …), the \
            adverse events (AEDECOD, AEBODSYS) and the Basic Data Structure datasets (PARAMCD, \
            AVAL, AVISITN) with their parameters and visits. Writes DIR/study.yaml: a plan that \
            validates and renders as it is, headed by a comment listing what was recognised, what \
            was guessed (the reference arm, the analysis sets, which relatedness values count as \
            related) and what is left to decide (the primary endpoint, the doses, the baseline \
            table), which it also prints. An existing study.yaml is kept (exit 73) unless --force. \
            A folder without a subject-level dataset exits 66, saying what was expected.
            """
    )

    @Option(name: .customLong("data"), help: "The study folder.", transform: nonEmpty)
    var dataDirectory: String

    @Flag(help: "Replace an existing DIR/study.yaml.")
    var force = false

    func run() throws {
        try runReportingFailures {
            let folder = URL(fileURLWithPath: dataDirectory)
            let planFile = folder.appendingPathComponent("study.yaml")
            if !force, FileManager.default.fileExists(atPath: planFile.path) {
                throw TrialReportError(.cannotWrite, at: SourceLocation(file: planFile.path),
                                       "the study folder already has a plan; give --force to replace it")
            }
            let draft = try PlanDraft(survey: try StudyFolderSurvey(folder: folder), folderName: folder.standardizedFileURL.lastPathComponent)
            do {
                try Data(draft.text.utf8).write(to: planFile, options: .atomic)
            } catch {
                throw TrialReportError(.cannotWrite, at: SourceLocation(file: planFile.path), "cannot write the plan: \(error.localizedDescription)")
            }
            printToStandardOutput("wrote \(planFile.path)")
            for (heading, lines) in [("recognised", draft.recognised), ("guessed (check)", draft.guesses), ("left to decide", draft.decisions)] {
                printToStandardOutput(heading + ":")
                for line in lines { printToStandardOutput("  " + line) }
            }
            printToStandardOutput("next: trialreport validate --data \(dataDirectory)")
        }
    }
}

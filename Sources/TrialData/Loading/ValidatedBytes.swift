/// The bytes of a study's input files as validation read and hashed them, kept so that a data
/// lock (`TrialLock.write`) digests the rows of those very bytes instead of reading and hashing
/// every file again. A mapped file stays mapped and open while this lives: `StudyData.load` keeps
/// them only when asked to (`keepingBytes`).
public struct ValidatedBytes: Sendable {
    /// Each input file as validated (its SHA-256 is of `contents`), in file order.
    let files: [(input: InputFile, contents: FileContents)]
    /// The row digests of the files whose reading computed them (`RowDigestSink`).
    var rowDigests: [RowDigestSink] = []

    /// The validated file `name`, when it is one of them.
    func file(named name: String) -> (input: InputFile, contents: FileContents)? {
        files.first { $0.input.file == name }
    }

    /// The runs of the row digests of the file `name`, in file order, when its reading computed
    /// them all (`RowDigestSink.runs`).
    func rowDigestRuns(of name: String) -> (runs: [RowDigestRuns], known: StringTable)? {
        guard let sink = rowDigests.first(where: { $0.file == name }), let runs = sink.runs() else { return nil }
        return (runs, sink.spec.known)
    }
}

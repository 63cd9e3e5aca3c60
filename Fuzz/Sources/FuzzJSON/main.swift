import TrialAnalysis
import TrialData

/// One fuzz input is the bytes of a JSON file, read as `trial.lock` and `diff` read theirs. The
/// parser must answer every input with a value or a diagnostic — never a crash, a hang or
/// unbounded memory. A value read is written as canonical text, which must read back to the same
/// text, and `diff` must find no difference between the value and itself.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJSON(_ data: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: count))
    do {
        let value = try JSONParser.parse(bytes, file: "results.json")
        let text = value.canonicalText
        let again = try JSONParser.parse(Array(text.utf8), file: "canonical.json")
        precondition(again.canonicalText == text, "canonicalText did not read back as the same text")
        precondition(ResultsComparison.differences(old: value, new: again).isEmpty, "diff found a difference with itself")
    } catch {
        _ = error.diagnostics.map(\.description)
    }
    do {
        _ = try TrialLock(bytes: bytes)
    } catch {
        _ = error.diagnostics.map(\.description)
    }
    return 0
}

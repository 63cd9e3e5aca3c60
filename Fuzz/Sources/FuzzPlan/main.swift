import TrialAnalysis
import TrialData

/// One fuzz input is the text of a study.yaml. The plan reader must answer every input with a
/// plan or with diagnostics — never a crash, a hang or unbounded memory (aliases, deep nesting
/// and huge texts are refused up front). A plan that loads is written back as canonical YAML,
/// which must read back as the same plan.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPlan(_ data: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: count), as: UTF8.self)
    do {
        let loaded = try AnalysisPlan.load(yaml: text)
        let again = try AnalysisPlan.load(yaml: loaded.plan.canonicalYAML)
        precondition(again.plan == loaded.plan, "canonicalYAML did not read back as the same plan")
    } catch {
        _ = error.diagnostics.map(\.description)
    }
    return 0
}

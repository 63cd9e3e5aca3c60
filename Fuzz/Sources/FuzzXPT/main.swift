import TrialData

/// One fuzz input is a whole SAS transport file, read by `TransportFile`; every value of every
/// column, every label and every location is then touched. Any outcome but a crash or a
/// sanitizer report is fine: errors are the expected answer to most inputs.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzXPT(_ data: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let contents = FileContents(Array(UnsafeBufferPointer(start: data, count: count)))
    do {
        for dataset in try TransportFile(contents: contents, name: "fuzz.xpt").datasets {
            _ = dataset.name + dataset.label
            for (index, column) in dataset.columns.enumerated() {
                _ = column.name + column.label + column.format
                switch column.values {
                case .numbers(let numbers): _ = numbers.map { SASMissingValue($0)?.description }
                case .text(let codes, let levels): _ = codes.map { $0 < 0 ? "" : levels[Int($0)] }
                }
                if dataset.rowCount > 0 { _ = dataset.location(row: dataset.rowCount - 1, column: index).description }
            }
        }
    } catch {
        _ = error.diagnostics.map(\.description)
    }
    return 0
}

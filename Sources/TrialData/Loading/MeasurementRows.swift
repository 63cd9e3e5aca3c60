/// The columns of measurement rows being read, written in place: two readers on two threads each
/// fill a range of their own, so that the rows of the second half of a file need no copy onto the
/// first's (see `MeasurementReader`).
struct MeasurementRows: @unchecked Sendable {
    let participant: UnsafeMutableBufferPointer<Int32>
    let parameter: UnsafeMutableBufferPointer<UInt16>
    let visit: UnsafeMutableBufferPointer<UInt16>
    let value: UnsafeMutableBufferPointer<Double>

    /// The columns of the rows `fill` writes into storage for `capacity` rows; `fill` returns how
    /// many rows, from the first, it wrote. Nothing is written to memory before `fill` touches it.
    static func columns(capacity: Int, _ fill: (MeasurementRows) -> Int)
        -> (participant: [Int32], parameter: [UInt16], visit: [UInt16], value: [Double]) {
        var participant: [Int32] = [], parameter: [UInt16] = [], visit: [UInt16] = []
        let value = [Double](unsafeUninitializedCapacity: capacity) { value, valueCount in
            visit = [UInt16](unsafeUninitializedCapacity: capacity) { visit, visitCount in
                parameter = [UInt16](unsafeUninitializedCapacity: capacity) { parameter, parameterCount in
                    participant = [Int32](unsafeUninitializedCapacity: capacity) { participant, participantCount in
                        participantCount = fill(MeasurementRows(participant: participant, parameter: parameter, visit: visit,
                                                                value: value))
                    }
                    parameterCount = participant.count
                }
                visitCount = participant.count
            }
            valueCount = participant.count
        }
        return (participant, parameter, visit, value)
    }

    /// Writes one row.
    @inline(__always)
    func write(_ row: Int, participant: Int32, parameter: UInt16, visit: UInt16, value: Double) {
        self.participant[row] = participant
        self.parameter[row] = parameter
        self.visit[row] = visit
        self.value[row] = value
    }

    /// Moves the rows of `range` to start at `start` (ranges may overlap).
    func moveRows(_ range: Range<Int>, to start: Int) {
        guard !range.isEmpty, range.lowerBound != start else { return }
        func move<Element>(_ column: UnsafeMutableBufferPointer<Element>) {
            UnsafeMutableRawPointer(column.baseAddress! + start)
                .copyMemory(from: column.baseAddress! + range.lowerBound, byteCount: range.count * MemoryLayout<Element>.stride)
        }
        move(participant)
        move(parameter)
        move(visit)
        move(value)
    }
}

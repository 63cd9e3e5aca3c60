import CByteScan

/// The bytes of a CSV file that may end an unquoted field or need a check — a comma, a line
/// break, a quote, another control character or a byte from 0x7F up (`trialreport_csv_flags64`)
/// — found 64 at a time and kept as the bits of a word, so that a block of the file is
/// classified once however many fields it holds, and the fields in it are found by counting
/// zero bits.
///
/// Every byte not flagged is printable ASCII other than the comma and the quote: a reader may
/// step over it without looking at it. A flagged byte is only a candidate (a tab, say, is
/// ordinary text): the reader looks at it as before.
struct FlaggedBytes {
    /// The flags of the 64 bytes from `blockStart`.
    private var flags: UInt64 = 0
    private var blockStart = Int.min / 2

    /// The first flagged byte of `bytes` at or after `position`; or, when none is flagged up to
    /// the last 64 bytes before `end`, the first of those left (the reader looks at each of
    /// them). `end` must not exceed `bytes.count`.
    @inline(__always)
    mutating func next(from position: Int, in bytes: UnsafeBufferPointer<UInt8>, end: Int) -> Int {
        var position = position
        while true {
            let offset = position &- blockStart
            if offset >= 0, offset < 64 {
                let pending = flags >> UInt64(offset)
                if pending != 0 { return position + pending.trailingZeroBitCount }
                position = blockStart + 64
            }
            guard position + 64 <= end else { return position }
            blockStart = position
            flags = trialreport_csv_flags64(bytes.baseAddress! + position)
        }
    }
}

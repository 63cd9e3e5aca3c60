import CByteScan

/// The bytes of a 64-byte block that end the fields of a plain record (`CSVScanner.nextPlainRecord`)
/// and those it may not hold, as the bits of words (`trialreport_csv_breaks64`): a plain record's
/// fields are then found one bit at a time, without looking at a byte.
struct PlainBreaks {
    /// The first byte of the block, or far below any offset before the first block is loaded.
    private(set) var start = Int.min / 2
    /// The commas and line feeds: where fields end.
    private(set) var separators: UInt64 = 0
    /// The line feeds: where records end.
    private(set) var lineFeeds: UInt64 = 0
    /// The line feeds just after a carriage return (a CRLF: the field ends at the CR).
    private(set) var lineFeedsAfterCR: UInt64 = 0
    /// The bytes a plain record may not hold: a quote, a control byte (a tab among them) other
    /// than a line feed or the CR of a CRLF, a byte from 0x7F up.
    private(set) var refused: UInt64 = 0

    /// The offset of `position` in the block, when the block holds it.
    @inline(__always)
    func offset(of position: Int) -> Int? {
        let offset = position &- start
        return offset >= 0 && offset < 64 ? offset : nil
    }

    /// Classifies the 64 bytes from `position`, which must not run past `end` (nor `end` past
    /// `bytes`). The bytes on either side of the block are read too: a CRLF may straddle its edges.
    @inline(__always)
    mutating func load(at position: Int, in bytes: UnsafeBufferPointer<UInt8>, end: Int) {
        let breaks = trialreport_csv_breaks64(bytes.baseAddress! + position)
        let returnBefore: UInt64 = position > 0 && bytes[position - 1] == 0x0D ? 1 : 0
        let feedAfter: UInt64 = position + 64 < end && bytes[position + 64] == 0x0A ? 1 << 63 : 0
        start = position
        separators = breaks.commas | breaks.lineFeeds
        lineFeeds = breaks.lineFeeds
        lineFeedsAfterCR = breaks.lineFeeds & (breaks.carriageReturns << 1 | returnBefore)
        refused = breaks.others | (breaks.carriageReturns & ~(breaks.lineFeeds >> 1 | feedAfter))
    }
}

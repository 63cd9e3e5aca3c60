/// A canonical Huffman code as DEFLATE writes it (RFC 1951, 3.2.2): code lengths from symbol
/// frequencies, no longer than a limit, and the codes those lengths define.
///
/// The lengths are Huffman's (two-queue construction over the symbols sorted by frequency); when
/// some exceed the limit, the longer ones are folded into the limit and the code made complete
/// again by lengthening the deepest shorter codes (as miniz does), then the lengths are handed
/// out again, shortest to the most frequent symbols.
struct HuffmanCode {
    /// The code length of each symbol; 0 for a symbol that has no code.
    let lengths: [Int]
    /// The code of each symbol, its bits reversed, as the bit stream writes it low bit first.
    let codes: [UInt32]

    /// The code for `frequencies` (one per symbol, at least two symbols), no length over
    /// `maxLength`. Always at least two symbols get a code (0 and 1 are added when fewer occur),
    /// so the code is complete, as zlib's inflate requires.
    init(frequencies: [Int], maxLength: Int) {
        lengths = Self.lengths(frequencies, maxLength: maxLength)
        codes = Self.canonicalCodes(lengths)
    }

    private static func lengths(_ frequencies: [Int], maxLength: Int) -> [Int] {
        var symbols = frequencies.indices.filter { frequencies[$0] > 0 }
        for filler in 0..<2 where symbols.count < 2 && !symbols.contains(filler) { symbols.append(filler) }
        let weights = frequencies.map { max($0, 1) }
        symbols.sort { (weights[$0], $0) < (weights[$1], $1) }
        // Nodes 0..<n are the leaves in that order, n... the merged nodes in the order made.
        let leaves = symbols.count
        var parent = [Int](repeating: 0, count: 2 * leaves - 1)
        var mergedWeights = [Int](repeating: 0, count: leaves - 1)
        var nextLeaf = 0, nextMerged = 0
        for merged in 0..<(leaves - 1) {
            for _ in 0..<2 {
                if nextLeaf < leaves, nextMerged == merged || weights[symbols[nextLeaf]] <= mergedWeights[nextMerged] {
                    parent[nextLeaf] = leaves + merged
                    mergedWeights[merged] += weights[symbols[nextLeaf]]
                    nextLeaf += 1
                } else {
                    parent[leaves + nextMerged] = leaves + merged
                    mergedWeights[merged] += mergedWeights[nextMerged]
                    nextMerged += 1
                }
            }
        }
        // A parent comes after its children: depths from the root (the last node) down.
        var depth = [Int](repeating: 0, count: 2 * leaves - 1)
        for node in stride(from: 2 * leaves - 3, through: 0, by: -1) { depth[node] = depth[parent[node]] + 1 }
        var countOfLength = [Int](repeating: 0, count: max(maxLength, leaves) + 1)
        for leaf in 0..<leaves { countOfLength[min(depth[leaf], maxLength)] += 1 }
        var kraftSum = (1...maxLength).reduce(0) { $0 + countOfLength[$1] << (maxLength - $1) }
        while kraftSum > 1 << maxLength {
            countOfLength[maxLength] -= 1
            for length in stride(from: maxLength - 1, to: 0, by: -1) where countOfLength[length] > 0 {
                countOfLength[length] -= 1
                countOfLength[length + 1] += 2
                break
            }
            kraftSum -= 1
        }
        var lengths = [Int](repeating: 0, count: frequencies.count)
        var leaf = 0
        for length in stride(from: maxLength, through: 1, by: -1) {
            for _ in 0..<countOfLength[length] {
                lengths[symbols[leaf]] = length
                leaf += 1
            }
        }
        return lengths
    }

    /// RFC 1951's codes for `lengths`: consecutive values per length, shorter codes first.
    private static func canonicalCodes(_ lengths: [Int]) -> [UInt32] {
        var countOfLength = [Int](repeating: 0, count: 16)
        for length in lengths where length > 0 { countOfLength[length] += 1 }
        var nextCode = [Int](repeating: 0, count: 16)
        for length in 1..<16 { nextCode[length] = (nextCode[length - 1] + countOfLength[length - 1]) << 1 }
        return lengths.map { length in
            guard length > 0 else { return 0 }
            let code = nextCode[length]
            nextCode[length] += 1
            var reversed: UInt32 = 0
            for bit in 0..<length where code & (1 << bit) != 0 { reversed |= 1 << (length - 1 - bit) }
            return reversed
        }
    }
}

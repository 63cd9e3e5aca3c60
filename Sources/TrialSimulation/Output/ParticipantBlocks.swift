import Dispatch
import Foundation

/// Participant numbers 1…N cut into blocks (made in parallel) and batches of blocks (written
/// before the next batch is made, to bound memory).
struct ParticipantBlocks {
    static let participantsPerBlock = 8192
    static let blocksPerBatch = 16

    var participantCount: Int

    /// Consecutive batches of consecutive blocks, covering 1…`participantCount`.
    var batches: [[Range<Int>]] {
        let blocks = stride(from: 1, through: participantCount, by: Self.participantsPerBlock).map {
            $0..<min($0 + Self.participantsPerBlock, participantCount + 1)
        }
        return stride(from: 0, to: blocks.count, by: Self.blocksPerBatch).map {
            Array(blocks[$0..<min($0 + Self.blocksPerBatch, blocks.count)])
        }
    }
}

extension RandomStudy {
    /// The tables of each block of `batch`, made in parallel and returned in block order: each
    /// block starts from `empty(block)` and gets its participants through `add`.
    /// - Complexity: O(participants in the batch), spread over the available cores.
    func tables<Tables: Sendable>(of batch: [Range<Int>], empty: @Sendable (Range<Int>) -> Tables,
                                  add: @Sendable (inout Tables, Participant) -> Void) -> [Tables] {
        let results = BlockResults<Tables>(count: batch.count)
        DispatchQueue.concurrentPerform(iterations: batch.count) { blockIndex in
            var tables = empty(batch[blockIndex])
            for number in batch[blockIndex] {
                add(&tables, participant(number))
            }
            results.store(tables, at: blockIndex)
        }
        return results.all
    }
}

/// One slot per block, filled from parallel workers.
private final class BlockResults<Tables: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [Tables?]

    init(count: Int) {
        slots = Array(repeating: nil, count: count)
    }

    func store(_ tables: Tables, at index: Int) {
        lock.withLock { slots[index] = tables }
    }

    /// Every slot's tables; call after all workers have finished.
    var all: [Tables] {
        lock.withLock { slots.map { $0! } }
    }
}

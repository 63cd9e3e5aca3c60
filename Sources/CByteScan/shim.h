#ifndef TRIALREPORT_CBYTESCAN_SHIM_H
#define TRIALREPORT_CBYTESCAN_SHIM_H

#include <stdint.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

/// The bytes of `bytes[0..<64]` at which an unquoted CSV field may end or need a closer look,
/// sorted, as bits (bit i for `bytes[i]`): commas, line feeds, carriage returns, and the others —
/// a quote, any other byte below 0x20 (a tab among them) and any byte from 0x7F up. Sixteen
/// bytes per SSE2 comparison where the compiler targets SSE2 (every x86-64), one byte at a time
/// elsewhere.
typedef struct {
    uint64_t commas, lineFeeds, carriageReturns, others;
} trialreport_csv_breaks;

static inline trialreport_csv_breaks trialreport_csv_breaks64(const uint8_t *bytes) {
    trialreport_csv_breaks breaks = {0, 0, 0, 0};
#if defined(__SSE2__)
    for (int part = 0; part < 4; part++) {
        __m128i lanes = _mm_loadu_si128((const __m128i *)(bytes + 16 * part));
        __m128i low = _mm_cmpeq_epi8(_mm_min_epu8(lanes, _mm_set1_epi8(0x1F)), lanes);
        __m128i high = _mm_cmpeq_epi8(_mm_max_epu8(lanes, _mm_set1_epi8(0x7F)), lanes);
        __m128i quote = _mm_cmpeq_epi8(lanes, _mm_set1_epi8(0x22));
        int shift = 16 * part;
        breaks.commas |= (uint64_t)(uint16_t)_mm_movemask_epi8(_mm_cmpeq_epi8(lanes, _mm_set1_epi8(0x2C))) << shift;
        breaks.lineFeeds |= (uint64_t)(uint16_t)_mm_movemask_epi8(_mm_cmpeq_epi8(lanes, _mm_set1_epi8(0x0A))) << shift;
        breaks.carriageReturns |= (uint64_t)(uint16_t)_mm_movemask_epi8(_mm_cmpeq_epi8(lanes, _mm_set1_epi8(0x0D))) << shift;
        breaks.others |= (uint64_t)(uint16_t)_mm_movemask_epi8(_mm_or_si128(_mm_or_si128(low, high), quote)) << shift;
    }
    breaks.others &= ~(breaks.lineFeeds | breaks.carriageReturns);
#else
    for (int index = 0; index < 64; index++) {
        uint8_t byte = bytes[index];
        uint64_t bit = (uint64_t)1 << index;
        if (byte == 0x2C) breaks.commas |= bit;
        else if (byte == 0x0A) breaks.lineFeeds |= bit;
        else if (byte == 0x0D) breaks.carriageReturns |= bit;
        else if (byte < 0x20 || byte >= 0x7F || byte == 0x22) breaks.others |= bit;
    }
#endif
    return breaks;
}

/// The bytes of `trialreport_csv_breaks64` together, as bits: every byte that is not flagged is
/// printable ASCII other than the comma and the quote.
static inline uint64_t trialreport_csv_flags64(const uint8_t *bytes) {
    trialreport_csv_breaks breaks = trialreport_csv_breaks64(bytes);
    return breaks.commas | breaks.lineFeeds | breaks.carriageReturns | breaks.others;
}

/// The line feeds among `bytes[0..<64 * blocks]`; `*hasCarriageReturn` is set to whether a
/// carriage return is among them. Where the compiler targets SSE2, each 16 bytes loaded once and
/// their line feeds counted in byte lanes, summed every 63 blocks (a lane counts 4 bytes a block:
/// 252 at most, no overflow); elsewhere one byte at a time.
static inline int64_t trialreport_line_feed_count(const uint8_t *bytes, int64_t blocks, int *hasCarriageReturn) {
    int64_t count = 0;
#if defined(__SSE2__)
    const __m128i lineFeed = _mm_set1_epi8(0x0A), carriageReturn = _mm_set1_epi8(0x0D), zero = _mm_setzero_si128();
    __m128i returns = zero;
    int64_t block = 0;
    while (block < blocks) {
        __m128i lanes = zero;
        for (int inRun = 0; inRun < 63 && block < blocks; inRun++, block++) {
            for (int part = 0; part < 4; part++) {
                __m128i bytes16 = _mm_loadu_si128((const __m128i *)(bytes + 64 * block + 16 * part));
                lanes = _mm_sub_epi8(lanes, _mm_cmpeq_epi8(bytes16, lineFeed));
                returns = _mm_or_si128(returns, _mm_cmpeq_epi8(bytes16, carriageReturn));
            }
        }
        __m128i sums = _mm_sad_epu8(lanes, zero);
        count += _mm_cvtsi128_si64(sums) + _mm_cvtsi128_si64(_mm_unpackhi_epi64(sums, sums));
    }
    *hasCarriageReturn = _mm_movemask_epi8(returns) != 0;
#else
    int returns = 0;
    for (int64_t index = 0; index < 64 * blocks; index++) {
        count += bytes[index] == 0x0A;
        returns |= bytes[index] == 0x0D;
    }
    *hasCarriageReturn = returns;
#endif
    return count;
}

#endif

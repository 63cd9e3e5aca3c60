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

/// The bytes of `bytes[0..<64]` equal to `value`, as bits (bit i for `bytes[i]`).
static inline uint64_t trialreport_equal_mask64(const uint8_t *bytes, uint8_t value) {
#if defined(__SSE2__)
    uint64_t mask = 0;
    __m128i wanted = _mm_set1_epi8((char)value);
    for (int part = 0; part < 4; part++) {
        __m128i lanes = _mm_loadu_si128((const __m128i *)(bytes + 16 * part));
        mask |= (uint64_t)(uint16_t)_mm_movemask_epi8(_mm_cmpeq_epi8(lanes, wanted)) << (16 * part);
    }
    return mask;
#else
    uint64_t mask = 0;
    for (int index = 0; index < 64; index++) {
        if (bytes[index] == value) mask |= (uint64_t)1 << index;
    }
    return mask;
#endif
}

#endif

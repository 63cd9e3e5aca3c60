/// xoshiro256** 1.0 (Blackman and Vigna 2018), the generator behind every simulated value.
///
/// It is deliberately not a `RandomNumberGenerator`: the standard library's `random(in:)`
/// algorithms may change between Swift versions, and the simulated study must be the same bytes
/// on every machine and toolchain. All sampling goes through the methods in `Sampling.swift`.
///
/// Source: <https://prng.di.unimi.it/xoshiro256starstar.c>. Period 2^256 − 1.
struct Xoshiro256StarStar {
    private var s0: UInt64
    private var s1: UInt64
    private var s2: UInt64
    private var s3: UInt64

    /// The generator of stream `stream` (e.g. a participant's index) for `seed`: independent
    /// streams let participants be generated in any order, or in parallel, with identical results.
    init(seed: UInt64, stream: UInt64 = 0) {
        var seedMixer = SplitMix64(seed: seed)
        var seeder = SplitMix64(seed: seedMixer.next() ^ (stream &* 0xD1B5_4A32_D192_ED03))
        s0 = seeder.next()
        s1 = seeder.next()
        s2 = seeder.next()
        s3 = seeder.next()
    }

    /// The generator with the given state (not all zero), as in the reference implementation's tests.
    init(state: (UInt64, UInt64, UInt64, UInt64)) {
        precondition(state != (0, 0, 0, 0), "the all-zero state is a fixed point")
        (s0, s1, s2, s3) = state
    }

    /// The next 64 random bits.
    mutating func next() -> UInt64 {
        let result = ((s1 &* 5) << 7 | (s1 &* 5) >> 57) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = s3 << 45 | s3 >> 19
        return result
    }
}

/// SplitMix64, the 64-bit generator Steele, Lea and Flood (2014) designed for splitting streams;
/// used here only to turn a seed (and a participant index) into the state of a
/// `Xoshiro256StarStar`, as Blackman and Vigna recommend.
///
/// Source: <https://prng.di.unimi.it/splitmix64.c>.
struct SplitMix64 {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    /// The next 64 random bits.
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

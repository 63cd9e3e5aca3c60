import Crypto

/// The SHA-256 checksums written into results.json (`inputs`), trial.lock and manifest.json.
public enum Checksum {
    /// The lowercase hexadecimal SHA-256 of `bytes`.
    /// - Complexity: O(*n*).
    public static func sha256(_ bytes: [UInt8]) -> String {
        hex(SHA256.hash(data: bytes))
    }

    /// The lowercase hexadecimal SHA-256 of the bytes of `buffer`.
    /// - Complexity: O(*n*).
    public static func sha256(_ buffer: UnsafeRawBufferPointer) -> String {
        hex(SHA256.hash(data: buffer))
    }

    /// The lowercase hexadecimal SHA-256 of a file's contents.
    /// - Complexity: O(*n*).
    public static func sha256(_ contents: FileContents) -> String {
        contents.withBytes { sha256(UnsafeRawBufferPointer($0)) }
    }

    /// The lowercase hexadecimal SHA-256 of a file's contents, hashed 8 MiB at a time, each part's
    /// pages of a mapped file let go once hashed (`FileContents.releasePages`): a thread that
    /// hashes a file beside its readers does not keep the pages it mapped (the bytes stay valid).
    /// - Complexity: O(*n*).
    public static func sha256ReleasingPages(_ contents: FileContents) -> String {
        let part = 1 << 23
        return contents.withBytes { bytes in
            var hasher = SHA256()
            var start = 0, released = 0
            while start < bytes.count {
                let end = min(start + part, bytes.count)
                hasher.update(bufferPointer: UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: bytes[start..<end])))
                released = contents.releasePages(in: released..<end)
                start = end
            }
            return hex(hasher.finalize())
        }
    }

    /// `bytes` as lowercase hexadecimal, two digits each.
    public static func hex(_ bytes: some Sequence<UInt8>) -> String {
        bytes.map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }
}

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

    /// `bytes` as lowercase hexadecimal, two digits each.
    public static func hex(_ bytes: some Sequence<UInt8>) -> String {
        bytes.map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }
}

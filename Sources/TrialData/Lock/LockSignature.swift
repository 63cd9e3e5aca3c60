import Crypto
import Foundation

/// An Ed25519 signature of `trial.lock`, in `trial.lock.sig` beside it: whoever holds the private
/// key signs the lock when locking (`trialreport lock --sign KEY`), and `verify --key PUB` then
/// refuses a lock that this key did not sign — one rewritten afterwards with hashes consistent
/// with changed data included.
///
/// Keys are PEM files as OpenSSL writes them (`openssl genpkey -algorithm ed25519 -out lock.key`,
/// `openssl pkey -in lock.key -pubout -out lock.pub`): PKCS #8 for the private key, SubjectPublicKeyInfo
/// for the public one. The signature file is the 64-byte signature of the exact bytes of
/// `trial.lock`, as lowercase hexadecimal, with a final line feed.
public enum LockSignature {
    /// `trial.lock.sig`.
    public static let fileName = "trial.lock.sig"

    /// A private key that signs locks.
    public struct SigningKey: Sendable {
        let key: Curve25519.Signing.PrivateKey
    }

    /// A public key that checks their signatures.
    public struct VerifyingKey: Sendable {
        let key: Curve25519.Signing.PublicKey
    }

    /// The DER of an Ed25519 PKCS #8 private key before its 32-byte seed (RFC 8410).
    private static let privateKeyPrefix: [UInt8] = [0x30, 0x2E, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2B, 0x65, 0x70,
                                                    0x04, 0x22, 0x04, 0x20]
    /// The DER of an Ed25519 SubjectPublicKeyInfo before its 32-byte key (RFC 8410).
    private static let publicKeyPrefix: [UInt8] = [0x30, 0x2A, 0x30, 0x05, 0x06, 0x03, 0x2B, 0x65, 0x70, 0x03, 0x21, 0x00]

    /// The Ed25519 private key in the PEM file at `url`.
    /// - Throws: `TrialReportError` — `.missingInput` when the file cannot be read, `.invalidInput`
    ///   when it is not an Ed25519 private key in PEM.
    public static func privateKey(at url: URL) throws(TrialReportError) -> SigningKey {
        let key = try keyBytes(at: url, label: "PRIVATE KEY", prefix: privateKeyPrefix, kind: "an Ed25519 private key")
        do { return SigningKey(key: try Curve25519.Signing.PrivateKey(rawRepresentation: key)) } catch {
            throw TrialReportError(.invalidInput, at: SourceLocation(file: url.path), "not an Ed25519 private key: \(error)")
        }
    }

    /// The Ed25519 public key in the PEM file at `url`.
    /// - Throws: as `privateKey(at:)`, for a public key.
    public static func publicKey(at url: URL) throws(TrialReportError) -> VerifyingKey {
        let key = try keyBytes(at: url, label: "PUBLIC KEY", prefix: publicKeyPrefix, kind: "an Ed25519 public key")
        do { return VerifyingKey(key: try Curve25519.Signing.PublicKey(rawRepresentation: key)) } catch {
            throw TrialReportError(.invalidInput, at: SourceLocation(file: url.path), "not an Ed25519 public key: \(error)")
        }
    }

    /// Signs the `trial.lock` of `dataDirectory` with `key`, writing `trial.lock.sig` (to a
    /// temporary file, then renamed into place).
    /// - Throws: `TrialReportError` — `.missingInput` when the folder has no lock; `.cannotWrite`
    ///   when the signature cannot be written.
    public static func sign(lockIn dataDirectory: URL, with key: SigningKey) throws(TrialReportError) {
        let lock = try lockBytes(in: dataDirectory)
        let signature: Data
        do { signature = try key.key.signature(for: lock) } catch {
            throw TrialReportError(.other, at: SourceLocation(file: fileName), "cannot sign the lock: \(error)")
        }
        try AtomicFile.write(Data((Checksum.hex(signature) + "\n").utf8), to: dataDirectory.appendingPathComponent(fileName))
    }

    /// Checks that `key` signed `lock`, the bytes of the `trial.lock` of `dataDirectory` as read
    /// by the caller (the same bytes it then parses, so the lock checked is the lock used).
    /// - Throws: `TrialReportError` of kind `.invalidInput` at `trial.lock.sig` when it is
    ///   missing, is not a signature, or is not this key's signature of `lock`.
    static func verify(_ lock: [UInt8], in dataDirectory: URL, with key: VerifyingKey) throws(TrialReportError) {
        let location = SourceLocation(file: fileName)
        let url = dataDirectory.appendingPathComponent(fileName)
        guard let text = try? String(contentsOf: url, encoding: .utf8) else {
            throw TrialReportError(.invalidInput, at: location, "the lock is not signed; sign it with `trialreport lock --sign KEY`")
        }
        guard let signature = hexBytes(text.trimmingCharacters(in: .whitespacesAndNewlines)), signature.count == 64 else {
            throw TrialReportError(.invalidInput, at: location, "not a signature: 128 hexadecimal digits expected")
        }
        guard key.key.isValidSignature(signature, for: lock) else {
            throw TrialReportError(.invalidInput, at: location,
                                   "the signature does not match trial.lock and this key: the lock was changed after it was signed, or another key signed it")
        }
    }

    /// The lock a render or `figures` uses, and what to warn about its signature.
    ///
    /// With `key`, the lock must exist and be signed by it (checked on the bytes parsed);
    /// without, a signed lock is used unchecked, with a warning saying so.
    /// - Returns: the lock (`nil` when the folder has none and no `key` is given) and the warnings.
    /// - Throws: `TrialReportError` of kind `.invalidInput` at `trial.lock.sig` when `key` is
    ///   given and the folder is not locked, or its lock is not this key's signed lock; as
    ///   `TrialLock.read(in:verifyingSignatureWith:)` otherwise.
    public static func checkedLock(in dataDirectory: URL, key: VerifyingKey?) throws(TrialReportError) -> (lock: TrialLock?, warnings: [Diagnostic]) {
        let lock = try TrialLock.read(in: dataDirectory, verifyingSignatureWith: key)
        if key != nil, lock == nil {
            throw TrialReportError(.invalidInput, at: SourceLocation(file: fileName),
                                   "--key: the study folder is not locked, so there is no signed lock to check; "
                                   + "lock it with `trialreport lock --sign KEY`")
        }
        guard key == nil, lock != nil, isSigned(dataDirectory) else { return (lock, []) }
        return (lock, [Diagnostic(.warning, at: SourceLocation(file: fileName),
                                  "the lock is signed, but its signature was not checked; give --key PUB to check it")])
    }

    /// Whether `dataDirectory` has a `trial.lock.sig` (anything under that name).
    static func isSigned(_ dataDirectory: URL) -> Bool {
        var status = stat()
        return lstat(dataDirectory.appendingPathComponent(fileName).path, &status) == 0
    }

    private static func lockBytes(in dataDirectory: URL) throws(TrialReportError) -> Data {
        let url = dataDirectory.appendingPathComponent(TrialLock.fileName)
        guard let bytes = FileManager.default.contents(atPath: url.path) else {
            throw TrialReportError(.missingInput, at: SourceLocation(file: url.path), "the study folder is not locked")
        }
        return bytes
    }

    /// The 32 key bytes of a PEM file whose DER is `prefix` followed by them.
    private static func keyBytes(at url: URL, label: String, prefix: [UInt8], kind: String) throws(TrialReportError) -> Data {
        let location = SourceLocation(file: url.path)
        guard let text = try? String(contentsOf: url, encoding: .utf8) else {
            throw TrialReportError(.missingInput, at: location, "cannot read the key file")
        }
        let lines = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
        guard let begin = lines.firstIndex(of: "-----BEGIN \(label)-----"),
              let end = lines[begin...].firstIndex(of: "-----END \(label)-----"),
              let der = Data(base64Encoded: lines[(begin + 1)..<end].joined()),
              der.count == prefix.count + 32, der.prefix(prefix.count).elementsEqual(prefix) else {
            throw TrialReportError(.invalidInput, at: location,
                                   "not \(kind) in PEM (make one with `openssl genpkey -algorithm ed25519`)")
        }
        return der.suffix(32)
    }

    private static func hexBytes(_ text: String) -> Data? {
        let digits = Array(text.utf8)
        guard digits.count % 2 == 0 else { return nil }
        var bytes = Data(capacity: digits.count / 2)
        for index in stride(from: 0, to: digits.count, by: 2) {
            guard let byte = UInt8(String(decoding: digits[index...index + 1], as: UTF8.self), radix: 16) else { return nil }
            bytes.append(byte)
        }
        return bytes
    }
}

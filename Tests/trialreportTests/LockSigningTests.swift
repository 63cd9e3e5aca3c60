import Foundation
import Testing
import TrialData
import TrialReportTestSupport

/// `trialreport lock --sign KEY` and `verify --key PUB`: an Ed25519 signature of trial.lock.
@Suite("trialreport lock --sign and verify --key")
struct LockSigningTests {
    /// An Ed25519 key pair made by OpenSSL, as users make theirs, in a temporary folder.
    final class KeyPair {
        let folder: URL
        var privateKey: String { folder.appendingPathComponent("lock.key").path }
        var publicKey: String { folder.appendingPathComponent("lock.pub").path }

        init() throws {
            folder = FileManager.default.temporaryDirectory.appendingPathComponent("keys-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Self.openssl(["genpkey", "-algorithm", "ed25519", "-out", privateKey])
            try Self.openssl(["pkey", "-in", privateKey, "-pubout", "-out", publicKey])
        }

        deinit { try? FileManager.default.removeItem(at: folder) }

        private static func openssl(_ arguments: [String]) throws {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/openssl")
            process.arguments = arguments
            try process.run()
            process.waitUntilExit()
            try #require(process.terminationStatus == 0)
        }
    }

    static func signedStudy(_ keys: KeyPair) throws -> ExampleStudyCopy {
        let study = try ExampleStudyCopy()
        let lock = try Trialreport.run(["lock", "--data", study.path, "--by", "dm", "--at", "2025-06-30T12:00:00Z",
                                        "--sign", keys.privateKey])
        try #require(lock.status == 0, "\(lock.standardError)")
        #expect(lock.standardOutput.contains("; signed in trial.lock.sig"))
        return study
    }

    @Test func aSignedLockVerifiesWithItsPublicKey() throws {
        let keys = try KeyPair()
        let study = try Self.signedStudy(keys)
        let verify = try Trialreport.run(["verify", "--data", study.path, "--key", keys.publicKey])
        #expect(verify.status == 0, "\(verify.standardError)")
        #expect(verify.standardOutput.hasPrefix("ok: "))
    }

    @Test func aLockRewrittenWithConsistentHashesOverChangedDataFailsTheSignature() throws {
        let keys = try KeyPair()
        let study = try Self.signedStudy(keys)
        try RenderLockedTests.changeOneValue(in: study)
        // Someone locks the changed data again without the key: the hashes agree with the files.
        let relock = try Trialreport.run(["lock", "--data", study.path, "--force", "--by", "dm", "--at", "2025-06-30T12:00:00Z"])
        try #require(relock.status == 0, "\(relock.standardError)")
        #expect(try Trialreport.run(["verify", "--data", study.path]).status == 0)
        let verify = try Trialreport.run(["verify", "--data", study.path, "--key", keys.publicKey])
        #expect(verify.status == 65)
        #expect(verify.standardError == "error: trial.lock.sig: the signature does not match trial.lock and this key: "
            + "the lock was changed after it was signed, or another key signed it\n")
    }

    @Test func anotherKeyOrNoSignatureFailsVerifyWithAKey() throws {
        let keys = try KeyPair(), other = try KeyPair()
        let study = try Self.signedStudy(keys)
        #expect(try Trialreport.run(["verify", "--data", study.path, "--key", other.publicKey]).status == 65)
        try FileManager.default.removeItem(atPath: study.path + "/trial.lock.sig")
        let unsigned = try Trialreport.run(["verify", "--data", study.path, "--key", keys.publicKey])
        #expect(unsigned.status == 65)
        #expect(unsigned.standardError.hasPrefix("error: trial.lock.sig: the lock is not signed"))
    }

    @Test func aKeyFileThatIsNotAnEd25519KeyIsRefusedBeforeLocking() throws {
        let keys = try KeyPair()
        let study = try ExampleStudyCopy()
        // The public key where the private one is expected.
        let result = try Trialreport.run(["lock", "--data", study.path, "--sign", keys.publicKey])
        #expect(result.status == 65)
        #expect(result.standardError.hasPrefix("error: \(keys.publicKey): not an Ed25519 private key in PEM"))
        #expect(!FileManager.default.fileExists(atPath: study.path + "/trial.lock"))
    }
}

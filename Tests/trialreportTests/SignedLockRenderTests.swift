import Foundation
import Testing
import TrialReportTestSupport

/// `render --key PUB` and `figures --key PUB`: the lock a run uses must be the one that key signed;
/// a signed lock used without `--key` is used with a warning that its signature was not checked.
@Suite("render and figures --key: signed locks")
struct SignedLockRenderTests {
    static let notChecked = "warning: trial.lock.sig: the lock is signed, but its signature was not checked; give --key PUB to check it"

    /// Where a lock's signature goes wrong.
    enum BadSignature: String, CaseIterable, CustomTestStringConvertible {
        case anotherKeysSignature, noSignatureFile, lockRewrittenAfterSigning
        var testDescription: String { rawValue }
    }

    @Test func aRenderWithTheSigningKeyRendersWithoutAWarning() throws {
        let keys = try LockSigningTests.KeyPair()
        let study = try LockSigningTests.signedStudy(keys)
        let parent = try TemporaryStudy([:])
        let result = try Trialreport.run(["render", "--data", study.path, "--out", parent.path + "/out", "--locked",
                                          "--key", keys.publicKey, "--quiet"])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardError == "")
        #expect(FileManager.default.fileExists(atPath: parent.path + "/out/report.pdf"))
    }

    @Test(arguments: BadSignature.allCases)
    func aRenderWithAKeyRefusesALockThatKeyDidNotSign(_ bad: BadSignature) throws {
        let keys = try LockSigningTests.KeyPair(), other = try LockSigningTests.KeyPair()
        let study = try LockSigningTests.signedStudy(keys)
        var key = keys.publicKey
        switch bad {
        case .anotherKeysSignature: key = other.publicKey
        case .noSignatureFile: try FileManager.default.removeItem(atPath: study.path + "/trial.lock.sig")
        case .lockRewrittenAfterSigning:
            let relock = try Trialreport.run(["lock", "--data", study.path, "--force", "--by", "mallory", "--at", "2025-07-01T12:00:00Z"])
            try #require(relock.status == 0, "\(relock.standardError)")
        }
        let parent = try TemporaryStudy([:])
        let result = try Trialreport.run(["render", "--data", study.path, "--out", parent.path + "/out", "--key", key, "--quiet"])
        #expect(result.status == 65)
        #expect(result.standardError.hasPrefix("error: trial.lock.sig: "), "\(result.standardError)")
        #expect(!FileManager.default.fileExists(atPath: parent.path + "/out"))
    }

    @Test func aRenderWithAKeyOfAFolderThatIsNotLockedIsRefused() throws {
        let keys = try LockSigningTests.KeyPair()
        let study = try ExampleStudyCopy()
        let parent = try TemporaryStudy([:])
        let result = try Trialreport.run(["render", "--data", study.path, "--out", parent.path + "/out", "--key", keys.publicKey])
        #expect(result.status == 65)
        #expect(result.standardError == "error: trial.lock.sig: --key: the study folder is not locked, so there is no signed lock "
            + "to check; lock it with `trialreport lock --sign KEY`\n")
    }

    @Test func aSignedLockRenderedWithoutAKeyWarnsThatItsSignatureWasNotChecked() throws {
        let keys = try LockSigningTests.KeyPair()
        let study = try LockSigningTests.signedStudy(keys)
        let parent = try TemporaryStudy([:])
        let result = try Trialreport.run(["render", "--data", study.path, "--out", parent.path + "/out", "--quiet"])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardError == Self.notChecked + "\n")
    }

    @Test func figuresChecksTheSignatureOfTheLockWhosePlanAndDateItUses() throws {
        let keys = try LockSigningTests.KeyPair(), other = try LockSigningTests.KeyPair()
        let study = try LockSigningTests.signedStudy(keys)
        let parent = try TemporaryStudy([:])
        let arguments = ["figures", "--data", study.path, "--out", parent.path + "/out", "--only", "consort", "--dpi", "72"]
        let refused = try Trialreport.run(arguments + ["--key", other.publicKey])
        #expect(refused.status == 65)
        #expect(refused.standardError.hasPrefix("error: trial.lock.sig: the signature does not match trial.lock and this key"))
        #expect(!FileManager.default.fileExists(atPath: parent.path + "/out"))
        let unchecked = try Trialreport.run(arguments)
        #expect(unchecked.status == 0, "\(unchecked.standardError)")
        #expect(unchecked.standardError == Self.notChecked + "\n")
        #expect(try Trialreport.run(arguments + ["--key", keys.publicKey]).standardError == "")
    }
}

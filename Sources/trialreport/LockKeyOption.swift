import ArgumentParser
import Foundation
import TrialData

/// `--key PUB`: the public key whose signature of trial.lock (DIR/trial.lock.sig, written by
/// `lock --sign`) verify, render and figures require.
struct LockKeyOption: ParsableArguments {
    @Option(name: .customLong("key"),
            help: ArgumentHelp("Require DIR/trial.lock.sig to be this Ed25519 public key's (PEM) signature of trial.lock (else exit 65).",
                               valueName: "pub"),
            transform: nonEmpty)
    var publicKey: String?

    /// The key given, read; `nil` without `--key`.
    /// - Throws: `TrialReportError` as `LockSignature.publicKey(at:)`.
    func key() throws(TrialReportError) -> LockSignature.VerifyingKey? {
        guard let publicKey else { return nil }
        return try LockSignature.publicKey(at: URL(fileURLWithPath: publicKey))
    }
}

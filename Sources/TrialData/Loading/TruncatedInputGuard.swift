#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A mapped input file (`FileContents`) that another program shortens while it is read raises
/// `SIGBUS` at the first byte past the new end. Installed by a command-line program, this guard
/// turns that signal into one line on stderr and exit status 1 instead of a crash report; as the
/// outputs are written to a temporary folder and moved into place only when complete, the
/// previous output stays as it was.
public enum TruncatedInputGuard {
    /// The message, made before any signal can arrive: a handler may only call `write` and `_exit`.
    nonisolated(unsafe) private static let message = strdup(
        "error: an input file was shortened by another program while it was being read; nothing was written. "
            + "Run again once the file is complete.\n")!

    /// Handles `SIGBUS` for the rest of the process.
    public static func install() {
        _ = message
        var action = sigaction()
        #if canImport(Glibc)
        action.__sigaction_handler.sa_handler = { _ in
            _ = write(2, TruncatedInputGuard.message, strlen(TruncatedInputGuard.message))
            _exit(1)
        }
        #else
        action.__sigaction_u.__sa_handler = { _ in
            _ = write(2, TruncatedInputGuard.message, strlen(TruncatedInputGuard.message))
            _exit(1)
        }
        #endif
        sigemptyset(&action.sa_mask)
        sigaction(SIGBUS, &action, nil)
    }
}

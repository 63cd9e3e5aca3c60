import Foundation

/// Writing a file so that readers see the old contents or the new, never a part.
public enum AtomicFile {
    /// Writes `data` to a temporary file beside `url`, then renames it over `url`.
    /// - Throws: `TrialReportError` of kind `.cannotWrite` (exit 73) naming the file.
    public static func write(_ data: Data, to url: URL) throws(TrialReportError) {
        let temporary = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
        do {
            try data.write(to: temporary)
            guard rename(temporary.path, url.path) == 0 else {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: String(cString: strerror(errno))])
            }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw TrialReportError(.cannotWrite, at: SourceLocation(file: url.path), "cannot write: \(error.localizedDescription)")
        }
    }
}

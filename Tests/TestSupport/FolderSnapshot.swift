import Foundation

/// Every entry below a folder (symbolic links as their target path, never followed) with its bytes.
public enum FolderSnapshot {
    /// Relative path (folders ending in "/", links in " -> ") → bytes (a link's: its target path).
    public static func take(_ folder: URL) -> [String: Data] {
        var snapshot: [String: Data] = [:]
        walk(folder, prefix: "", into: &snapshot)
        return snapshot
    }

    private static func walk(_ folder: URL, prefix: String, into snapshot: inout [String: Data]) {
        let manager = FileManager.default
        guard let names = try? manager.contentsOfDirectory(atPath: folder.path) else { return }
        for name in names {
            let url = folder.appendingPathComponent(name), path = prefix + name
            let type = (try? manager.attributesOfItem(atPath: url.path))?[.type] as? FileAttributeType
            switch type {
            case .typeSymbolicLink?:
                snapshot[path + " -> "] = Data(((try? manager.destinationOfSymbolicLink(atPath: url.path)) ?? "").utf8)
            case .typeDirectory?:
                snapshot[path + "/"] = Data()
                walk(url, prefix: path + "/", into: &snapshot)
            default:
                snapshot[path] = manager.contents(atPath: url.path) ?? Data()
            }
        }
    }
}

import Foundation

/// Paths of the package checkout this test file belongs to.
enum PackagePaths {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let example = root.appendingPathComponent("examples/uc-msc-t1d")
    static let templates = root.appendingPathComponent("templates")
}

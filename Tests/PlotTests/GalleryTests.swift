import Foundation
import Plot
import Testing

/// Renders one figure of each kind to PDF, SVG and PNG. Set PLOT_GALLERY_DIR to keep the files.
@Suite(.serialized) struct GalleryTests {
    static let outputDirectory: URL? = ProcessInfo.processInfo.environment["PLOT_GALLERY_DIR"].map {
        URL(fileURLWithPath: $0, isDirectory: true)
    }

    @Test(arguments: Gallery.all.map(\.name))
    func figureRendersToAllFormats(name: String) throws {
        let figure = try #require(Gallery.all.first { $0.name == name })
        let canvas = Canvas(width: figure.width, height: figure.height)
        for format in OutputFormat.allCases {
            let bytes = try canvas.render(figure.drawable, as: format)
            #expect(bytes.count > 1_000, "\(name).\(format) is only \(bytes.count) bytes")
            if let directory = Self.outputDirectory {
                try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
                try Data(bytes).write(to: directory.appendingPathComponent("\(name).\(format.rawValue)"))
            }
        }
    }
}

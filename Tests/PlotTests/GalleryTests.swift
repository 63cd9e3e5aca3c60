import Foundation
import Plot
import Testing
import TrialReportTestSupport

#if canImport(FoundationXML)
import FoundationXML
#endif

/// Renders one figure of each kind to PDF, SVG and PNG and checks each file.
/// Set PLOT_GALLERY_DIR (e.g. /tmp/plot-gallery) to keep the files for looking at.
@Suite(.serialized) struct GalleryTests {
    static let outputDirectory: URL? = ProcessInfo.processInfo.environment["PLOT_GALLERY_DIR"].map {
        URL(fileURLWithPath: $0, isDirectory: true)
    }

    static func render(_ name: String, _ format: OutputFormat) throws -> (figure: GalleryFigure, bytes: [UInt8]) {
        let figure = try #require(Gallery.all.first { $0.name == name })
        let bytes = try Canvas(width: figure.width, height: figure.height).render(figure.drawable, as: format)
        if let directory = outputDirectory {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try Data(bytes).write(to: directory.appendingPathComponent("\(name).\(format.rawValue)"))
        }
        return (figure, bytes)
    }

    @Test(arguments: Gallery.all.map(\.name))
    func pngHasTheRequestedSizeAndIsNotBlank(name: String) throws {
        let (figure, png) = try Self.render(name, .png)
        let expected = Canvas(width: figure.width, height: figure.height).pixelSize
        let size = PNGInspection.size(png)
        #expect(size.width == expected.width && size.height == expected.height)
        let inked = PNGInspection.inkedFraction(png)
        #expect(inked > 0.01 && inked < 0.6, "\(name): \(Int(inked * 100)) % of pixels inked")
    }

    @Test(arguments: Gallery.all.map(\.name))
    func svgParsesAsXML(name: String) throws {
        let (_, svg) = try Self.render(name, .svg)
        let parser = XMLParser(data: Data(svg))
        let parsed = parser.parse()
        #expect(parsed, "\(name).svg: \(String(describing: parser.parserError))")
    }

    @Test(arguments: Gallery.all.map(\.name))
    func pdfEmbedsEveryFont(name: String) throws {
        let (_, pdf) = try Self.render(name, .pdf)
        #expect(pdf.starts(with: Array("%PDF-".utf8)))
        guard let fonts = PDFFonts.list(pdf) else {
            print("note: pdffonts (poppler-utils) is not installed; font embedding of \(name).pdf not checked")
            return
        }
        #expect(!fonts.isEmpty)
        for font in fonts { #expect(font.embedded, "\(name).pdf: font \(font.name) is not embedded") }
    }

    @Test(arguments: Gallery.all.map(\.name))
    func sameInputGivesIdenticalFiles(name: String) throws {
        for format in OutputFormat.allCases {
            let identical = try Self.render(name, format).bytes == Self.render(name, format).bytes
            #expect(identical, "\(name).\(format.rawValue) differs between two renders")
        }
    }
}

/// Runs `pdffonts` (poppler-utils) on a PDF.
enum PDFFonts {
    struct Entry { var name: String; var embedded: Bool }

    static let executable: URL? = ["/usr/bin/pdffonts", "/usr/local/bin/pdffonts"].map(URL.init(fileURLWithPath:))
        .first { FileManager.default.isExecutableFile(atPath: $0.path) }

    /// The fonts of `pdf`, or nil when pdffonts is not installed.
    static func list(_ pdf: [UInt8]) -> [Entry]? {
        guard let executable else { return nil }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("pdffonts-\(UUID().uuidString).pdf")
        defer { try? FileManager.default.removeItem(at: file) }
        guard (try? Data(pdf).write(to: file)) != nil else { return nil }
        let process = Process()
        process.executableURL = executable
        process.arguments = [file.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        guard (try? process.run()) != nil else { return nil }
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        // Columns: name type encoding emb sub uni object ID; rows after the two header lines.
        return output.split(separator: "\n").dropFirst(2).compactMap { line in
            let fields = line.split(separator: " ", omittingEmptySubsequences: true)
            guard fields.count >= 7 else { return nil }
            return Entry(name: String(fields[0]), embedded: fields[fields.count - 5] == "yes")
        }
    }
}

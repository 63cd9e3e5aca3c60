import Foundation
import Testing
import TrialReportTestSupport
@testable import Plot

/// EPS figures: level-3 encapsulated PostScript whose bounding box is the figure, with the
/// document's date, that Ghostscript renders.
@Suite(.serialized) struct EPSTests {
    let figure = Gallery.boxWithJitter
    var canvas: Canvas { Canvas(width: figure.width, height: figure.height, documentDate: "2026-03-15T09:30:00") }

    func header(_ eps: [UInt8]) -> [String] {
        String(decoding: eps.prefix(2_000), as: UTF8.self).split(separator: "\n").map(String.init)
    }

    @Test func headerHasTheBoundingBoxOfTheFigureAndTheDocumentDate() throws {
        let eps = try canvas.render(figure.drawable, as: .eps)
        let lines = header(eps)
        #expect(lines.first == "%!PS-Adobe-3.0 EPSF-3.0")
        let size = canvas.size
        #expect(lines.contains("%%BoundingBox: 0 0 \(Int(size.width.rounded(.up))) \(Int(size.height.rounded(.up)))"))
        #expect(lines.contains("%%CreationDate: (2026-03-15T09:30:00)"))
        #expect(lines.contains("%%LanguageLevel: 3"))
        // Fonts are embedded: a font resource in the file, none only named.
        let text = String(decoding: eps, as: UTF8.self)
        #expect(text.contains("%%BeginResource: font"))
        #expect(!text.contains("%%DocumentNeededResources: font"))
    }

    @Test func ghostscriptRendersItAtTheFiguresSize() throws {
        let eps = try canvas.render(figure.drawable, as: .eps)
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("eps-\(UUID().uuidString).png")
        defer { try? FileManager.default.removeItem(at: output) }
        guard let gs = try ImageTools.run("gs", ["-dSAFER", "-dBATCH", "-dNOPAUSE", "-dEPSCrop", "-sDEVICE=png16m", "-r300",
                                                  "-sOutputFile=\(output.path)", "{}"], on: eps, fileExtension: "eps") else {
            print("note: Ghostscript is not installed; the EPS was not rendered")
            return
        }
        #expect(gs.status == 0, "\(gs.standardError)")
        #expect(!gs.text.contains("Error") && !gs.standardError.contains("Error"), "\(gs.text) \(gs.standardError)")
        let png = try [UInt8](Data(contentsOf: output))
        let size = PNGInspection.size(png)
        // The bounding box in whole points at 300 dpi.
        #expect(size.width == Int((canvas.size.width.rounded(.up) / 72 * 300).rounded()))
        #expect(size.height == Int((canvas.size.height.rounded(.up) / 72 * 300).rounded()))
        #expect(PNGInspection.inkedFraction(png) > 0.01)
    }

    @Test func sameFigureGivesIdenticalBytesWhateverTheClock() throws {
        let first = try canvas.render(figure.drawable, as: .eps)
        Thread.sleep(forTimeInterval: 1.1)
        let second = try canvas.render(figure.drawable, as: .eps)
        #expect(first == second)
    }

    @Test func dateLineIsReplacedInPlace() {
        let eps = Array("%!PS-Adobe-3.0 EPSF-3.0\n%%Creator: cairo\n%%CreationDate: Thu Dec  3 06:37:51 2026\n%%Pages: 1\nshowpage\n".utf8)
        let dated = String(decoding: EPSHeader.dated(eps, "2000-01-01T00:00:00"), as: UTF8.self)
        #expect(dated == "%!PS-Adobe-3.0 EPSF-3.0\n%%Creator: cairo\n%%CreationDate: (2000-01-01T00:00:00)\n%%Pages: 1\nshowpage\n")
    }
}

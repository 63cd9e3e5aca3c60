import Foundation
import Plot
import TrialAnalysis
import TrialReport

/// What the figures hold: the fonts of their PDF files (pdffonts) and the texts they draw.
enum FigureFiles {
    static let pdffonts: URL? = ["/usr/bin/pdffonts", "/usr/local/bin/pdffonts"].map(URL.init(fileURLWithPath:))
        .first { FileManager.default.isExecutableFile(atPath: $0.path) }

    /// Each font of `pdf` and whether it is embedded; nil when pdffonts (poppler-utils) is not installed.
    static func fonts(_ pdf: [UInt8]) throws -> [(name: String, embedded: Bool)]? {
        guard let pdffonts else { return nil }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("figure-\(UUID().uuidString).pdf")
        defer { try? FileManager.default.removeItem(at: file) }
        try Data(pdf).write(to: file)
        let process = Process()
        process.executableURL = pdffonts
        process.arguments = [file.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        // Columns: name type encoding emb sub uni object ID; rows after the two header lines.
        return output.split(separator: "\n").dropFirst(2).compactMap { line in
            let fields = line.split(separator: " ")
            return fields.count >= 7 ? (String(fields[0]), fields[fields.count - 5] == "yes") : nil
        }
    }

    /// Every text the figure draws, as plain text, laid out with Pango as it is drawn.
    static func texts(_ figure: TrialFigure) -> [String] {
        figure.drawable.scene(size: figure.canvas().size, measurer: PangoTextMeasurer()).texts.map(\.text.plainText)
    }
}

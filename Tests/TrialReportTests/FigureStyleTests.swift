import Foundation
import Plot
import Testing
import TrialAnalysis
import TrialReport

/// The plan's `figureStyle`: journal presets (page width and font sizes), panel letters, and the
/// note left to the caption — checked on every figure of both bundled examples.
@Suite struct FigureStyleTests {
    static let measurer = PangoTextMeasurer()

    /// The bundled example `name` analysed with its own plan.
    static func example(_ name: String) -> (results: Results, plan: AnalysisPlan) {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("examples/\(name)")
        do {
            let input = try StudyInput.load(from: folder)
            return (StudyAnalysis.run(data: input.data, plan: input.plan.plan), input.plan.plan)
        } catch {
            preconditionFailure("examples/\(name) cannot be analysed: \(error)")
        }
    }

    static let examples = [example("uc-msc-t1d"), FigureSamples.pilot]

    /// Every figure of both examples in `style`, with its scene.
    static func figures(_ style: FigureStyle) -> [(figure: TrialFigure, scene: Scene)] {
        examples.flatMap { results, plan in
            var plan = plan
            plan.figureStyle = style
            let figures = TrialFigures(results: results, plan: plan)
            return figures.names.map { name in
                let figure = figures.build(name)
                let size = Size(width: figure.pageWidth.points, height: figure.height.points)
                return (figure, figure.drawable.scene(size: size, measurer: measurer))
            }
        }
    }

    @Test(arguments: FigureStyle.Preset.allCases)
    func everyTextIsInThePresetsSizesOnItsPageAndClearOfTheOthers(preset: FigureStyle.Preset) {
        let drawn = Self.figures(FigureStyle(preset: preset, panelLetters: true))
        let plain = Self.figures(FigureStyle(preset: .default, panelLetters: true))
        #expect(drawn.count == 9 + 5)
        for ((figure, scene), (_, plainScene)) in zip(drawn, plain) {
            let name = figure.name.rawValue
            #expect(abs(figure.pageWidth.points - preset.length(figure.width).points) < 1e-9)
            let page = Rect(x: 0, y: 0, width: scene.size.width, height: scene.size.height)
            let texts = scene.texts.filter { !$0.text.plainText.isEmpty }
            #expect(!texts.isEmpty)
            for text in texts {
                let letter = text.font.bold && text.text.plainText.allSatisfy(\.isUppercase) && text.text.plainText.count <= 2
                    && text.font.size == preset.theme.panelLetterSize
                #expect(letter || preset.fontSizes.contains(text.font.size),
                        "\(name) (\(preset)): '\(text.text.plainText)' at \(text.font.size) pt")
                #expect(page.insetBy(-0.5).contains(text.frame), "\(name) (\(preset)): '\(text.text.plainText)' leaves the page")
            }
            // A figure whose default drawing already overlaps is a known problem of that figure, not of the
            // preset: recorded as such, and its labels and overlaps are not compared.
            let crowded = Self.overlaps(plainScene)
            if let first = crowded.first {
                withKnownIssue("\(name): the default drawing already overlaps ('\(first.0)' and '\(first.1)', \(crowded.count) pairs)") {
                    Issue.record("\(name) (\(preset)) not checked for overlaps")
                }
                continue
            }
            // Every label of the default drawing is there (none thinned out for lack of room);
            // numbers may differ, as axes of another length get other ticks, and a label repeated
            // in a row (the band above a panel, one label per rule) may be shown fewer times, not
            // less than once, where the rules are too close for each to have its own.
            let words = { (scene: Scene) in scene.texts.map(\.text.plainText).filter { $0.contains(where: \.isLetter) }.sorted() }
            let drawnWords = words(scene), plainWords = words(plainScene)
            #expect(Set(drawnWords) == Set(plainWords), "\(name) (\(preset)) lost or gained labels")
            for word in Set(plainWords) where drawnWords.count(of: word) != plainWords.count(of: word) {
                let rows = Set(plainScene.texts.filter { $0.text.plainText == word }.map(\.frame.minY))
                #expect(rows.count == 1 && drawnWords.count(of: word) < plainWords.count(of: word),
                        "\(name) (\(preset)): '\(word)' \(drawnWords.count(of: word)) times, \(plainWords.count(of: word)) in the default drawing")
            }
            for (text, other) in Self.overlaps(scene) { Issue.record("\(name) (\(preset)): '\(text)' overlaps '\(other)'") }
        }
    }

    /// The pairs of texts of `scene` that share area (by more than half a point).
    static func overlaps(_ scene: Scene) -> [(String, String)] {
        let texts = scene.texts.filter { !$0.text.plainText.isEmpty }
        return texts.indices.flatMap { index in
            texts[(index + 1)...].filter { texts[index].frame.insetBy(0.5).intersects($0.frame.insetBy(0.5)) }
                .map { (texts[index].text.plainText, $0.text.plainText) }
        }
    }

    @Test func presetsFixTheJournalsColumnWidths() {
        let millimetres = { (length: Length) in (length.points / 72 * 25.4 * 10).rounded() / 10 }
        #expect([FigureWidth.single, .double].map { millimetres(FigureStyle.Preset.bmc.length($0)) } == [85, 176])
        #expect([FigureWidth.single, .double].map { millimetres(FigureStyle.Preset.nature.length($0)) } == [89, 183])
        #expect(FigureWidth.allCases.map { millimetres(FigureStyle.Preset.default.length($0)) } == [85, 120, 175])
        #expect(FigureStyle.Preset.bmc.fontSizes.lowerBound == 8)
        #expect(FigureStyle.Preset.nature.fontSizes == 5...7)
    }

    @Test func theDefaultStyleDrawsAsBefore() {
        let (results, plan) = Self.examples[0]
        let figure = TrialFigures(results: results, plan: plan).build(.remissionRates)
        let plain = TrialFigures(results: results, plan: plan).build(.remissionRates, width: .single)
        #expect(figure.pageWidth.points == FigureWidth.single.length.points && plain.height.points == figure.height.points)
        #expect(figure.drawsNote && (figure.drawable as? Figure)?.theme.tickLabelSize == Theme.journal.tickLabelSize)
    }

    @Test func panelLettersTopLeftOfEachPanelOnlyWhenAsked() throws {
        let (results, plan) = Self.examples[0]
        var lettered = plan
        lettered.figureStyle.panelLetters = true
        let figure = TrialFigures(results: results, plan: lettered).build(.cpeptideChange)
        let plot = try #require(figure.drawable as? Figure)
        let size = Size(width: figure.pageWidth.points, height: figure.height.points)
        let layout = plot.layout(size: size, measurer: Self.measurer)
        let letters = layout.scene.texts.filter { $0.font.bold && ["A", "B"].contains($0.text.plainText) }
        #expect(letters.map(\.text.plainText) == ["A", "B"])
        for (letter, panel) in zip(letters, layout.panels) {
            #expect(letter.frame.maxY <= panel.plotArea.minY, "above the panel")
            #expect(letter.frame.minX <= panel.plotArea.minX, "at its left")
            let title = layout.scene.texts.filter { $0.font.bold && $0.frame.minX >= panel.plotArea.minX - 1e-9
                && $0.frame.maxY <= panel.plotArea.minY && $0.text.plainText.count > 2 }
            #expect(title.allSatisfy { $0.frame.minY >= letter.frame.maxY - 1e-9 }, "the title is under the letter")
        }
        // Off by default, and a figure of one panel gets none.
        let plain = TrialFigures(results: results, plan: plan).build(.cpeptideChange)
        #expect(!plain.drawable.scene(size: size, measurer: Self.measurer).texts.contains { $0.text.plainText == "A" })
        let single = TrialFigures(results: results, plan: lettered).build(.remissionRates)
        let singleSize = Size(width: single.pageWidth.points, height: single.height.points)
        #expect(!single.drawable.scene(size: singleSize, measurer: Self.measurer).texts.contains { $0.text.plainText == "A" && $0.font.bold })
    }

    @Test func notesLeftToTheCaptionLeaveTheImageOnAShorterPage() throws {
        let (results, plan) = Self.examples[0]
        var captioned = plan
        captioned.figureStyle.notes = .caption
        for name in TrialFigures(results: results, plan: plan).names {
            let inImage = TrialFigures(results: results, plan: plan).build(name)
            let inCaption = TrialFigures(results: results, plan: captioned).build(name)
            #expect(inCaption.note == inImage.note)
            #expect(!inCaption.drawsNote)
            guard let note = inImage.note else { continue }
            let size = Size(width: inCaption.pageWidth.points, height: inCaption.height.points)
            #expect(!inCaption.drawable.scene(size: size, measurer: Self.measurer).texts.contains { $0.text.plainText == note })
            let noteHeight = try #require(inImage.drawable as? Figure).noteHeight(width: inImage.pageWidth.points, measurer: Self.measurer)
            #expect(noteHeight > 0 && abs(inImage.height.points - inCaption.height.points - noteHeight) < 1e-9)
        }
    }
}

private extension Array where Element: Equatable {
    /// How many elements equal `element`.
    func count(of element: Element) -> Int { lazy.filter { $0 == element }.count }
}

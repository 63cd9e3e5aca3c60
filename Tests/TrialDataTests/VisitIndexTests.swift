import Testing
@testable import TrialData

@Suite("Visit index")
struct VisitIndexTests {
    /// Visits met in runs that follow the plan's order, restart, skip, repeat, or come in any
    /// order, past the 16 a list holds (then a dictionary): each gets the index of its first
    /// appearance, as a plain search of the values met gives it.
    @Test func everyVisitGetsTheIndexOfItsFirstAppearance() {
        var generator = SystemRandomNumberGenerator()
        for distinct in [3, 16, 17, 40] {
            let plan = (0..<distinct).map { Double($0 * 3) }
            var index = VisitIndex()
            var met: [Double] = []
            for _ in 0..<2_000 {
                let value: Double
                switch Int.random(in: 0..<4, using: &generator) {
                case 0: value = plan.randomElement(using: &generator)!
                case 1: value = plan[0]
                default: value = met.last.flatMap { last in plan.firstIndex(of: last).map { plan[min($0 + 1, distinct - 1)] } } ?? plan[0]
                }
                if !met.contains(value) { met.append(value) }
                #expect(index.index(of: value) == met.firstIndex(of: value)!, "\(value) of \(distinct)")
            }
            #expect(index.values == met)
        }
    }

    /// A visit is found by the word of the field it was first read from, whatever came before, and
    /// only by that one: another spelling of the same number is read, then found by its value.
    @Test func aVisitIsFoundByTheBytesItWasFirstReadFrom() {
        func word(_ text: String) -> UInt64 { Array(text.utf8).reversed().reduce(0) { $0 << 8 | UInt64($1) } }
        var index = VisitIndex()
        #expect(index.index(ofWord: word("3")) == nil)
        #expect(index.index(of: 3, word: word("3")) == 0 && index.index(of: 6, word: nil) == 1 && index.index(of: 12, word: word("12")) == 2)
        #expect(index.index(ofWord: word("6")) == nil, "a visit first read without a word")
        #expect(index.index(of: 6, word: word("6.0")) == 1 && index.index(of: 6, word: word("6")) == 1)
        for text in ["12", "3", "6.0", "12", "12", "6.0", "3"] {
            #expect(index.index(ofWord: word(text)) == ["3": 0, "6.0": 1, "12": 2][text], "\(text)")
        }
        #expect(index.index(ofWord: word("6")) == nil && index.index(ofWord: word("3.0")) == nil)
        #expect(index.index(of: 3.0, word: word("3.0")) == 0 && index.index(ofWord: word("3.0")) == nil, "the first word kept")
        for visit in 4..<30 { _ = index.index(of: Double(visit) * 100, word: word("\(visit * 100)")) }
        #expect(index.index(ofWord: word("12")) == nil, "past 16 visits, read as numbers")
    }

    @Test func minusZeroIsTheVisitZero() {
        var index = VisitIndex()
        #expect(index.index(of: 0) == 0 && index.index(of: 3) == 1 && index.index(of: -0.0) == 0)
    }
}

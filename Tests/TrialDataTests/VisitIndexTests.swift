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

    @Test func minusZeroIsTheVisitZero() {
        var index = VisitIndex()
        #expect(index.index(of: 0) == 0 && index.index(of: 3) == 1 && index.index(of: -0.0) == 0)
    }
}

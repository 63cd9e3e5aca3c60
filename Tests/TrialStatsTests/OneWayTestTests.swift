import Testing
import TrialStats

private struct OneWayCase: Decodable, CustomTestStringConvertible {
    let groups: [[Double]]
    let equalVariances: Bool
    let statistic: Double
    let df1: Double
    let df2: Double
    let p: Double
    var testDescription: String { "oneway.test(\(groups.map(\.count)) values, var.equal = \(equalVariances))" }
}

private let cases: [OneWayCase] = (try? loadFixture("oneway")) ?? []

@Test func oneWayFixtureIsLoaded() {
    #expect(cases.count >= 14)
}

@Test(arguments: cases)
private func oneWayTestAgreesWithRTo1e10(_ item: OneWayCase) throws {
    let result = try item.equalVariances ? OneWayTest.anova(item.groups) : OneWayTest.welch(item.groups)
    #expect(result.method == (item.equalVariances ? .anova : .welch))
    expectClose(result.statistic, item.statistic, relative: 1e-10, "\(item.testDescription) F")
    expectClose(result.numeratorDegreesOfFreedom, item.df1, relative: 1e-12, "\(item.testDescription) df1")
    expectClose(result.denominatorDegreesOfFreedom, item.df2, relative: 1e-10, "\(item.testDescription) df2")
    expectClose(result.pValue, item.p, relative: 1e-10, "\(item.testDescription) p-value")
}

@Test func oneWayTwoGroupAnovaIsTheSquaredStudentT() throws {
    let x = [5.1, 4.8, 6.0, 5.5, 5.9], y = [4.2, 4.9, 4.4, 5.0]
    let anova = try OneWayTest.anova([x, y])
    let student = try TTest.student(x, y)
    expectClose(anova.statistic, student.statistic * student.statistic, relative: 1e-12, "F = t²")
    expectClose(anova.pValue, student.pValue, relative: 1e-10, "p-values")
    #expect(anova.groupMeans == student.groupMeans)
}

@Test func oneWayTwoGroupWelchIsTheSquaredWelchT() throws {
    let x = [5.1, 4.8, 6.0, 5.5, 5.9, 7.2], y = [4.2, 4.9, 4.4, 5.0]
    let oneWay = try OneWayTest.welch([x, y])
    let welch = try TTest.welch(x, y)
    expectClose(oneWay.statistic, welch.statistic * welch.statistic, relative: 1e-12, "F = t²")
    expectClose(oneWay.denominatorDegreesOfFreedom, welch.degreesOfFreedom, relative: 1e-12, "df")
    expectClose(oneWay.pValue, welch.pValue, relative: 1e-10, "p-values")
}

@Test func oneWayTestsRefuseAGroupOfFewerThanTwo() {
    #expect(throws: StatisticsError.notEnoughObservations(sample: "group 2", minimum: 2, actual: 1)) {
        try OneWayTest.anova([[1, 2], [3], [4, 5]])
    }
    #expect(throws: StatisticsError.notEnoughObservations(sample: "group 3", minimum: 2, actual: 0)) {
        try OneWayTest.welch([[1, 2], [3, 4], []])
    }
}

@Test func oneWayTestsRefuseConstantData() {
    #expect(throws: StatisticsError.essentiallyConstant(sample: "all groups")) {
        try OneWayTest.anova([[2, 2], [3, 3, 3], [4, 4]])
    }
    #expect(throws: StatisticsError.essentiallyConstant(sample: "group 2")) {
        try OneWayTest.welch([[1, 2], [3, 3, 3], [4, 6]])
    }
}

import Foundation
import Testing
import TrialData
import TrialSimulation

/// The bytes of every file a design writes, by file name.
private func files(of design: StudySimulation.Design) throws -> [String: Data] {
    try withSimulatedStudy(design) { directory, _ in
        try Dictionary(uniqueKeysWithValues: StudySimulation(design).fileNames.map {
            ($0, try Data(contentsOf: directory.appendingPathComponent($0)))
        })
    }
}

@Test func aSeedAlwaysGivesTheSameBytes() throws {
    let design = StudySimulation.Design.random(participants: 20_000, seed: 42)
    #expect(try files(of: design) == files(of: design))
}

@Test func differentSeedsGiveDifferentStudies() throws {
    let first = try files(of: .random(participants: 500, seed: 1))
    let second = try files(of: .random(participants: 500, seed: 2))
    for name in ["adsl.csv", "adlb.csv", "adae.csv"] {
        #expect(first[name] != second[name], "\(name)")
    }
}

@Test func aParticipantDoesNotDependOnTheStudySize() throws {
    // Participants come from their own streams, so a larger study extends a smaller one.
    let small = try files(of: .random(participants: 100, seed: 9))
    let large = try files(of: .random(participants: 999, seed: 9))
    let smallRows = String(decoding: small["adlb.csv"]!, as: UTF8.self)
    #expect(String(decoding: large["adlb.csv"]!, as: UTF8.self).hasPrefix(smallRows))
}

@Test func writingIntoAFileFailsAsCannotWrite() throws {
    let directory = try makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let blocker = directory.appendingPathComponent("not-a-folder")
    try Data("x".utf8).write(to: blocker)
    do {
        _ = try StudySimulation(.random(participants: 3, seed: 1)).write(to: blocker.appendingPathComponent("study"))
        Issue.record("expected a failure")
    } catch {
        #expect(error.kind == .cannotWrite)
    }
}

@Test func aFailedRunLeavesTheFolderAsItWas() throws {
    let directory = try makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    try Data("old".utf8).write(to: directory.appendingPathComponent("adsl.csv"))
    // adii.csv is a folder, which a file cannot replace.
    try FileManager.default.createDirectory(at: directory.appendingPathComponent("adii.csv"), withIntermediateDirectories: true)
    #expect(throws: TrialReportError.self) {
        try StudySimulation(.random(participants: 3, seed: 1)).write(to: directory)
    }
    #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted() == ["adii.csv", "adsl.csv"])
    #expect(try Data(contentsOf: directory.appendingPathComponent("adsl.csv")) == Data("old".utf8))
}

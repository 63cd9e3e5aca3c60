import Foundation

/// A number from an R fixture: JSON numbers, or the strings "Inf"/"-Inf" that
/// common.R writes for infinities.
struct RNumber: Decodable {
    let value: Double

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let number = try? container.decode(Double.self) {
            value = number
            return
        }
        switch try container.decode(String.self) {
        case "Inf": value = .infinity
        case "-Inf": value = -.infinity
        case let other:
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not a number: \(other)")
        }
    }
}

/// The cases of `Fixtures/<name>.json`, written by `Fixtures/<name>.R`.
func loadFixture<Case: Decodable>(_ name: String, as _: Case.Type = Case.self) throws -> [Case] {
    guard let url = Bundle.module.url(forResource: name, withExtension: "json", subdirectory: "Fixtures") else {
        throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: "Fixtures/\(name).json"])
    }
    return try JSONDecoder().decode(FixtureFile<[Case]>.self, from: Data(contentsOf: url)).cases
}

/// The `cases` object of `Fixtures/<name>.json` when a script writes named lists of cases.
func loadFixtureObject<Cases: Decodable>(_ name: String, as _: Cases.Type = Cases.self) throws -> Cases {
    guard let url = Bundle.module.url(forResource: name, withExtension: "json", subdirectory: "Fixtures") else {
        throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: "Fixtures/\(name).json"])
    }
    return try JSONDecoder().decode(FixtureFile<Cases>.self, from: Data(contentsOf: url)).cases
}

/// The layout every fixture script writes: `{"generator", "r", "cases": [...]}`.
private struct FixtureFile<Cases: Decodable>: Decodable {
    let cases: Cases
}

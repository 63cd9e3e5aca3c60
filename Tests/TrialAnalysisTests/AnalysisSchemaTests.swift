import Foundation
import Testing
import TrialAnalysis

/// The results computed from real study folders validate against schema/results.schema.json.
@Suite struct AnalysisSchemaTests {
    @Test(arguments: AnalysisFixtures.Plan.allCases)
    func fixtureStudyResultsValidate(plan: AnalysisFixtures.Plan) throws {
        let document = try SchemaTests.document(AnalysisFixtures.results(plan))
        #expect(try SchemaTests.validator().violations(of: document) == [])
    }

    @Test func exampleStudyResultsValidate() throws {
        let document = try SchemaTests.document(ExampleStudy.results())
        #expect(try SchemaTests.validator().violations(of: document) == [])
    }
}

import TrialData
import TrialStats

/// The course of a modelled endpoint over the visits: at every visit of its parameter, the mean of
/// the value it models (value, change or percent change) with a 95% CI, per arm, among the
/// participants of its set with a value there, each participant's record chosen as for the model.
struct ModelEndpointCourse {
    /// Where the endpoint's records are read.
    let records: EndpointRecordSource

    /// The means of `endpoint` at each visit, ascending, for the participants `members[i]` of each of
    /// the endpoint's `arms`.
    /// - Complexity: one pass over the *r* records of the dataset, O(*v* · *r*) at most for *v* visits.
    func byVisit(_ endpoint: ModelEndpoint, arms: [String], members: [[Int32]]) -> [ModelEndpointVisit] {
        records.recordsByVisit(of: endpoint).map { visit, records in
            ModelEndpointVisit(visit: visit.number, visitLabel: visit.label, byArm: arms.indices.map { arm in
                VisitMean(arm: arms[arm], values: members[arm].map { records.response(of: Int($0)) }.filter { !$0.isNaN })
            })
        }
    }
}

extension VisitMean {
    /// The mean of `values` (none missing) with its t-based 95% CI.
    init(arm: String, values: [Double]) {
        let moments = Moments(values)
        let halfWidth = moments.standardError.flatMap { standardError in
            (try? StudentT(degreesOfFreedom: Double(values.count - 1))).map { $0.quantile(0.975) * standardError }
        }
        self.init(arm: arm, n: values.count, mean: moments.mean, sd: moments.standardDeviation,
                  ciLower: moments.mean.flatMap { mean in halfWidth.map { mean - $0 } },
                  ciUpper: moments.mean.flatMap { mean in halfWidth.map { mean + $0 } })
    }
}

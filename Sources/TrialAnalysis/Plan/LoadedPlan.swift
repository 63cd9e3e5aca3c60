/// An analysis plan together with where each of its values was written.
public struct LoadedPlan: Sendable, Hashable {
    /// The plan as used.
    public var plan: AnalysisPlan
    /// Where each value of `plan` was written; see `PlanLocations`.
    public var locations: PlanLocations

    /// A plan with its locations.
    public init(plan: AnalysisPlan, locations: PlanLocations) {
        self.plan = plan
        self.locations = locations
    }

    /// The built-in plan (the seed study's), used when there is no `study.yaml`.
    public static let builtIn = LoadedPlan(plan: AnalysisPlan(), locations: PlanLocations(file: PlanLocations.builtInFile))
}

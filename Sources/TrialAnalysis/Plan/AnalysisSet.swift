/// An analysis set (population) defined by a subject-level flag, e.g. the safety set by `SAFFL`.
public struct AnalysisSet: Sendable, Hashable {
    /// The set's name in the report, e.g. `Safety`.
    public var name: String
    /// The subject-level flag (`Y` = in the set), e.g. `SAFFL`.
    public var flag: String
    /// Whether participants count in the arm they actually received (the actual-treatment
    /// variable) rather than the arm they were assigned to.
    public var byActualTreatment: Bool

    /// A set.
    public init(name: String, flag: String, byActualTreatment: Bool = false) {
        self.name = name
        self.flag = flag
        self.byActualTreatment = byActualTreatment
    }
}

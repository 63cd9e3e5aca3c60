/// Complete or quasi-complete separation: a linear combination of the covariates that
/// orders every event above (or level with) every non-event, so that the maximum
/// likelihood estimate does not exist (Albert & Anderson 1984, *Biometrika* 71, 1–10).
public struct Separation: Sendable, Equatable {
    /// How the classes are separated.
    public enum Kind: String, Sendable, Equatable {
        /// A direction d with dᵀxᵢ > 0 for every event and < 0 for every non-event:
        /// the likelihood tends to 1 (deviance 0) along d.
        case complete
        /// dᵀxᵢ ≥ 0 for events and ≤ 0 for non-events, with equality for some rows.
        case quasiComplete
    }

    /// Complete or quasi-complete.
    public let kind: Kind
    /// The covariates (not the intercept) with a material weight in the separating direction.
    public let covariates: [String]
    /// The separating direction d, one entry per term (intercept first): a certificate
    /// that anyone can check on the data.
    public let direction: [Double]
}

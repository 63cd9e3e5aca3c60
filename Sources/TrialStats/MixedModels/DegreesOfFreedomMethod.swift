/// How a repeated-measures model's tests and intervals on the fixed effects are made.
public enum DegreesOfFreedomMethod: String, Sendable, Codable, CaseIterable {
    /// Satterthwaite's degrees of freedom with the model-based Cov(β̂) and the observed REML
    /// information (emmeans' and the `mmrm` package's `satterthwaite`).
    case satterthwaite
    /// Kenward and Roger's adjusted Cov(β̂) and degrees of freedom (SAS `DDFM=KR`; pbkrtest), see ``KenwardRoger``.
    case kenwardRoger

    /// How the method is written in sentences: "Satterthwaite", "Kenward–Roger".
    public var name: String {
        switch self {
        case .satterthwaite: "Satterthwaite"
        case .kenwardRoger: "Kenward–Roger"
        }
    }
}

import RealModule

extension LogisticModel {
    /// Search steps beyond which a confidence limit is taken as infinite: the walk has gone
    /// more than 2⁴⁰ standard errors from the estimate.
    static let profileMaximumDistance = 0x1p40
    /// The walk's first step, in standard errors, and its growth from step to step.
    static let profileFirstStep = 0.5
    static let profileStepGrowth = 1.5
    /// Halvings of a walk step whose constrained fit fails before the limit is given up.
    static let profileStepRetreats = 10
    /// A root whose deficit is farther than this from 0 is a jump of the profile, not a root.
    static let profileRootTolerance = 1e-6

    /// Profile penalized likelihood inference for term `j` (Heinze & Schemper 2002, §2.2, as
    /// `logistf`'s defaults `pl = TRUE`), the profile followed along its path
    /// (``FirthProfilePath``):
    /// - each confidence limit is the b with 2·(l*(β̂) − l*ⱼ(b)) = χ²₁(level). The walk leaves
    ///   β̂ⱼ in steps of ½ SE growing by 1.5, each fit started from the previous one, until the
    ///   deficit turns positive (a step whose fit fails is halved, up to 10 times); Brent's method then solves between the walk's last two points
    ///   to 1e−12 relative. The root is kept only when its deficit is within 1e−6 of 0 (else
    ///   the profile jumps) and the deficits visited in the bracket cross 0 once (none below
    ///   −1e−6 outwards of one above 1e−6; they may fall where the path moves to a higher branch,
    ///   ``FirthProfilePath``); else it is NaN with a ``FirthProfileProblem``. A walk beyond
    ///   2⁴⁰ SE makes the limit ±∞.
    /// - the test statistic is 2·(l*(β̂) − l*ⱼ(0)), the path walked to 0 from its nearest
    ///   visited point, referred to χ²(1): p = P(χ²₁ > x) = 2·(1 − Φ(√x)).
    func profileTerm(
        _ j: Int, maximum: PenalizedPoint, covariance: SymmetricMatrix, confidenceLevel: Double
    ) -> (term: LogisticTerm, problems: [FirthProfileProblem], highest: PenalizedPoint) {
        let standardError = covariance[j, j].squareRoot()
        let criticalRoot = Normal.quantile(1 - (1 - confidenceLevel) / 2)
        let critical = criticalRoot * criticalRoot
        var path = FirthProfilePath(
            model: self, term: j, maximum: maximum,
            standardErrors: termNames.indices.map { covariance[$0, $0].squareRoot() })
        var problems: [FirthProfileProblem] = []
        /// `search`'s value, or NaN with a problem when it fails.
        func established(_ quantity: FirthProfileProblem.Quantity, _ search: () throws(FirthProfileFailure) -> Double) -> Double {
            do {
                return try search()
            } catch {
                problems.append(FirthProfileProblem(term: termNames[j], quantity: quantity, reason: error.reason))
                return .nan
            }
        }
        let lower = established(.lowerLimit) { () throws(FirthProfileFailure) in
            try profileLimit(&path, direction: -1, standardError: standardError, critical: critical)
        }
        let upper = established(.upperLimit) { () throws(FirthProfileFailure) in
            try profileLimit(&path, direction: 1, standardError: standardError, critical: critical)
        }
        let statistic = established(.likelihoodRatioTest) { () throws(FirthProfileFailure) in
            try walk(&path, to: 0, standardError: standardError)
            return max(0, try path.deficit(at: 0, critical: 0))
        }
        let term = LogisticTerm(
            name: termNames[j], estimate: path.estimate, standardError: standardError,
            statistic: statistic, pValue: 2 * Normal.survival(statistic.squareRoot()),
            ciLower: lower, ciUpper: upper)
        return (term, problems, path.highest)
    }

    /// One confidence limit of the profile on the side `direction` (−1 lower, +1 upper).
    private func profileLimit(
        _ path: inout FirthProfilePath, direction: Double, standardError: Double, critical: Double
    ) throws(FirthProfileFailure) -> Double {
        let estimate = path.estimate
        var inside = estimate
        var step = Self.profileFirstStep * standardError
        var (outside, outsideDeficit) = try walkStep(&path, from: inside, by: direction * step, critical: critical)
        while outsideDeficit <= 0 {
            step = abs(outside - inside) * Self.profileStepGrowth
            inside = outside
            guard abs(inside + direction * step - estimate) <= Self.profileMaximumDistance * standardError else {
                return direction * .infinity
            }
            (outside, outsideDeficit) = try walkStep(&path, from: inside, by: direction * step, critical: critical)
        }
        let insideDeficit = inside == estimate ? -critical : try path.deficit(at: inside, critical: critical)
        let root = try BrentRoot.zeroin(
            { (b: Double) throws(FirthProfileFailure) -> Double in try path.deficit(at: b, critical: critical) },
            lower: inside, upper: outside, valueAtLower: insideDeficit, valueAtUpper: outsideDeficit,
            tolerance: 1e-12 * max(1, abs(estimate)))
        guard abs(try path.deficit(at: root, critical: critical)) <= Self.profileRootTolerance else {
            throw FirthProfileFailure(reason: .discontinuous(from: inside, to: outside))
        }
        let deficits = path.visitedDeficits(from: inside, to: outside, critical: critical).map(\.deficit)
        let firstOutside = deficits.firstIndex { $0 > Self.profileRootTolerance } ?? deficits.endIndex
        guard deficits[firstOutside...].allSatisfy({ $0 >= -Self.profileRootTolerance }) else {
            throw FirthProfileFailure(reason: .crossesMoreThanOnce(from: inside, to: outside))
        }
        return root
    }

    /// The walk's next point, `inside + step`, and its deficit; when the constrained fit there
    /// fails, the step is halved (up to ``profileStepRetreats`` times), since the fits fail first
    /// far out, where the profile may already have crossed the limit.
    private func walkStep(
        _ path: inout FirthProfilePath, from inside: Double, by step: Double, critical: Double
    ) throws(FirthProfileFailure) -> (b: Double, deficit: Double) {
        var step = step
        var retreats = 0
        while true {
            do {
                return (inside + step, try path.deficit(at: inside + step, critical: critical))
            } catch {
                guard case .constrainedFitFailed = error.reason, retreats < Self.profileStepRetreats else { throw error }
                step /= 2
                retreats += 1
            }
        }
    }

    /// Visits the profile from its visited point nearest `target` on the estimate's side towards
    /// `target`, in steps of ½ SE growing by 1.5, so that the fit at `target` starts next to the path.
    private func walk(_ path: inout FirthProfilePath, to target: Double, standardError: Double) throws(FirthProfileFailure) {
        var b = path.nearestOnTheWay(to: target).coefficients[path.term]
        var step = Self.profileFirstStep * standardError
        while abs(target - b) > step {
            b += (target > b ? step : -step)
            _ = try path.value(at: b)
            step *= Self.profileStepGrowth
        }
    }
}

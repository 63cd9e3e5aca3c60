/// The profile of one coefficient's penalized likelihood, l*ⱼ(b) = max l* with βⱼ = b, followed
/// along its path outwards from the estimate.
///
/// Firth's constrained likelihood can have several local maxima on small data, and a fit
/// started far away lands on any of them. So the fit at b starts from the converged fit at the
/// nearest b' already visited between the estimate and b, and is kept only when reaching b in
/// two half steps gives the same l* (to ``continuityTolerance``) and the fit at the midpoint
/// lies near the middle of the two ends (``isBetween(_:_:_:)``); otherwise each half is
/// followed the same way, down to 2⁻¹² of the step.
struct FirthProfilePath {
    let model: LogisticModel
    /// The coefficient profiled.
    let term: Int
    /// The unconstrained maximum, the path's first point.
    let maximum: PenalizedPoint
    /// The standard errors of the coefficients at the estimate, the scale of ``isBetween(_:_:_:)``.
    let standardErrors: [Double]
    /// The converged constrained fits so far, with `maximum` first.
    private(set) var visited: [PenalizedPoint]

    init(model: LogisticModel, term: Int, maximum: PenalizedPoint, standardErrors: [Double]) {
        self.model = model
        self.standardErrors = standardErrors
        self.term = term
        self.maximum = maximum
        visited = [maximum]
    }

    /// The visited fit with the highest l*: above `maximum` only when that is not the highest
    /// maximum of l*.
    var highest: PenalizedPoint { visited.max { $0.value < $1.value } ?? maximum }

    /// The estimate β̂ⱼ.
    var estimate: Double { maximum.coefficients[term] }

    /// Two ways of reaching a point that differ by more than this in l* are on different branches.
    static let continuityTolerance = 1e-9
    /// How far, in standard errors, converged fits of the same point may differ (a flat
    /// direction stops the iteration by its gain before its step is small).
    static let coefficientNoise = 1e-3
    /// Halvings of a step whose two ways disagree before the profile is called discontinuous.
    static let maximumStepHalvings = 12

    /// l*ⱼ(b), reached along the path from the visited point nearest b on the estimate's side.
    /// - Throws: ``FirthProfileFailure`` when a fit converges neither from the path nor from
    ///   the estimate, or when the path has no continuous way to b.
    mutating func value(at b: Double) throws(FirthProfileFailure) -> Double {
        try follow(from: nearestOnTheWay(to: b), to: b, halvings: 0).value
    }

    /// The visited point nearest b among those between the estimate and b (the estimate itself
    /// when there is none).
    func nearestOnTheWay(to b: Double) -> PenalizedPoint {
        let onTheWay = visited.filter { point in
            let offset = point.coefficients[term] - estimate
            return offset * (b - estimate) >= 0 && abs(offset) <= abs(b - estimate)
        }
        return onTheWay.min { abs($0.coefficients[term] - b) < abs($1.coefficients[term] - b) } ?? maximum
    }

    /// The fit at `b` reached from `origin`, checked against the fit reached through the midpoint.
    private mutating func follow(from origin: PenalizedPoint, to b: Double, halvings: Int) throws(FirthProfileFailure) -> PenalizedPoint {
        let direct = try fit(at: b, from: origin)
        let middle = try fit(at: (origin.coefficients[term] + b) / 2, from: origin)
        let throughMiddle = try fit(at: b, from: middle)
        let tolerance = Self.continuityTolerance * max(1, abs(direct.value))
        if abs(direct.value - throughMiddle.value) <= tolerance, isBetween(middle, origin, direct) {
            visited.append(middle)
            visited.append(direct)
            return direct
        }
        guard halvings < Self.maximumStepHalvings else {
            return try continuation(from: origin, to: b, reached: direct)
        }
        let reached = try follow(from: origin, to: middle.coefficients[term], halvings: halvings + 1)
        return try follow(from: reached, to: b, halvings: halvings + 1)
    }

    /// The fit at `b`, a step of 2⁻¹² of the first away from `origin`, where the two ways still
    /// disagree: the branch followed ends (a fold), so the path continues on the branch the fit
    /// ascends to. It is kept when its l* is at least that of its start, the origin's fit with βⱼ
    /// moved to b: then it is a point of the profile at least as high as the continuation of the
    /// branch followed, never a lower local maximum (the limit reported 3.44e−8 in issue 13).
    private mutating func continuation(from origin: PenalizedPoint, to b: Double, reached: PenalizedPoint) throws(FirthProfileFailure) -> PenalizedPoint {
        var start = origin.coefficients
        start[term] = b
        guard let startValue = model.penalizedPoint(start)?.value, reached.value >= startValue else {
            throw FirthProfileFailure(reason: .discontinuous(from: origin.coefficients[term], to: b))
        }
        visited.append(reached)
        return reached
    }

    /// Whether `middle` lies within a quarter of the chord (plus ``coefficientNoise``) from the
    /// midpoint of `start` and `end`, all coefficients measured in standard errors: true on a
    /// smooth path for short enough steps, false when one of the three fits is on another branch.
    private func isBetween(_ middle: PenalizedPoint, _ start: PenalizedPoint, _ end: PenalizedPoint) -> Bool {
        var deviation = 0.0, chord = 0.0
        for k in standardErrors.indices {
            let (a, b, m) = (start.coefficients[k], end.coefficients[k], middle.coefficients[k])
            deviation += ((m - (a + b) / 2) / standardErrors[k]) * ((m - (a + b) / 2) / standardErrors[k])
            chord += ((b - a) / standardErrors[k]) * ((b - a) / standardErrors[k])
        }
        return deviation <= chord / 16 + Self.coefficientNoise * Self.coefficientNoise
    }

    /// The constrained fit at b started from `origin` with βⱼ set to b, or from the estimate when
    /// that fails (singular information, no convergence).
    private func fit(at b: Double, from origin: PenalizedPoint) throws(FirthProfileFailure) -> PenalizedPoint {
        for start in [origin, maximum] {
            var coefficients = start.coefficients
            coefficients[term] = b
            if let point = try? model.maximizePenalizedLikelihood(from: coefficients, fixing: term) { return point }
        }
        throw FirthProfileFailure(reason: .constrainedFitFailed(at: b))
    }

    /// 2·(l*(β̂) − l*ⱼ(b)) − `critical`: negative inside the interval, positive outside.
    mutating func deficit(at b: Double, critical: Double) throws(FirthProfileFailure) -> Double {
        2 * (maximum.value - (try value(at: b))) - critical
    }

    /// The visited values of βⱼ between `a` and `b` (inclusive), ordered from `a` to `b`, with
    /// their deficits.
    func visitedDeficits(from a: Double, to b: Double, critical: Double) -> [(b: Double, deficit: Double)] {
        let (low, high) = (min(a, b), max(a, b))
        let points = visited.map { (b: $0.coefficients[term], deficit: 2 * (maximum.value - $0.value) - critical) }
            .filter { $0.b >= low && $0.b <= high }
            .sorted { $0.b < $1.b }
        return a <= b ? points : points.reversed()
    }
}

/// Why a profile quantity could not be established.
struct FirthProfileFailure: Error {
    let reason: FirthProfileProblem.Reason
}

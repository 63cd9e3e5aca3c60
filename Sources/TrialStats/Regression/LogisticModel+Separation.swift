extension LogisticModel {
    /// The relative tolerance within which dᵀxᵢ counts as 0 when checking a separating direction.
    static let separationTolerance = 1e-6

    /// Looks for complete or quasi-complete separation.
    ///
    /// Rule: a candidate direction d (one weight per term) is accepted when
    /// sᵢ = (2yᵢ − 1)·dᵀxᵢ ≥ −tol·Σⱼ|dⱼxᵢⱼ| on every row and sᵢ > tol·Σⱼ|dⱼxᵢⱼ| on at least
    /// one (complete when on every row), with tol = ``separationTolerance``. Such a d is a
    /// certificate: along it the log-likelihood increases without bound (Albert & Anderson
    /// 1984). Candidates, in order: each covariate alone with the intercept (separating
    /// when the largest value of one class is at most the smallest of the other), then
    /// `divergence`, the last IRLS step; a complete separation is preferred to a quasi-complete one.
    /// - Returns: the first certified separation, naming the covariates whose weight
    ///   |dⱼ|·range(xⱼ) is at least 1e−3 of the largest; nil when none is found.
    /// - Complexity: O(n·p) per candidate.
    func detectSeparation(divergence: [Double]) -> Separation? {
        let candidates = (1..<termNames.count).compactMap(singleCovariateDirection) + [divergence]
        let certified = candidates.lazy.filter { $0.contains { $0 != 0 } }.compactMap { direction in
            self.separationKind(along: direction).map {
                Separation(kind: $0, covariates: self.covariatesWeighted(in: direction), direction: direction)
            }
        }
        return certified.first { $0.kind == .complete } ?? certified.first
    }

    /// d = xⱼ − t (or t − xⱼ) with t halfway between the classes, when covariate j alone separates.
    private func singleCovariateDirection(_ j: Int) -> [Double]? {
        var eventLow = Double.infinity, eventHigh = -Double.infinity
        var nonEventLow = Double.infinity, nonEventHigh = -Double.infinity
        design.storage.withUnsafeBufferPointer { storage in
            response.withUnsafeBufferPointer { y in
                let x = storage.baseAddress! + j * observationCount
                for i in 0..<observationCount {
                    if y[i] == 1 {
                        eventLow = min(eventLow, x[i])
                        eventHigh = max(eventHigh, x[i])
                    } else {
                        nonEventLow = min(nonEventLow, x[i])
                        nonEventHigh = max(nonEventHigh, x[i])
                    }
                }
            }
        }
        let eventRange = (low: eventLow, high: eventHigh)
        let nonEventRange = (low: nonEventLow, high: nonEventHigh)
        var direction = [Double](repeating: 0, count: termNames.count)
        if nonEventRange.high <= eventRange.low {
            direction[0] = -(nonEventRange.high + eventRange.low) / 2
            direction[j] = 1
        } else if eventRange.high <= nonEventRange.low {
            direction[0] = (eventRange.high + nonEventRange.low) / 2
            direction[j] = -1
        } else {
            return nil
        }
        return direction
    }

    /// Whether `direction` separates the classes, and how.
    private func separationKind(along direction: [Double]) -> Separation.Kind? {
        let projection = design.times(direction)
        let scale = design.times(direction, absolute: true)
        var strictlyOrdered = 0
        for i in response.indices {
            let signed = response[i] == 1 ? projection[i] : -projection[i]
            let tolerance = Self.separationTolerance * scale[i]
            if signed < -tolerance { return nil }
            if signed > tolerance { strictlyOrdered += 1 }
        }
        if strictlyOrdered == 0 { return nil }
        return strictlyOrdered == response.count ? .complete : .quasiComplete
    }

    /// The covariates whose weight |dⱼ|·range(xⱼ) is at least 1e−3 of the largest.
    private func covariatesWeighted(in direction: [Double]) -> [String] {
        let weights = (1..<termNames.count).map { j in
            let column = design.column(j)
            return abs(direction[j]) * ((column.max() ?? 0) - (column.min() ?? 0))
        }
        let largest = weights.max() ?? 0
        return zip(termNames.dropFirst(), weights).filter { $0.1 > 0 && $0.1 >= 1e-3 * largest }.map(\.0)
    }
}

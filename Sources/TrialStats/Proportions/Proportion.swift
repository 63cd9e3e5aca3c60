/// Confidence intervals for a binomial proportion and for the difference of two.
public enum Proportion {
    /// Throws unless 0 ≤ successes ≤ trials and trials ≥ 1.
    static func checkCounts(successes: Int, trials: Int) throws(StatisticsError) {
        guard trials >= 1 else { throw .notEnoughObservations(sample: "trials", minimum: 1, actual: trials) }
        guard successes >= 0, successes <= trials else {
            throw .invalidCount("\(successes) successes in \(trials) trials")
        }
    }
}

import Yams

/// Reads `endpoints`: the endpoints analysed by a linear model, each
/// `{name, parameter, visit, measure, set, records, observedOnly, covariates, weights, arms, responder, logOffset}`, or
/// by an MMRM (`model: mmrm`, `visits` in place of `visit`, `covariance`, `df`).
enum PlanEndpointDecoder {
    /// The endpoints written at `path`; `nil` when the list itself is wrong (reported).
    static func endpoints(from node: Node, at path: String, with reader: inout PlanNodeReader) -> [ModelEndpoint]? {
        guard reader.isWithin(.endpoints, node, at: path),
              let endpoints = reader.list(node, at: path, element: { endpoint(from: $1, at: $2, with: &$0) }) else { return nil }
        var names: Set<String> = []
        for (index, endpoint) in endpoints.enumerated() where !names.insert(endpoint.name).inserted {
            reader.report("endpoint '\(endpoint.name)' is defined twice",
                          atPath: PlanPath.child(PlanPath.element(path, index), EndpointKey.name.rawValue))
        }
        return endpoints
    }

    private static func endpoint(from node: Node, at path: String, with reader: inout PlanNodeReader) -> ModelEndpoint? {
        let entries = reader.entries(of: node, at: path, keys: EndpointKey.self)
        guard node.mapping != nil else { return nil }
        let child = { (key: EndpointKey) in PlanPath.child(path, key.rawValue) }
        let model: ModelEndpoint.Model? = entries[.model].map { reader.choice($0, at: child(.model)) } ?? .ancova
        let visitKey = model == .mmrm ? EndpointKey.visits : .visit
        for required in [EndpointKey.parameter, visitKey] where entries[required] == nil {
            reader.report("missing key '\(required.rawValue)'", at: node, path: path)
        }
        for key in model == .mmrm ? [EndpointKey.visit, .arms, .observedOnly] : [.visits, .covariance, .df] where entries[key] != nil {
            reader.report("'\(key.rawValue)' applies to 'model: \(model == .mmrm ? "ancova" : "mmrm")' only", at: entries[key]!, path: child(key))
        }
        func text(_ key: EndpointKey) -> String? { entries[key].flatMap { reader.text($0, at: child(key)) } }
        let parameter = text(.parameter)
        let visit = entries[.visit].flatMap { reader.number($0, at: child(.visit), allowNegative: true) }
        var endpoint = ModelEndpoint(name: "", parameter: parameter ?? "", visit: visit ?? 0, model: model ?? .ancova)
        if model == .mmrm, !repeatedMeasures(entries, into: &endpoint, at: path, with: &reader) { return nil }
        endpoint.measure = entries[.measure].flatMap { reader.choice($0, at: child(.measure)) } ?? endpoint.measure
        endpoint.weights = entries[.weights].flatMap { reader.choice($0, at: child(.weights)) } ?? endpoint.weights
        endpoint.set = text(.set)
        endpoint.recordFlag = text(.records)
        endpoint.observedOnly = entries[.observedOnly].flatMap { reader.boolean($0, at: child(.observedOnly)) } ?? endpoint.observedOnly
        if let node = entries[.covariates] {
            guard reader.isWithin(.covariates, node, at: child(.covariates)) else { return nil }
            endpoint.covariates = reader.uniqueList(node, at: child(.covariates), describe: { "covariate '\($0)'" }) {
                $0.text($1, at: $2)
            } ?? endpoint.covariates
        }
        if let node = entries[.responder] {
            endpoint.responder = responderRule(from: node, at: child(.responder), with: &reader)
        }
        if let node = entries[.arms] {
            endpoint.arms = reader.uniqueList(node, at: child(.arms), describe: { "arm '\($0)'" }) { $0.text($1, at: $2) }
        }
        if let node = entries[.logOffset] {
            endpoint.logOffset = logOffset(node, of: endpoint, hasResponder: entries[.responder] != nil, at: child(.logOffset), with: &reader)
        }
        guard let parameter, let model, model == .mmrm || visit != nil else { return nil }
        let when = model == .mmrm ? "over visits \(PlanNumber.list(endpoint.visits))" : "at visit \(PlanNumber.text(endpoint.visit))"
        endpoint.name = text(.name) ?? "\(parameter) \(endpoint.measure.words) \(when)"
        return endpoint
    }

    /// The offset *c* of an analysis of log(value + *c*): a number, not negative, on an endpoint that
    /// models the value (not the change, the percent change or responders); `nil` when wrong (reported).
    private static func logOffset(_ node: Node, of endpoint: ModelEndpoint, hasResponder: Bool, at path: String,
                                  with reader: inout PlanNodeReader) -> Double? {
        guard let offset = reader.number(node, at: path, allowNegative: false) else { return nil }
        if hasResponder {
            reader.report("'logOffset' applies to a modelled endpoint, not to a responder endpoint", at: node, path: path)
            return nil
        }
        guard endpoint.measure == .value else {
            reader.report("'logOffset' applies to 'measure: value' only (log(value + c)), not to the \(endpoint.measure.words)",
                          at: node, path: path)
            return nil
        }
        return offset
    }

    /// `{threshold, better, missing}`; `nil` when wrong (reported).
    private static func responderRule(from node: Node, at path: String, with reader: inout PlanNodeReader) -> ResponderRule? {
        let entries = reader.entries(of: node, at: path, keys: ResponderKey.self)
        guard node.mapping != nil else { return nil }
        let child = { (key: ResponderKey) in PlanPath.child(path, key.rawValue) }
        guard let thresholdNode = entries[.threshold] else {
            reader.report("missing key '\(ResponderKey.threshold.rawValue)'", at: node, path: path)
            return nil
        }
        guard let threshold = reader.number(thresholdNode, at: child(.threshold), allowNegative: true) else { return nil }
        var rule = ResponderRule(threshold: threshold)
        rule.better = entries[.better].flatMap { reader.choice($0, at: child(.better)) } ?? rule.better
        rule.missing = entries[.missing].flatMap { reader.choice($0, at: child(.missing)) } ?? rule.missing
        return rule
    }

    /// Reads an MMRM's `visits` (at least two, distinct), `covariance` (structures, distinct) and `df`;
    /// false when `visits` is missing or wrong (reported).
    private static func repeatedMeasures(
        _ entries: [EndpointKey: Node], into endpoint: inout ModelEndpoint, at path: String, with reader: inout PlanNodeReader
    ) -> Bool {
        let child = { (key: EndpointKey) in PlanPath.child(path, key.rawValue) }
        if let node = entries[.covariance] {
            endpoint.covariance = reader.uniqueList(node, at: child(.covariance), describe: { "structure '\($0.rawValue)'" }) {
                $0.choice($1, at: $2)
            } ?? endpoint.covariance
            if endpoint.covariance.isEmpty { reader.report("list at least one covariance structure", at: node, path: child(.covariance)) }
        }
        if let node = entries[.df] { endpoint.degreesOfFreedom = reader.choice(node, at: child(.df)) ?? endpoint.degreesOfFreedom }
        guard let node = entries[.visits], reader.isWithin(.modelVisits, node, at: child(.visits)),
              let visits = reader.uniqueList(node, at: child(.visits), describe: { "visit \(PlanNumber.text($0))" }, element: {
                  $0.number($1, at: $2, allowNegative: true)
              }) else { return false }
        guard visits.count >= 2 else {
            reader.report("an MMRM needs at least two visits", at: node, path: child(.visits))
            return false
        }
        endpoint.visits = visits
        return true
    }
}

extension ModelEndpoint.Measure {
    /// "value", "change", "percent change".
    var words: String {
        switch self {
        case .value: "value"
        case .change: "change"
        case .percentChange: "percent change"
        }
    }
}

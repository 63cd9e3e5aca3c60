/// The results of an endpoint analysed at one visit (by ANCOVA or as responders): what the
/// report's table of it names in its caption and records as its context.
public protocol EndpointAtVisit {
    /// The endpoint's name in the plan.
    var name: String { get }
    /// The parameter (`PARAMCD`).
    var parameter: String { get }
    /// The parameter's description (`PARAM`), or `""`.
    var parameterLabel: String { get }
    /// The analysis visit (`AVISITN`).
    var visit: Double { get }
    /// The visit's label (`AVISIT`), or `""`.
    var visitLabel: String { get }
    /// The analysis set, or `nil` for all participants.
    var set: String? { get }
}

extension ModelEndpointResult: EndpointAtVisit {}
extension ResponderEndpointResult: EndpointAtVisit {}

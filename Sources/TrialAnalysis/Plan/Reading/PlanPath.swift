/// Key paths naming the values of a plan, as used by `PlanLocations`: `logistic.covariates[1]`.
enum PlanPath {
    /// The path of `key` inside the mapping at `parent` (`""` is the document root).
    static func child(_ parent: String, _ key: String) -> String {
        parent.isEmpty ? key : "\(parent).\(key)"
    }

    /// The path of the `index`th element (0-based) of the list at `parent`.
    static func element(_ parent: String, _ index: Int) -> String {
        "\(parent)[\(index)]"
    }
}

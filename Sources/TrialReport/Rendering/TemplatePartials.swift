import TrialData

/// Checks of the report's templates made before the Mustache library parses and renders them,
/// which it does by recursion without a limit: sections nested too deeply, partials that do not
/// exist (Mustache would render them as nothing), partials named from the data, and partials that
/// include themselves or nest too deeply (either would overflow the stack).
enum TemplatePartials {
    /// The deepest nesting of sections within one template (the bundled templates nest 3).
    static let maximumSectionDepth = 32
    /// The longest chain of templates including each other, the first included (the bundled
    /// templates chain 2: `report.md` → `partials/summary`).
    static let maximumInclusionDepth = 16

    /// A template's partial inclusions: which partial, written where.
    struct Inclusion {
        var partial: String
        var location: SourceLocation
    }

    /// The diagnostic for sections nested deeper than `maximumSectionDepth`, at the first tag
    /// too deep; such a template must not be given to the library's parser.
    static func nestingProblem(in tags: [MustacheTagScanner.Tag], file: String) -> Diagnostic? {
        var depth = 0
        for tag in tags {
            switch tag.kind {
            case .section, .parent: depth += 1
            case .close: depth -= 1
            case .partial, .other: continue
            }
            if depth > maximumSectionDepth {
                return Diagnostic(at: SourceLocation(file: file, line: tag.line, column: tag.column),
                                  "sections nest deeper than \(maximumSectionDepth) levels")
            }
        }
        return nil
    }

    /// The template's inclusions of partials in `known`, and a diagnostic for every partial that is
    /// not in the folder or is named from the data (`{{>*name}}`).
    static func inclusions(in tags: [MustacheTagScanner.Tag], file: String, known: Set<String>)
        -> (inclusions: [Inclusion], problems: [Diagnostic]) {
        var inclusions: [Inclusion] = []
        var problems: [Diagnostic] = []
        for tag in tags where tag.kind == .partial || tag.kind == .parent {
            let location = SourceLocation(file: file, line: tag.line, column: tag.column)
            if tag.isDynamic {
                problems.append(Diagnostic(at: location, "the partial '*\(tag.name)' is named from the data, which is not supported; "
                                           + "name the partial in the template"))
            } else if !known.contains(tag.name) {
                problems.append(Diagnostic(at: location, "no partial named '\(tag.name)' in the templates folder"))
            } else {
                inclusions.append(Inclusion(partial: tag.name, location: location))
            }
        }
        return (inclusions, problems)
    }

    /// A diagnostic for every partial that includes itself (directly or through others), naming
    /// the chain, and for a chain of inclusions longer than `maximumInclusionDepth`.
    ///
    /// - Parameter inclusions: each template's inclusions, by template name.
    /// - Complexity: O(templates + inclusions).
    static func inclusionProblems(_ inclusions: [String: [Inclusion]]) -> [Diagnostic] {
        var search = InclusionSearch(inclusions: inclusions)
        for name in inclusions.keys.sorted() where search.depth[name] == nil {
            guard search.visit(name, chain: [name]) != nil else { break }
        }
        return search.problems
    }
}

/// A depth-first search of the inclusions that stops at `maximumInclusionDepth`, so that it never
/// recurses deeper than that itself.
private struct InclusionSearch {
    let inclusions: [String: [TemplatePartials.Inclusion]]
    /// The longest chain of templates starting at each template visited, itself counted.
    var depth: [String: Int] = [:]
    /// The inclusion continuing each visited template's longest chain.
    private var deepest: [String: TemplatePartials.Inclusion] = [:]
    private var onChain: Set<String> = []
    private(set) var problems: [Diagnostic] = []

    init(inclusions: [String: [TemplatePartials.Inclusion]]) {
        self.inclusions = inclusions
    }

    /// The depth of `name`, last of `chain`; `nil` after reporting a chain too deep (the search stops).
    mutating func visit(_ name: String, chain: [String]) -> Int? {
        onChain.insert(name)
        defer { onChain.remove(name) }
        var longest = 1
        for inclusion in inclusions[name] ?? [] {
            let partial = inclusion.partial
            if onChain.contains(partial) {
                let cycle = chain.drop(while: { $0 != partial }) + [partial]
                problems.append(Diagnostic(at: inclusion.location,
                                           "the partial '\(partial)' includes itself: \(cycle.joined(separator: " → "))"))
                continue
            }
            let below: Int
            if let known = depth[partial] {
                below = known
            } else if chain.count >= TemplatePartials.maximumInclusionDepth {
                reportTooDeep(chain + [partial], at: inclusion.location)
                return nil
            } else {
                guard let found = visit(partial, chain: chain + [partial]) else { return nil }
                below = found
            }
            if chain.count + below > TemplatePartials.maximumInclusionDepth {
                reportTooDeep(chain + continuation(from: partial), at: inclusion.location)
                return nil
            }
            if below + 1 > longest {
                longest = below + 1
                deepest[name] = inclusion
            }
        }
        depth[name] = longest
        return longest
    }

    /// `partial` and the templates of its longest chain.
    private func continuation(from partial: String) -> [String] {
        var chain = [partial]
        while let next = deepest[chain.last!], chain.count <= TemplatePartials.maximumInclusionDepth { chain.append(next.partial) }
        return chain
    }

    private mutating func reportTooDeep(_ chain: [String], at location: SourceLocation) {
        problems.append(Diagnostic(at: location, "partials are included more than \(TemplatePartials.maximumInclusionDepth) deep: "
                                   + chain.joined(separator: " → ")))
    }
}

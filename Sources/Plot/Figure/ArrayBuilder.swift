/// Builds an array declaratively, with `if`, `if`–`else` and `for` allowed: the panels of a
/// figure (`PanelBuilder`), the marks of a panel (`MarkBuilder`), the boxes of a diagram.
@resultBuilder
public enum ArrayBuilder<Element> {
    public static func buildExpression(_ element: Element) -> [Element] { [element] }
    public static func buildExpression(_ elements: [Element]) -> [Element] { elements }
    public static func buildBlock(_ parts: [Element]...) -> [Element] { parts.flatMap { $0 } }
    public static func buildArray(_ parts: [[Element]]) -> [Element] { parts.flatMap { $0 } }
    public static func buildOptional(_ part: [Element]?) -> [Element] { part ?? [] }
    public static func buildEither(first part: [Element]) -> [Element] { part }
    public static func buildEither(second part: [Element]) -> [Element] { part }
}

/// Builds the marks of a panel.
public typealias MarkBuilder = ArrayBuilder<any Mark>
/// Builds the panels of a figure.
public typealias PanelBuilder = ArrayBuilder<Panel>

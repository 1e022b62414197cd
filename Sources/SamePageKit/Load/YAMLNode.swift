/// A YAML value with the place it came from. Unlike Yams' `Node` it is `Sendable`, keeps the
/// position of every mapping key, and holds scalars as the text the user wrote: types are
/// decided by the reader that knows what each field means (so `no` is never silently `false`).
public struct YAMLNode: Sendable {
  public enum Content: Sendable {
    case scalar(String, isPlain: Bool)
    case sequence([YAMLNode])
    case mapping([Entry])
  }

  public struct Entry: Sendable {
    public var key: String
    public var keyLocation: SourceLocation
    public var value: YAMLNode
  }

  public var content: Content
  public var location: SourceLocation

  /// An unquoted empty value, `~` or `null`: YAML's ways of writing "nothing".
  public var isNull: Bool {
    if case .scalar(let text, isPlain: true) = content {
      return ["", "~", "null", "Null", "NULL"].contains(text)
    }
    return false
  }

  /// How a reader names this node's kind in "expected a list, found a mapping".
  public var kindDescription: String {
    switch content {
    case .scalar(let text, _): isNull ? "nothing" : "'\(text.count > 40 ? text.prefix(40) + "…" : text)'"
    case .sequence: "a list"
    case .mapping: "a mapping"
    }
  }
}

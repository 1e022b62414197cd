/// Collects the diagnostics of reading typed values out of YAML nodes, so that one run reports
/// every unknown key, missing field and wrong type in the glossary, not just the first.
final class ReadContext {
  private(set) var diagnostics: [Diagnostic] = []

  func report(_ diagnostic: Diagnostic) { diagnostics.append(diagnostic) }

  func wrongType(_ node: YAMLNode, expected: String, field: String?) {
    let subject = field.map { "'\($0)'" } ?? "value"
    report(
      Diagnostic(
        id: "glossary.wrong-type", severity: .error, location: node.location,
        summary: "\(subject) must be \(expected), found \(node.kindDescription)",
        fix: "write \(expected) here"))
  }

  func outOfRange(_ node: YAMLNode, field: String?, text: String, range: String) {
    let subject = field.map { "'\($0)'" } ?? "value"
    report(
      Diagnostic(
        id: "glossary.out-of-range", severity: .error, location: node.location,
        summary: "\(subject) is \(text), outside the range it allows (\(range))",
        explanation:
          "Every number in a glossary has a range its field allows, so that no rule, document or scoring run ever meets a value it cannot compute with.",
        fix: "use a value from \(range)"))
  }

  func invalidValue(_ node: YAMLNode, _ summary: String, fix: String? = nil, notes: [Diagnostic.Note] = []) {
    report(
      Diagnostic(
        id: "glossary.invalid-value", severity: .error, location: node.location,
        summary: summary, notes: notes, fix: fix))
  }
}

/// A type that can be read from one YAML node. Failing reads report why and return nil.
protocol YAMLReadable {
  /// How the value is described in "must be …": "a whole number", "a list".
  static var expectation: String { get }
  static func read(_ node: YAMLNode, field: String?, in context: ReadContext) -> Self?
}

/// Reads a mapping's fields by name, and at `finish()` reports the keys nobody asked for,
/// with the nearest known key as a suggestion: Codable would ignore them silently.
final class MappingReader {
  let node: YAMLNode
  let context: ReadContext
  private let entries: [YAMLNode.Entry]
  private var known: [String] = []
  private var missingKeys: [(key: String, expected: String)] = []

  /// Nil, with a diagnostic, when the node is not a mapping.
  init?(_ node: YAMLNode, what: String, in context: ReadContext) {
    guard case .mapping(let entries) = node.content else {
      context.wrongType(node, expected: "a mapping of fields", field: what)
      return nil
    }
    self.node = node
    self.entries = entries
    self.context = context
  }

  var location: SourceLocation { node.location }

  /// The raw node of a field, or nil when it is absent or written as null.
  func value(_ key: String) -> YAMLNode? {
    if !known.contains(key) { known.append(key) }
    guard let entry = entries.first(where: { $0.key == key }), !entry.value.isNull else { return nil }
    return entry.value
  }

  func optional<T: YAMLReadable>(_ key: String, as type: T.Type = T.self) -> Located<T>? {
    located(key, required: false) { T.read($0, field: key, in: context) }
  }

  func optional<T: YAMLBoundedNumber>(_ key: String, in range: ClosedRange<T>) -> Located<T>? {
    located(key, required: false) { T.read($0, field: key, in: context, range: range) }
  }

  func required<T: YAMLReadable>(_ key: String, as type: T.Type = T.self) -> Located<T>? {
    located(key, required: true) { T.read($0, field: key, in: context) }
  }

  func required<T: YAMLBoundedNumber>(_ key: String, in range: ClosedRange<T>) -> Located<T>? {
    located(key, required: true) { T.read($0, field: key, in: context, range: range) }
  }

  /// A field read by `read`, with its place; an absent required field is recorded as missing.
  private func located<T: YAMLReadable>(_ key: String, required: Bool, _ read: (YAMLNode) -> T?) -> Located<
    T
  >? {
    guard let node = value(key) else {
      if required { missing(key, expected: T.expectation) }
      return nil
    }
    return read(node).map { Located($0, at: node.location) }
  }

  /// A flag that defaults to false when absent.
  func flag(_ key: String) -> Located<Bool>? { optional(key, as: Bool.self) }

  /// A list whose items are read one by one; an absent list is empty (or an error when required).
  func list<T>(_ key: String, required: Bool = false, item read: (YAMLNode) -> T?) -> [T] {
    guard let node = value(key) else {
      if required { missing(key, expected: "a list") }
      return []
    }
    guard case .sequence(let items) = node.content else {
      context.wrongType(node, expected: "a list", field: key)
      return []
    }
    return items.compactMap(read)
  }

  /// A list of plain values, each with its place.
  func values<T: YAMLReadable>(_ key: String, of type: T.Type = T.self, required: Bool = false)
    -> [Located<T>]
  {
    list(key, required: required) { node in
      T.read(node, field: key, in: context).map { Located($0, at: node.location) }
    }
  }

  /// A nested mapping, read by `body`.
  func nested<T>(_ key: String, required: Bool = false, _ body: (MappingReader) -> T?) -> T? {
    guard let node = value(key) else {
      if required { missing(key, expected: "a mapping") }
      return nil
    }
    return readMapping(node, what: key, in: context, body)
  }

  func missing(_ key: String, expected: String) {
    missingKeys.append((key, expected))
  }

  /// Reports the missing fields and every key that no read asked for, with the nearest known key
  /// as a suggestion. A misspelt key explains the field it was meant to be, so that field is not
  /// also reported missing. Call once all fields have been read.
  ///
  /// - Parameter complete: false when reading stopped early at a missing or invalid field; then
  ///   the keys after it were never asked for, so only a misspelling of a missing field is
  ///   reported (`idd:` for `id:`).
  func finish(complete: Bool = true) {
    var explained: Set<String> = []
    let missingNames = missingKeys.map(\.key)
    for entry in entries where !known.contains(entry.key) {
      let suggestion = Suggestion.nearest(to: entry.key, in: complete ? known : missingNames)
      if !complete && suggestion == nil { continue }
      if let suggestion { explained.insert(suggestion) }
      context.report(
        Diagnostic(
          id: "glossary.unknown-key", severity: .error, location: entry.keyLocation,
          summary: "unknown field '\(entry.key)'"
            + (suggestion.map { "; did you mean '\($0)'?" } ?? ""),
          notes: [],
          fix: suggestion.map { "rename it to '\($0)'" }
            ?? "remove it; the fields allowed here are: \(known.joined(separator: ", "))"))
    }
    for (key, expected) in missingKeys where !explained.contains(key) {
      context.report(
        Diagnostic(
          id: "glossary.missing-key", severity: .error, location: node.location,
          summary: "missing required field '\(key)' (\(expected))",
          fix: "add '\(key):' to this mapping"))
    }
  }
}

/// Reads the items of a list of mappings with `body`, finishing each reader.
func readMapping<T>(_ node: YAMLNode, what: String, in context: ReadContext, _ body: (MappingReader) -> T?)
  -> T?
{
  guard let reader = MappingReader(node, what: what, in: context) else { return nil }
  let result = body(reader)
  reader.finish(complete: result != nil)
  return result
}

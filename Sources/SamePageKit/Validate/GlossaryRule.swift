/// A consistency rule over the whole glossary.
///
/// Each rule lives in its own file under `Rules/`. Its doc comment is its documentation: the
/// first paragraph is the one-line summary, the rest explains why and shows a failing example.
/// `swift run samepage-generate` copies the comments into `RuleCatalogue+Generated.swift`, and
/// a test fails when that file is out of date, so the catalogue cannot drift from the code.
public protocol GlossaryRule: Sendable {
  /// Stable, never reused: users search, filter and suppress by it.
  static var id: String { get }
  static var severity: Severity { get }
  init()
  func check(_ glossary: Glossary, into findings: inout Findings)
}

/// What one rule found; the rule's id and severity are filled in for it.
public struct Findings {
  public let ruleID: String
  public let severity: Severity
  public private(set) var diagnostics: [Diagnostic] = []

  init(ruleID: String, severity: Severity) {
    self.ruleID = ruleID
    self.severity = severity
  }

  public mutating func report(
    at location: SourceLocation?,
    _ summary: String,
    explanation: String? = nil,
    notes: [Diagnostic.Note] = [],
    fix: String? = nil
  ) {
    diagnostics.append(
      Diagnostic(
        id: ruleID, severity: severity, location: location, summary: summary,
        explanation: explanation, notes: notes, fix: fix))
  }

  /// An id that names nothing: reported at the reference, with a note at the place that
  /// defines the id it should be: the id it was renamed to when the glossary shows a rename
  /// (see `Renames.swift`), otherwise the nearest spelling.
  mutating func unknownReference(
    _ reference: Located<Slug>, _ summary: String, candidates: [Located<Slug>],
    renames: RenameIndex? = nil, fix: String
  ) {
    if let renamed = renames?.renamed(reference.value) {
      report(
        at: reference.location, summary,
        notes: [
          Diagnostic.Note(
            location: renamed.location,
            message: "did you mean '\(renamed.value)'? It is defined here and nothing refers to it yet")
        ],
        fix: "change it to '\(renamed.value)', the new id of '\(reference.value)'")
      return
    }
    let target =
      renames.map { $0.nearest(to: reference.value, in: candidates) }
      ?? RenameIndex.nearest(to: reference.value, in: candidates)
    let nearest = target?.value.rawValue
    report(
      at: reference.location, summary,
      notes: target.map { [Diagnostic.Note(location: $0.location, message: "did you mean '\($0.value)'?")] }
        ?? [],
      fix: nearest.map { "change it to '\($0)'" }
        ?? fix + " (defined: \(Self.listed(candidates)))")
  }
}

extension Findings {
  /// Ids for a message: the first ten and how many more, so that thousands of dangling
  /// references to a glossary with thousands of ids do not each print every id.
  static func listed(_ ids: [Located<Slug>]) -> String {
    let shown = ids.prefix(10).map(\.value.rawValue).joined(separator: ", ")
    return ids.count > 10 ? shown + " and \(ids.count - 10) more" : shown
  }

  /// Exactly one item of a list may carry `default: true`: none leaves new records without a
  /// value, two make the CRM pick one at random.
  mutating func requireSingleDefault(
    _ kind: String, items: [(id: Located<Slug>, isDefault: Located<Bool>?)], term: SourceLocation
  ) {
    let defaults = items.filter { $0.isDefault?.value ?? false }
    guard let first = defaults.first else {
      report(
        at: term, "no \(kind) is the default",
        fix: "add 'default: true' to the \(kind) new records start with")
      return
    }
    for extra in defaults.dropFirst() {
      report(
        at: extra.isDefault?.location ?? extra.id.location, "\(kind) '\(extra.id.value)' is a second default",
        notes: [
          Diagnostic.Note(
            location: first.isDefault?.location, message: "'\(first.id.value)' is already the default")
        ],
        fix: "keep 'default: true' on one \(kind) only")
    }
  }
}

/// Runs rules over a loaded glossary.
public enum Validator {
  public static func validate(
    _ glossary: Glossary, rules: [any GlossaryRule.Type] = RuleCatalogue.ruleTypes
  ) -> [Diagnostic] {
    // Rules are independent of each other, so they share the cores; sorting fixes the order.
    concurrentMap(rules.count) { index in
      let rule = rules[index]
      var findings = Findings(ruleID: rule.id, severity: rule.severity)
      rule.init().check(glossary, into: &findings)
      return findings.diagnostics
    }.joined().sorted()
  }
}

/// Every rule with its documentation, generated from the rule files' doc comments.
public enum RuleCatalogue {
  public static var ruleTypes: [any GlossaryRule.Type] { generated.map(\.type) }

  public static var descriptions: [RuleDescription] {
    generated.map {
      RuleDescription(
        id: $0.type.id, severity: $0.type.severity, summary: $0.summary, documentation: $0.documentation)
    }
  }

  struct Entry {
    var type: any GlossaryRule.Type
    var summary: String
    var documentation: String
  }
}

extension RuleCatalogue {
  /// The catalogue as a Markdown table, sorted by id; the README embeds this verbatim.
  public static func markdownTable() -> String {
    var lines = ["| Rule | Severity | What it enforces |", "| --- | --- | --- |"]
    for rule in descriptions.sorted(by: { $0.id < $1.id }) {
      let summary = rule.summary.replacingOccurrences(of: "|", with: "\\|")
      lines.append("| `\(rule.id)` | \(rule.severity.rawValue) | \(summary) |")
    }
    return lines.joined(separator: "\n") + "\n"
  }
}

import Foundation

/// A comparison written for people: a terminal, a pull-request comment, or JSON for tools.
public struct ChangeReport: Sendable {
  public var base: String
  public var head: String
  public var baseVersion: String
  public var headVersion: String
  public var changes: [GlossaryChange]
  public var check: VersionCheck

  public init(base: (name: String, glossary: Glossary), head: (name: String, glossary: Glossary)) {
    self.base = base.name
    self.head = head.name
    baseVersion = base.glossary.manifest.glossaryVersion?.value ?? ""
    headVersion = head.glossary.manifest.glossaryVersion?.value ?? ""
    changes = GlossaryDiff.changes(from: base.glossary, to: head.glossary).sorted { $0.kind < $1.kind }
    check = VersionCheck(base: base.glossary, head: head.glossary, changes: changes)
  }

  func count(_ kind: GlossaryChange.Kind) -> Int { changes.filter { $0.kind == kind }.count }

  var headline: String {
    "\(base) (\(baseVersion)) → \(head) (\(headVersion)): "
      + (changes.isEmpty
        ? "no changes"
        : GlossaryChange.Kind.allCases.map { "\(count($0)) \($0.rawValue)" }.joined(separator: ", "))
  }

  public func text() -> String {
    var lines = [headline]
    for change in changes {
      lines.append(
        "\(change.kind.rawValue.padding(toLength: 12, withPad: " ", startingAt: 0)) \(change.term) › \(change.path): \(change.summary)"
      )
    }
    if let required = check.required { lines.append("needs a \(required.bump) version bump") }
    lines += check.problems.map { "problem: \($0)" }
    return lines.joined(separator: "\n") + "\n"
  }

  /// A pull-request comment: the table first, the details folded.
  public func markdown() -> String {
    var lines = ["### Agreement changes: \(base) (\(baseVersion)) → \(head) (\(headVersion))", ""]
    if changes.isEmpty {
      lines.append("No change to the agreement.")
      return lines.joined(separator: "\n") + "\n"
    }
    lines += ["| Class | Changes | Needs |", "| --- | --- | --- |"]
    for kind in GlossaryChange.Kind.allCases where count(kind) > 0 {
      lines.append("| \(kind.rawValue) | \(count(kind)) | \(kind.bump) version |")
    }
    lines.append("")
    lines.append(
      check.passes
        ? "Version \(headVersion) matches the change."
        : check.problems.map { "- :warning: \(MarkdownContentType.escape($0))" }.joined(separator: "\n"))
    for kind in GlossaryChange.Kind.allCases where count(kind) > 0 {
      lines += ["", "<details><summary>\(count(kind)) \(kind.rawValue)</summary>", ""]
      for change in changes where change.kind == kind {
        lines.append(
          "- **\(MarkdownContentType.escape(change.term))** › \(MarkdownContentType.escape(change.path)): \(MarkdownContentType.escape(change.summary))"
        )
      }
      lines += ["", "</details>"]
    }
    return lines.joined(separator: "\n") + "\n"
  }

  public func json() -> String {
    struct Document: Encodable {
      var base: Side
      var head: Side
      var required: String?
      var problems: [String]
      var changes: [GlossaryChange]
    }
    struct Side: Encodable {
      var name: String
      var version: String
    }
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    let document = Document(
      base: Side(name: base, version: baseVersion), head: Side(name: head, version: headVersion),
      required: check.required?.bump, problems: check.problems, changes: changes)
    return String(decoding: (try? encoder.encode(document)) ?? Data("{}".utf8), as: UTF8.self) + "\n"
  }
}

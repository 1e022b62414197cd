import Foundation

/// What a change to the agreement changes, in its own words, and what kind of change it is.
///
/// Works on the YAML trees of the term files, so every field is covered, present and future:
/// items of a list that carry an `id` are matched by id (so reordering is not mistaken for
/// editing), other list items by position. Each difference is classified by what depends on it
/// (`GlossaryChange.Kind`), and semantic versioning follows from the classes.
public struct GlossaryChange: Sendable, Equatable, Codable {
  public enum Kind: String, Sendable, Codable, Comparable, CaseIterable {
    /// Something a CRM mapping, a report or a saved filter depends on: an id removed or renamed,
    /// stages reordered, a status moved to another stage, a role moved.
    case breaking
    /// The numbers change what happens: thresholds, points, deadlines, attempts, exclusions,
    /// the calendar, flags.
    case behavioural
    /// Wording: labels, definitions, synonyms, descriptions, notes.
    case editorial

    private var rank: Int { self == .breaking ? 0 : self == .behavioural ? 1 : 2 }
    public static func < (lhs: Kind, rhs: Kind) -> Bool { lhs.rank < rhs.rank }

    /// The semantic-version part this class of change must bump.
    public var bump: String { self == .breaking ? "major" : self == .behavioural ? "minor" : "patch" }
  }

  public var kind: Kind
  /// The term's file (`lead-scoring.yaml`) and the term's name.
  public var file: String
  public var term: String
  /// Where in the term, in readable steps: `thresholds › mql › engagement`.
  public var path: String
  public var summary: String
  public var before: String?
  public var after: String?
}

public enum GlossaryDiff {
  /// Fields whose change is wording only.
  static let editorialFields: Set<String> = [
    "definition", "label", "synonyms", "description", "purpose", "bio", "note", "notes", "reason", "reasons",
    "summary", "name", "team", "task", "if_missed", "entry", "exit", "behaviours", "interests", "needs",
    "pain_points", "content", "buyer_focus", "lost_reasons", "system_of_record", "prepared_by", "reviewed_in",
    "title", "email", "organization", "to", "backup", "escalation_owner",
  ]
  /// Fields other records and systems point at: changing them breaks mappings and reports.
  static let breakingFields: Set<String> = [
    "order", "stage", "role", "pipeline", "category", "recycle_to", "accepted_status", "rejected_status",
    "exhausted_status", "attribute", "event", "party", "from",
  ]
  /// Lists whose order is meaning: the funnel and the pipelines.
  static let orderedLists: Set<String> = ["lifecycle-stages.yaml stages", "deal-stages.yaml stages"]

  public static func changes(from base: Glossary, to head: Glossary) -> [GlossaryChange] {
    var changes: [GlossaryChange] = []
    for kind in GlossaryFileKind.allCases {
      let old = base.files.first { ($0.path as NSString).lastPathComponent == kind.fileName }
      let new = head.files.first { ($0.path as NSString).lastPathComponent == kind.fileName }
      guard let old, let new else { continue }
      var context = Context(file: kind.fileName, term: kind.title, changes: [])
      context.compare(old.root, new.root, path: [], field: nil)
      changes += context.changes
    }
    return changes
  }

  struct Context {
    let file: String
    let term: String
    var changes: [GlossaryChange]

    mutating func report(
      _ kind: GlossaryChange.Kind, _ path: [String], _ summary: String, before: String?, after: String?
    ) {
      changes.append(
        GlossaryChange(
          kind: kind, file: file, term: term, path: path.joined(separator: " › "), summary: summary,
          before: before, after: after))
    }

    func classify(_ field: String?, path: [String] = []) -> GlossaryChange.Kind {
      // The version, the effective date and the change log describe the change; they are not one.
      if ["glossary_version", "effective_date"].contains(field)
        || (file == "sla.yaml" && path.first == "changes")
      {
        return .editorial
      }
      guard let field else { return .behavioural }
      if GlossaryDiff.editorialFields.contains(field) { return .editorial }
      if GlossaryDiff.breakingFields.contains(field) { return .breaking }
      return .behavioural
    }

    mutating func compare(_ old: YAMLNode, _ new: YAMLNode, path: [String], field: String?) {
      switch (old.content, new.content) {
      case (.mapping(let a), .mapping(let b)):
        // An id is compared as the list's key (renames are reported there), not as a field.
        for entry in a where entry.key != "$schema" && !(entry.key == "id" && field == nil) {
          if let other = b.first(where: { $0.key == entry.key }) {
            compare(entry.value, other.value, path: path + [entry.key], field: entry.key)
          } else {
            report(
              classify(entry.key, path: path), path + [entry.key],
              "\(entry.key) removed (was \(Self.text(entry.value)))",
              before: Self.text(entry.value), after: nil)
          }
        }
        for entry in b
        where entry.key != "$schema" && !(entry.key == "id" && field == nil)
          && !a.contains(where: { $0.key == entry.key })
        {
          report(
            classify(entry.key, path: path), path + [entry.key],
            "\(entry.key) set to \(Self.text(entry.value))", before: nil,
            after: Self.text(entry.value))
        }
      case (.sequence(let a), .sequence(let b)):
        if let oldIDs = Self.ids(a), let newIDs = Self.ids(b) {
          compareEntries(a, oldIDs, b, newIDs, path: path, field: field)
        } else if a.allSatisfy(\.isScalar) && b.allSatisfy(\.isScalar) {
          let before = a.map { Self.text($0) }
          let after = b.map { Self.text($0) }
          if before != after {
            let removed = before.filter { !after.contains($0) }
            let added = after.filter { !before.contains($0) }
            var parts: [String] = []
            if !added.isEmpty { parts.append("added \(added.joined(separator: ", "))") }
            if !removed.isEmpty { parts.append("removed \(removed.joined(separator: ", "))") }
            if parts.isEmpty { parts.append("reordered") }
            report(
              classify(field, path: path), path, parts.joined(separator: "; "),
              before: before.joined(separator: ", "),
              after: after.joined(separator: ", "))
          }
        } else {
          // Items kept at either end are matched as they stand, so an entry added at the top (a
          // new change-log line) is one addition, not every later item reworded.
          let old = a.map { Self.text($0) }
          let new = b.map { Self.text($0) }
          var prefix = 0
          while prefix < min(a.count, b.count), old[prefix] == new[prefix] { prefix += 1 }
          var suffix = 0
          while suffix < min(a.count, b.count) - prefix,
            old[a.count - 1 - suffix] == new[b.count - 1 - suffix]
          {
            suffix += 1
          }
          for offset in 0..<max(a.count, b.count) - prefix - suffix {
            let oldIndex = prefix + offset < a.count - suffix ? prefix + offset : nil
            let newIndex = prefix + offset < b.count - suffix ? prefix + offset : nil
            let index = newIndex ?? oldIndex!
            let step = path + ["\(index + 1)"]
            switch (oldIndex.map { a[$0] }, newIndex.map { b[$0] }) {
            case (let x?, let y?): compare(x, y, path: step, field: field)
            case (let x?, nil):
              report(
                classify(field, path: path), step, "item removed (was \(Self.text(x)))", before: Self.text(x),
                after: nil)
            case (nil, let y?):
              report(
                classify(field, path: path), step, "item added: \(Self.text(y))", before: nil,
                after: Self.text(y))
            default: break
            }
          }
        }
      default:
        let before = Self.text(old)
        let after = Self.text(new)
        guard before != after else { return }
        let kind = classify(field, path: path)
        // Prose is summarised; a version, a date or a name is short enough to show.
        let prose = kind == .editorial && GlossaryDiff.editorialFields.contains(field ?? "")
        report(kind, path, prose ? "reworded" : "\(before) → \(after)", before: before, after: after)
      }
    }

    /// Lists of entries with ids: matched by id; a removed id whose place an added one takes
    /// (same position, or same label) is a rename.
    mutating func compareEntries(
      _ a: [YAMLNode], _ oldIDs: [String], _ b: [YAMLNode], _ newIDs: [String], path: [String], field: String?
    ) {
      var removed = oldIDs.filter { !newIDs.contains($0) }
      var added = newIDs.filter { !oldIDs.contains($0) }
      var renames: [(String, String)] = []
      for id in removed {
        let oldIndex = oldIDs.firstIndex(of: id)!
        let label = Self.label(a[oldIndex])
        let partner =
          added.first { Self.label(b[newIDs.firstIndex(of: $0)!]) == label && label != nil }
          ?? added.first { newIDs.firstIndex(of: $0) == oldIndex }
        if let partner {
          renames.append((id, partner))
          added.removeAll { $0 == partner }
        }
      }
      removed.removeAll { id in renames.contains { $0.0 == id } }
      let listName = path.last ?? field ?? "entries"
      for (old, new) in renames {
        report(
          .breaking, path + [new], "\(Self.singular(listName)) '\(old)' renamed to '\(new)'", before: old,
          after: new)
        compare(
          a[oldIDs.firstIndex(of: old)!], b[newIDs.firstIndex(of: new)!], path: path + [new], field: nil)
      }
      for id in removed {
        report(.breaking, path + [id], "\(Self.singular(listName)) '\(id)' removed", before: id, after: nil)
      }
      for id in added {
        report(.behavioural, path + [id], "\(Self.singular(listName)) '\(id)' added", before: nil, after: id)
      }
      for (index, id) in oldIDs.enumerated() {
        guard let other = newIDs.firstIndex(of: id) else { continue }
        compare(a[index], b[other], path: path + [id], field: nil)
      }
      let kept = oldIDs.filter { newIDs.contains($0) }
      let keptNew = newIDs.filter { oldIDs.contains($0) }
      if kept != keptNew, GlossaryDiff.orderedLists.contains("\(file) \(listName)") {
        report(
          .breaking, path,
          "\(listName) reordered: \(kept.joined(separator: " → ")) is now \(keptNew.joined(separator: " → "))",
          before: kept.joined(separator: ", "), after: keptNew.joined(separator: ", "))
      }
    }

    static func ids(_ items: [YAMLNode]) -> [String]? {
      var ids: [String] = []
      for item in items {
        guard case .mapping(let entries) = item.content,
          let id = entries.first(where: { $0.key == "id" }).flatMap({ $0.value.scalarText })
        else { return nil }
        ids.append(id)
      }
      return ids.isEmpty || Set(ids).count != ids.count ? nil : ids
    }

    static func label(_ node: YAMLNode) -> String? {
      guard case .mapping(let entries) = node.content else { return nil }
      return entries.first { $0.key == "label" }?.value.scalarText
    }

    static func singular(_ list: String) -> String {
      let words = [
        "stages": "stage", "statuses": "status", "types": "lead type", "pipelines": "pipeline",
        "segments": "segment", "personas": "persona", "commitments": "commitment", "rules": "rule",
        "thresholds": "threshold", "channels": "channel", "dispositions": "disposition",
        "attributes": "attribute", "events": "event", "hand_raises": "hand-raise", "recycles": "recycle",
      ]
      return words[list] ?? list
    }

    /// A value as one line: scalars as written, lists and mappings in flow style.
    static func text(_ node: YAMLNode) -> String {
      switch node.content {
      case .scalar(let value, _): value
      case .sequence(let items): "[" + items.map(text).joined(separator: ", ") + "]"
      case .mapping(let entries):
        "{" + entries.map { "\($0.key): \(text($0.value))" }.joined(separator: ", ") + "}"
      }
    }
  }
}

extension YAMLNode {
  var isScalar: Bool { if case .scalar = content { true } else { false } }
}

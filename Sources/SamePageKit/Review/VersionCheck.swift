/// Whether a change's version, change log and effective date say what the change does: semantic
/// versioning by the classes of `GlossaryChange` (breaking → major, behavioural → minor,
/// editorial → patch).
///
/// The one place this is decided: `diff --check` prints its problems, and the `version.*` rules
/// of `check --base` report them as diagnostics at the places to fix.
public struct VersionCheck: Sendable {
  /// One way the version does not follow the change, with where to fix it.
  public struct Problem: Sendable {
    public enum Kind: Sendable {
      /// A side's `glossary_version` is not MAJOR.MINOR.PATCH, so no bump can be judged.
      case notSemanticVersion
      /// The version part bumped is smaller than the change needs (or nothing was bumped).
      case bumpTooSmall
      /// The version changed, but the change log has no entry for it.
      case noChangeLogEntry
      /// The effective date is earlier than the base's.
      case effectiveDateBackwards
    }

    public var kind: Kind
    /// What is wrong, in one line, without the fix.
    public var summary: String
    public var fix: String?
    /// Where in the head glossary to fix it.
    public var location: SourceLocation?

    /// The line `diff --check` prints: the summary with the version to use.
    public var message: String {
      kind == .bumpTooSmall ? summary + "; " + (fix ?? "") : summary
    }
  }

  public var required: GlossaryChange.Kind?
  public var findings: [Problem]
  /// The version the change needs, when the base's version can be read.
  public var suggestedVersion: String?

  public var problems: [String] { findings.map(\.message) }
  public var passes: Bool { findings.isEmpty }

  public init(base: Glossary, head: Glossary, changes: [GlossaryChange]) {
    required = changes.map(\.kind).min()
    findings = []
    let oldVersion = base.manifest.glossaryVersion?.value ?? ""
    let newVersion = head.manifest.glossaryVersion?.value ?? ""
    let versionLocation = head.manifest.glossaryVersion?.location ?? head.manifest.location
    guard let required else { return }
    guard let before = Self.parse(oldVersion), let after = Self.parse(newVersion) else {
      findings.append(
        Problem(
          kind: .notSemanticVersion,
          summary: "glossary_version '\(newVersion)' (was '\(oldVersion)') is not MAJOR.MINOR.PATCH",
          fix: "write MAJOR.MINOR.PATCH", location: versionLocation))
      return
    }
    let next = Self.next(before, required)
    suggestedVersion = next
    let bumped: GlossaryChange.Kind? =
      after.0 > before.0
      ? .breaking
      : after.0 == before.0 && after.1 > before.1
        ? .behavioural
        : after.0 == before.0 && after.1 == before.1 && after.2 > before.2 ? .editorial : nil
    let counts = Dictionary(grouping: changes, by: \.kind).mapValues(\.count)
    let described = GlossaryChange.Kind.allCases.compactMap { kind in
      counts[kind].map { "\($0) \(kind.rawValue)" }
    }
    .joined(separator: ", ")
    if bumped == nil || bumped! > required {
      findings.append(
        Problem(
          kind: .bumpTooSmall,
          summary:
            "the change is \(required.rawValue) (\(described)), which needs a \(required.bump) version, but glossary_version "
            + (newVersion == oldVersion
              ? "is still \(oldVersion)" : "goes from \(oldVersion) to \(newVersion)"),
          fix: "make it \(next)", location: versionLocation))
    }
    if newVersion != oldVersion, !head.sla.changes.contains(where: { $0.version.value == newVersion }) {
      findings.append(
        Problem(
          kind: .noChangeLogEntry,
          summary: "the change log in sla.yaml has no entry for version \(newVersion)",
          fix:
            "add '- {version: \(newVersion), date: \(head.manifest.effectiveDate?.value.description ?? "YYYY-MM-DD"), summary: …}' at the top of 'changes:' in sla.yaml",
          location: head.sla.changes.first?.version.location ?? versionLocation))
    }
    if let oldDate = base.manifest.effectiveDate?.value, let newDate = head.manifest.effectiveDate,
      newDate.value < oldDate
    {
      findings.append(
        Problem(
          kind: .effectiveDateBackwards,
          summary: "effective_date goes backwards, from \(oldDate) to \(newDate.value)",
          fix: "set effective_date to \(oldDate) or later", location: newDate.location))
    }
  }

  static func parse(_ version: String) -> (Int, Int, Int)? {
    let parts = version.split(separator: ".", omittingEmptySubsequences: false).map { Int($0) }
    guard parts.count == 3, let major = parts[0], let minor = parts[1], let patch = parts[2] else {
      return nil
    }
    return (major, minor, patch)
  }

  static func next(_ version: (Int, Int, Int), _ kind: GlossaryChange.Kind) -> String {
    switch kind {
    case .breaking: "\(version.0 + 1).0.0"
    case .behavioural: "\(version.0).\(version.1 + 1).0"
    case .editorial: "\(version.0).\(version.1).\(version.2 + 1)"
    }
  }
}

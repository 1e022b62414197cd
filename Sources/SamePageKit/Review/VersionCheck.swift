/// Whether a change's version, change log and effective date say what the change does: semantic
/// versioning by the classes of `GlossaryChange` (breaking → major, behavioural → minor,
/// editorial → patch).
public struct VersionCheck: Sendable {
  public var required: GlossaryChange.Kind?
  public var problems: [String]

  public var passes: Bool { problems.isEmpty }

  public init(base: Glossary, head: Glossary, changes: [GlossaryChange]) {
    required = changes.map(\.kind).min()
    problems = []
    let old = base.manifest.glossaryVersion?.value ?? ""
    let new = head.manifest.glossaryVersion?.value ?? ""
    guard let required else { return }
    guard let before = Self.parse(old), let after = Self.parse(new) else {
      problems.append("glossary_version '\(new)' (was '\(old)') is not MAJOR.MINOR.PATCH")
      return
    }
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
      problems.append(
        "the change is \(required.rawValue) (\(described)), which needs a \(required.bump) version, but glossary_version goes from \(old) to \(new); make it \(Self.next(before, required))"
      )
    }
    if new != old, !head.sla.changes.contains(where: { $0.version.value == new }) {
      problems.append("the change log in sla.yaml has no entry for version \(new)")
    }
    if let oldDate = base.manifest.effectiveDate?.value, let newDate = head.manifest.effectiveDate?.value,
      newDate < oldDate
    {
      problems.append("effective_date goes backwards, from \(oldDate) to \(newDate)")
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

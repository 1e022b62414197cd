/// The agreement's version and dates agree: `glossary_version` is semantic versioning
/// (MAJOR.MINOR.PATCH), the newest change-log entry is that version on the effective date, and
/// the next review comes after the effective date.
///
/// The rendered SLA prints the manifest's version and the change log side by side; a change
/// log ahead of or behind the manifest means someone edited one and forgot the other, and the
/// signatories would sign a document that contradicts itself.
///
/// Fails (the manifest says 2.3.0, effective 2026-10-01):
///
///     changes:
///       - {version: 2.4.0, date: 2026-11-01, summary: MQL volume raised to 150}
public struct DatesAgree: GlossaryRule {
  public static let id = "sla.dates-agree"
  public static let severity = Severity.error
  public init() {}

  public func check(_ glossary: Glossary, into findings: inout Findings) {
    let manifest = glossary.manifest
    if let version = manifest.glossaryVersion, !Self.isSemanticVersion(version.value) {
      findings.report(
        at: version.location, "glossary_version '\(version.value)' is not a semantic version",
        fix: "write MAJOR.MINOR.PATCH, such as \(Self.padded(version.value) ?? "1.0.0")")
    }
    if let newest = glossary.sla.changes.first {
      if let version = manifest.glossaryVersion, newest.version.value != version.value {
        findings.report(
          at: newest.version.location,
          "the newest change is version \(newest.version.value), but the manifest is at \(version.value)",
          notes: [.init(location: version.location, message: "glossary_version is \(version.value)")],
          fix: "add a change-log entry for \(version.value) at the top, or set glossary_version to match")
      } else if let effective = manifest.effectiveDate, newest.date.value != effective.value {
        findings.report(
          at: newest.date.location,
          "the change for \(newest.version.value) is dated \(newest.date.value), but the agreement takes effect on \(effective.value)",
          notes: [.init(location: effective.location, message: "effective_date is \(effective.value)")],
          fix: "date the change \(effective.value), or correct effective_date")
      }
    }
    if let next = glossary.sla.review?.nextReview, let effective = manifest.effectiveDate,
      next.value <= effective.value
    {
      findings.report(
        at: next.location,
        "the next review, \(next.value), is not after the effective date \(effective.value)",
        notes: [.init(location: effective.location, message: "effective_date is \(effective.value)")],
        fix: "set next_review to a date after \(effective.value)")
    }
  }

  /// `1.2.3`, with an optional `-pre.release` and `+build`; no leading zeros.
  static func isSemanticVersion(_ text: String) -> Bool {
    let core = text.prefix { $0 != "-" && $0 != "+" }
    let parts = core.split(separator: ".", omittingEmptySubsequences: false)
    guard parts.count == 3 else { return false }
    return parts.allSatisfy { part in
      !part.isEmpty && part.allSatisfy { $0.isASCII && $0.isNumber } && (part == "0" || part.first != "0")
    }
  }

  /// `1.0` → `1.0.0`, to suggest.
  static func padded(_ text: String) -> String? {
    let parts = text.split(separator: ".")
    guard (1...2).contains(parts.count), parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } })
    else {
      return nil
    }
    return (parts.map(String.init) + Array(repeating: "0", count: 3 - parts.count)).joined(separator: ".")
  }
}

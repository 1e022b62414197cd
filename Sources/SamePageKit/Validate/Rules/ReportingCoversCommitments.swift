/// Every commitment that `score` can measure is in the SLA's reporting, and every reported
/// figure has a commitment to measure against.
///
/// A commitment nobody reports on is never enforced; a figure reported with no target beside it
/// invites an argument about what it should have been.
///
/// Fails (with an acceptance-rate commitment):
///
///     reporting:
///       system_of_record: Salesforce
///       figures: [mql_volume, first_touch]
public struct ReportingCoversCommitments: GlossaryRule {
  public static let id = "sla.reporting-covers-commitments"
  public static let severity = Severity.warning
  public init() {}

  public func check(_ glossary: Glossary, into findings: inout Findings) {
    let sla = glossary.sla
    guard let reporting = sla.reporting else {
      findings.report(
        at: sla.header.location, "the SLA does not say how its figures are reported",
        fix:
          "add 'reporting:' with system_of_record, prepared_by, cadence and the figures (mql_volume, acceptance_rate, first_touch, connect_attempts)"
      )
      return
    }
    let reported = Set(reporting.figures.map(\.value.commitmentKind))
    for figure in Reporting.Figure.allCases where !reported.contains(figure.commitmentKind) {
      guard let commitment = sla.commitments.first(where: { $0.kind.value == figure.commitmentKind }) else {
        continue
      }
      findings.report(
        at: commitment.kind.location,
        "commitment '\(commitment.id.value)' is measurable but not among the reported figures",
        notes: [Diagnostic.Note(location: reporting.location, message: "the reporting section")],
        fix: "add \(figure.rawValue) to 'figures:' under 'reporting:'")
    }
    for figure in reporting.figures
    where !sla.commitments.contains(where: { $0.kind.value == figure.value.commitmentKind }) {
      findings.report(
        at: figure.location,
        "figure \(figure.value.rawValue) is reported, but no commitment sets a target for it",
        fix: "add a commitment of kind \(figure.value.rawValue), or stop reporting the figure")
    }
  }
}

/// Both parties have signed the agreement exactly as it stands; until then it is a draft.
///
/// A signature in `signatures.yaml` names the content hash of the glossary it signed. Any change
/// to a term file after signing leaves that signature stale: the people who signed agreed to
/// something else. On a branch this is expected and reported as a note; `check --require-signed`
/// (for the release branch) makes it an error. The rendered SLA carries "DRAFT — not signed"
/// until every party has signed this content. Before anyone has signed (no `signatures.yaml`)
/// the rule stays quiet, since every agreement starts as a draft, unless signatures are required.
///
/// Reported for an agreement edited after marketing signed it:
///
///     signatures:
///       - {party: marketing, name: Dana Whitfield, date: 2026-09-28, content: "sha256:…"}
public struct SignedOff: GlossaryRule {
  public static let id = "sla.signed-off"
  public static let severity = Severity.note
  public init() {}

  public func check(_ glossary: Glossary, into findings: inout Findings) {
    check(glossary, into: &findings, required: false)
  }

  /// - Parameter required: report unsigned parties even before anyone has signed.
  func check(_ glossary: Glossary, into findings: inout Findings, required: Bool) {
    guard required || !glossary.signatures.isEmpty else { return }
    let version = glossary.manifest.glossaryVersion?.value
    let versionText = version.map { " (version \($0))" } ?? ""
    for entry in SignOff(glossary).parties {
      let party = glossary.sla.parties.first { $0.party.value == entry.party }
      let signatory = party?.signatory?.name.value
      let folder = glossary.directory == "Glossary" ? "" : " --glossary \(glossary.directory)"
      let command = "samepage sign --party \(entry.party.rawValue)\(folder)"
      switch entry.state {
      case .signed: continue
      case .unsigned:
        findings.report(
          at: party?.location ?? glossary.sla.header.location,
          "\(entry.party.rawValue) has not signed this agreement\(versionText); the SLA renders as a draft",
          fix: "once \(signatory ?? "the signatory") agrees, run '\(command)'")
      case .stale(let signature):
        findings.report(
          at: signature.location,
          "\(signature.name.value) signed for \(entry.party.rawValue) on \(signature.date.value)"
            + (signature.version.map { " (version \($0.value))" } ?? "")
            + ", but the agreement has changed since; the SLA renders as a draft",
          fix: "review the changes since then with \(signature.name.value), who signs again with '\(command)'"
        )
      }
    }
  }
}

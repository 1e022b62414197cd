/// A stage that played a role keeps it: a stage without a role whose old id, label or synonyms
/// name a role that no stage has any more is reported.
///
/// A stage's role comes from its id when the id is a role name, so renaming `sal` to `accepted`
/// silently drops the role `sal`, and with it every rule, deadline and report for sales-accepted
/// leads. The stage is recognised by the references still pointing at its old id, or by a
/// label or synonym that names the role ("Sales-accepted lead (SAL)"). A warning: the team may
/// have meant to drop the role, and `role: other` says so.
///
/// Fails (the stage was `sal`):
///
///     - {id: accepted, label: Sales-accepted lead (SAL), order: 40, optional: true}
public struct RoleLost: GlossaryRule {
  public static let id = "lifecycle.role-lost"
  public static let severity = Severity.warning
  public init() {}

  /// Words in a label or synonym that name a role.
  static let roleNames: [(words: [Substring], role: LifecycleStages.Role)] = [
    (["sal"], .sal), (["sales", "accepted", "lead"], .sal), (["mql"], .mql),
    (["marketing", "qualified", "lead"], .mql), (["sql"], .sql), (["sales", "qualified", "lead"], .sql),
  ]

  public func check(_ glossary: Glossary, into findings: inout Findings) {
    let stages = glossary.lifecycle.stages
    let roles = Set(stages.compactMap { $0.role?.value })
    let renames = RenameIndex(glossary, .stage)
    let defined = Set(stages.map(\.id.value))
    // The stage each dangling role-named id was renamed to, and the role it had.
    var renamedFrom: [Slug: (old: Slug, role: LifecycleStages.Role)] = [:]
    for old in renames.counts.keys.sorted(by: { $0.rawValue < $1.rawValue }) where !defined.contains(old) {
      guard let role = LifecycleStages.Role(rawValue: old.rawValue), !roles.contains(role),
        let stage = renames.renamed(old), renamedFrom[stage.value] == nil
      else { continue }
      renamedFrom[stage.value] = (old, role)
    }
    for stage in stages where stage.role == nil {
      var lost: (role: LifecycleStages.Role, because: String)?
      if let rename = renamedFrom[stage.id.value] {
        lost = (rename.role, "as '\(rename.old)' it had the role '\(rename.role.rawValue)'")
      } else {
        let names = ([stage.label?.value].compactMap { $0 } + stage.synonyms.map(\.value)).map(Glossary.words)
        for (words, role) in Self.roleNames where !roles.contains(role) {
          guard names.contains(where: { $0.containsRun(words) }) else { continue }
          lost = (role, "its label or synonyms name it the '\(role.rawValue)' stage")
          break
        }
      }
      guard let lost else { continue }
      findings.report(
        at: stage.id.location,
        "stage '\(stage.id.value)' has no role, but \(lost.because); the rules for that role no longer apply",
        fix:
          "add 'role: \(lost.role.rawValue)' to the stage, or 'role: other' if it no longer plays that role")
    }
  }
}

/// Every diagnostic id SamePage can emit, in one place: the rule ids (from the generated rule
/// catalogue) and the ids of the stages around the rules (load, YAML, resolve, templates,
/// render). Users filter and search by these ids, so the list is part of the interface.
///
/// `DiagnosticCatalogueTests` keeps it honest both ways: it fails when the sources construct a
/// `Diagnostic(id: "…")` that is not listed here, when an id listed here is no longer emitted,
/// and when an id has no test input that produces it.
public enum DiagnosticCatalogue {
  /// The ids emitted outside the rules, by stage.
  public static let stageIDs: [String] = [
    // Load/: the file itself.
    "load.unreadable",
    "load.too-large",
    "load.not-utf8",
    "load.empty",
    // Load/: its YAML.
    "yaml.syntax",
    "yaml.duplicate-key",
    "yaml.too-deep",
    "yaml.alias-expansion",
    "yaml.complex-key",
    // Resolve/: the directory, the files and their fields.
    "glossary.no-directory",
    "glossary.missing-file",
    "glossary.unknown-file",
    "glossary.unknown-key",
    "glossary.missing-key",
    "glossary.wrong-type",
    "glossary.invalid-value",
    "glossary.invalid-id",
    "glossary.out-of-range",
    "glossary.deprecated-field",
    // Render/TemplateSet.swift: the team's templates.
    "template.no-directory",
    "template.unreadable",
    "template.syntax",
    "template.unknown-name",
    "template.unknown-message",
    // Render/Localization: the message catalogues beside the templates.
    "catalogue.malformed",
    // Render/DocumentRenderer.swift: the rendered pages.
    "render.broken-link",
    "render.duplicate-anchor",
    "render.unknown-locale",
    // Review/SignatureVerification.swift: `sign --verify`, a signature no signed commit vouches for.
    "signature.unverified-commit",
  ]

  /// The ids of the rules, in catalogue order.
  public static var ruleIDs: [String] { RuleCatalogue.ruleTypes.map { $0.id } }

  /// Every id: the stages' and the rules'.
  public static var allIDs: [String] { stageIDs + ruleIDs }
}

/// A value quoted in prose with `$(path)` names a value the glossary has.
///
/// Quoting (`Fit score of at least $(threshold.mql.fit)`) keeps the words and the number the
/// same thing; a misspelt path would print as written and say nothing. The paths are listed
/// in docs/GLOSSARY-FORMAT.md.
///
/// Fails (there is no threshold for a stage `mqll`):
///
///     entry: [Fit score of at least $(threshold.mqll.fit)]
public struct ReferenceExists: GlossaryRule {
  public static let id = "entry.reference-exists"
  public static let severity = Severity.error
  public init() {}

  public func check(_ glossary: Glossary, into findings: inout Findings) {
    let known = References.values(in: glossary)
    for (key, text) in glossary.texts where text.value.containsBytes("$(") {
      for path in References.paths(in: text.value) where known[path] == nil {
        let nearest = Suggestion.nearest(to: path, in: known.keys)
        findings.report(
          at: text.location,
          "'$(\(path))' in \(key) quotes no value of this glossary"
            + (nearest.map { "; did you mean '$(\($0))'?" } ?? ""),
          fix: nearest.map { "write $(\($0))" }
            ?? "quote a threshold, commitment, cap, decay or sequence value (docs/GLOSSARY-FORMAT.md), or write $$( for a literal $("
        )
      }
    }
  }
}

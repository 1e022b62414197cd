/// The diagnostics of the load stage: a file that cannot be read as YAML at all.
/// Their ids start with `load.` (the file) or `yaml.` (its syntax).
enum LoadDiagnostics {
  static func unreadable(_ location: SourceLocation, reason: String) -> Diagnostic {
    Diagnostic(
      id: "load.unreadable", severity: .error, location: location,
      summary: "cannot read this file: \(reason)",
      fix: "check that the file exists and that you may read it")
  }

  static func tooLarge(_ location: SourceLocation, size: Int, limit: Int) -> Diagnostic {
    Diagnostic(
      id: "load.too-large", severity: .error, location: location,
      summary: "file is \(megabytes(size)); glossary files are limited to \(megabytes(limit))",
      explanation:
        "A glossary file holds definitions written by people; a file this large is almost certainly generated or misplaced.",
      fix: "split the term's entries or remove the file from the glossary directory")
  }

  static func notUTF8(_ location: SourceLocation) -> Diagnostic {
    Diagnostic(
      id: "load.not-utf8", severity: .error, location: location,
      summary: "file is not valid UTF-8 (first bad byte here)",
      fix: "save the file as UTF-8; editors call it 'UTF-8' or 'Unicode (UTF-8)'")
  }

  static func empty(_ location: SourceLocation) -> Diagnostic {
    Diagnostic(
      id: "load.empty", severity: .error, location: location,
      summary: "file is empty",
      fix: "add at least 'definition:' and 'owner:', or run 'samepage init' for a starter glossary")
  }

  static func syntax(_ location: SourceLocation, problem: String) -> Diagnostic {
    Diagnostic(
      id: "yaml.syntax", severity: .error, location: location,
      summary: "YAML syntax error: \(problem)",
      fix: "check the indentation and quoting near this place; a ':' or '#' inside text needs quotes")
  }

  static func tooDeep(_ location: SourceLocation) -> Diagnostic {
    Diagnostic(
      id: "yaml.too-deep", severity: .error, location: location,
      summary: "values are nested too deeply to be a glossary (more than 1000 levels)",
      fix: "a glossary needs a handful of levels; look for unbalanced '[' or '{'")
  }

  static func duplicateKey(_ key: String, at location: SourceLocation, firstAt first: SourceLocation?)
    -> Diagnostic
  {
    Diagnostic(
      id: "yaml.duplicate-key", severity: .error, location: location,
      summary: "key '\(key)' appears twice in the same mapping",
      explanation: "YAML tools disagree about which of two equal keys wins, so SamePage accepts neither.",
      notes: first.map { [Diagnostic.Note(location: $0, message: "'\(key)' first appears here")] } ?? [],
      fix: "keep one '\(key)' and delete or rename the other")
  }

  static func aliasExpansion(_ location: SourceLocation) -> Diagnostic {
    Diagnostic(
      id: "yaml.alias-expansion", severity: .error, location: location,
      summary: "aliases in this file expand to too many values",
      explanation:
        "Aliases that refer to aliases multiply: ten levels of ten make ten billion values (a 'billion laughs').",
      fix: "write the values out, or use an alias only for a small shared list")
  }

  static func complexKey(_ location: SourceLocation) -> Diagnostic {
    Diagnostic(
      id: "yaml.complex-key", severity: .error, location: location,
      summary: "a mapping key must be plain text, not a list or mapping",
      fix: "use a plain name before the ':'")
  }

  private static func megabytes(_ bytes: Int) -> String {
    let value = Double(bytes) / 1_048_576
    return value >= 10 ? "\(Int(value.rounded())) MB" : "\((value * 10).rounded() / 10) MB"
  }
}

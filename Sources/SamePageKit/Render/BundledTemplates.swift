import Foundation

/// The default templates, embedded in the binary from the repository's `Templates/`: what
/// `render` and `publish` use where a team has not customised a template.
public enum BundledTemplates {
  /// How diagnostics name a bundled template's folder.
  public static let displayDirectory = "<bundled templates>"

  /// Writes the bundled set into `directory` for a team to edit (`samepage templates eject`).
  public static func write(to directory: URL, mode: EmbeddedFiles.Mode) throws -> EmbeddedFiles.Report {
    try EmbeddedFiles.write(files, to: directory, mode: mode, what: "the bundled templates")
  }
}

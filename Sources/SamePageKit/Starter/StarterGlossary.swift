import Foundation

/// The bundled starter glossary (a B2B industrial distributor), embedded in the binary.
public enum StarterGlossary {
  public typealias Failure = EmbeddedFiles.Failure

  /// The text of one of the starter's term files (or its manifest).
  public static func contents(of kind: GlossaryFileKind) -> String? {
    files.first { $0.path == kind.fileName }?.contents
  }

  /// Writes the starter glossary into `directory`, creating it if needed; see `EmbeddedFiles`.
  public static func write(to directory: URL, mode: EmbeddedFiles.Mode) throws -> EmbeddedFiles.Report {
    try EmbeddedFiles.write(files, to: directory, mode: mode, what: "the starter glossary")
  }
}

import Foundation

/// The bundled starter glossary (a B2B industrial distributor), embedded in the binary.
public enum StarterGlossary {
  public typealias Failure = EmbeddedFiles.Failure

  /// The text of one of the starter's term files (or its manifest).
  public static func contents(of kind: GlossaryFileKind) -> String? {
    files.first { $0.path == kind.fileName }?.contents
  }

  /// Writes the starter glossary into `directory`, creating it if needed.
  ///
  /// Refuses a non-empty directory unless `force`; even then it only writes its own files and
  /// deletes nothing. Each file is written to a temporary file and renamed into place.
  /// - Returns: the paths written, relative to `directory`.
  @discardableResult
  public static func write(to directory: URL, force: Bool) throws -> [String] {
    try EmbeddedFiles.write(files, to: directory, force: force, what: "the starter glossary")
  }
}

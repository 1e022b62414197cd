import Foundation

/// Writes files embedded in the binary (the starter glossary, the bundled templates) into a
/// directory the user names, without ever replacing their work by surprise.
public enum EmbeddedFiles {
  public enum Failure: Error, CustomStringConvertible {
    case notEmpty(String, [String], what: String)

    public var description: String {
      switch self {
      case .notEmpty(let directory, let names, let what):
        "\(directory) is not empty (\(names.prefix(3).joined(separator: ", "))\(names.count > 3 ? ", …" : "")); pass --force to write \(what) into it anyway"
      }
    }
  }

  /// Writes `files` into `directory`, creating it if needed.
  ///
  /// Refuses a non-empty directory unless `force`; even then it only writes its own files and
  /// deletes nothing. Each file is written to a temporary file and renamed into place.
  /// - Returns: the paths written, relative to `directory`.
  @discardableResult
  static func write(
    _ files: [(path: String, contents: String)], to directory: URL, force: Bool, what: String
  ) throws -> [String] {
    let fileManager = FileManager.default
    try fileManager.createDirectory(at: directory, withIntermediateDirectories: true)
    let existing = try fileManager.contentsOfDirectory(atPath: directory.path).filter { !$0.hasPrefix(".") }
    if !existing.isEmpty && !force {
      throw Failure.notEmpty(directory.path, existing.sorted(), what: what)
    }
    for file in files {
      try AtomicFile.write(Data(file.contents.utf8), to: directory.appendingPathComponent(file.path))
    }
    return files.map(\.path)
  }
}

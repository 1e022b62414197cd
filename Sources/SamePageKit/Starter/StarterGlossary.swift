import Foundation

/// The bundled starter glossary (a B2B industrial distributor), embedded in the binary.
public enum StarterGlossary {
  public enum Failure: Error, CustomStringConvertible {
    case notEmpty(String, [String])

    public var description: String {
      switch self {
      case .notEmpty(let directory, let names):
        "\(directory) is not empty (\(names.prefix(3).joined(separator: ", "))\(names.count > 3 ? ", …" : "")); pass --force to write the starter glossary into it anyway"
      }
    }
  }

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
    let fileManager = FileManager.default
    try fileManager.createDirectory(at: directory, withIntermediateDirectories: true)
    let existing = try fileManager.contentsOfDirectory(atPath: directory.path).filter { !$0.hasPrefix(".") }
    if !existing.isEmpty && !force {
      throw Failure.notEmpty(directory.path, existing.sorted())
    }
    for file in files {
      try AtomicFile.write(Data(file.contents.utf8), to: directory.appendingPathComponent(file.path))
    }
    return files.map(\.path)
  }
}

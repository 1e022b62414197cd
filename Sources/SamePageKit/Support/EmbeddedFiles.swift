import Foundation

/// Writes files embedded in the binary (the starter glossary, the bundled templates) into a
/// directory the user names, without ever replacing their work by surprise.
public enum EmbeddedFiles {
  public enum Failure: Error, CustomStringConvertible {
    case notEmpty(String, [String], what: String)

    public var description: String {
      switch self {
      case .notEmpty(let directory, let names, let what):
        "\(directory) is not empty (\(names.prefix(3).joined(separator: ", "))\(names.count > 3 ? ", …" : "")); pass --missing to add only the files it lacks, or --force to write \(what) into it anyway"
      }
    }
  }

  /// How to treat a directory that already holds files.
  public enum Mode: Sendable {
    /// Refuse a directory that is not empty.
    case intoEmpty
    /// Write only the files that do not exist yet; never replace one.
    case onlyMissing
    /// Write every file, replacing existing ones (and say which of those differed).
    case replace
  }

  /// What a write did, relative to the directory.
  public struct Report: Sendable {
    public var written: [String] = []
    /// Existing files that held something else and were replaced: the user's edits, gone.
    public var replacedEdited: [String] = []
    /// Existing files left alone (`onlyMissing`).
    public var kept: [String] = []
  }

  /// Writes `files` into `directory`, creating it if needed. Deletes nothing; each file is
  /// written to a temporary file and renamed into place.
  static func write(
    _ files: [(path: String, contents: String)], to directory: URL, mode: Mode, what: String
  ) throws -> Report {
    let fileManager = FileManager.default
    try fileManager.createDirectory(at: directory, withIntermediateDirectories: true)
    let existing = try fileManager.contentsOfDirectory(atPath: directory.path).filter { !$0.hasPrefix(".") }
    if !existing.isEmpty, mode == .intoEmpty {
      throw Failure.notEmpty(directory.path, existing.sorted(), what: what)
    }
    var report = Report()
    for file in files {
      let url = directory.appendingPathComponent(file.path)
      let data = Data(file.contents.utf8)
      if let current = fileManager.contents(atPath: url.path) {
        if mode == .onlyMissing {
          report.kept.append(file.path)
          continue
        }
        if current != data { report.replacedEdited.append(file.path) }
      }
      try AtomicFile.write(data, to: url)
      report.written.append(file.path)
    }
    return report
  }
}

import Foundation

/// A directory SamePage writes into alongside files it did not write (a wiki clone, a docs
/// folder). It keeps a manifest of its own files with their SHA-256, so that it can:
///
/// - leave a file alone when its content would not change (a second run changes nothing);
/// - refuse to overwrite a file edited by hand since it wrote it, or one it never wrote,
///   unless forced, naming each one;
/// - remove only its own files that are no longer produced, and only if unedited;
/// - write every file atomically (temporary file, then rename).
public struct ManagedDirectory: Sendable {
  public static let manifestName = ".samepage-manifest.json"

  public let directory: URL

  public init(directory: URL) { self.directory = directory }

  public struct Report: Sendable, Equatable {
    public var written: [String] = []
    public var unchanged: [String] = []
    public var removed: [String] = []
    /// Own files no longer produced but edited by hand: kept, and worth a warning.
    public var keptEdited: [String] = []
  }

  public enum Failure: Error, CustomStringConvertible, Equatable {
    case editedByHand([String])
    case notOurs([String])

    public var description: String {
      switch self {
      case .editedByHand(let paths):
        "refusing to overwrite \(paths.count == 1 ? "a page" : "\(paths.count) pages") edited by hand since the last run: \(paths.joined(separator: ", ")); keep your edits in the glossary or templates, or pass --force to overwrite"
      case .notOurs(let paths):
        "refusing to overwrite \(paths.joined(separator: ", ")), which SamePage did not write; move it away or pass --force"
      }
    }
  }

  private struct Manifest: Codable {
    var generator = "samepage"
    var files: [String: String]
  }

  /// Makes the directory hold exactly `files` (relative path → content) among SamePage's own
  /// files. Checks everything before writing anything, so a refusal leaves the directory as it was.
  public func synchronize(_ files: [String: Data], force: Bool = false) throws -> Report {
    let fileManager = FileManager.default
    try fileManager.createDirectory(at: directory, withIntermediateDirectories: true)
    let previous = readManifest()
    var report = Report()
    var edited: [String] = []
    var foreign: [String] = []
    var toWrite: [String] = []

    for path in files.keys.sorted() {
      let url = directory.appendingPathComponent(path)
      guard let existing = fileManager.contents(atPath: url.path) else {
        toWrite.append(path)
        continue
      }
      if existing == files[path] {
        report.unchanged.append(path)
        continue
      }
      if let recorded = previous[path] {
        if ContentHash.sha256(existing) != recorded { edited.append(path) }
      } else {
        foreign.append(path)
      }
      toWrite.append(path)
    }
    if !force {
      if !edited.isEmpty { throw Failure.editedByHand(edited) }
      if !foreign.isEmpty { throw Failure.notOurs(foreign) }
    }

    for path in toWrite {
      try AtomicFile.write(files[path]!, to: directory.appendingPathComponent(path))
      report.written.append(path)
    }
    for (path, recorded) in previous.sorted(by: { $0.key < $1.key }) where files[path] == nil {
      let url = directory.appendingPathComponent(path)
      guard let existing = fileManager.contents(atPath: url.path) else { continue }
      if ContentHash.sha256(existing) == recorded {
        try fileManager.removeItem(at: url)
        report.removed.append(path)
      } else {
        report.keptEdited.append(path)
      }
    }

    var manifest = Manifest(files: [:])
    for (path, data) in files { manifest.files[path] = ContentHash.sha256(data) }
    // Edited leftovers stay in the manifest so a later run still knows they were ours.
    for path in report.keptEdited { manifest.files[path] = previous[path] }
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    let data = try encoder.encode(manifest) + Data("\n".utf8)
    let manifestURL = directory.appendingPathComponent(Self.manifestName)
    if fileManager.contents(atPath: manifestURL.path) != data {
      try AtomicFile.write(data, to: manifestURL)
    }
    return report
  }

  private func readManifest() -> [String: String] {
    let url = directory.appendingPathComponent(Self.manifestName)
    guard let data = FileManager.default.contents(atPath: url.path),
      let manifest = try? JSONDecoder().decode(Manifest.self, from: data)
    else { return [:] }
    // Only relative paths inside the directory: a tampered manifest must not aim elsewhere.
    return manifest.files.filter { path, _ in
      !path.hasPrefix("/") && !path.split(separator: "/").contains("..")
    }
  }
}

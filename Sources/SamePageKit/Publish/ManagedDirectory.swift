import Foundation

/// A directory SamePage writes into alongside files it did not write (a wiki clone, a docs
/// folder). It keeps a manifest of its own files with their SHA-256, so that it can:
///
/// - leave a file alone when its content would not change (a second run changes nothing);
/// - refuse to overwrite a file edited by hand since it wrote it, or one it never wrote,
///   unless forced, naming each one;
/// - remove only its own files that are no longer produced, and only if unedited;
/// - write every file atomically (temporary file, then rename).
///
/// The rules that keep it safe when runs are interrupted, concurrent or pointed at links are in
/// docs/PUBLISHING.md: one run at a time (a `flock` on `.samepage.lock`), a journal of what it is
/// about to write before it writes (`.samepage-journal.json`), and no symbolic link below the
/// destination is ever followed.
public struct ManagedDirectory: Sendable {
  public static let manifestName = ".samepage-manifest.json"
  public static let journalName = ".samepage-journal.json"
  public static let lockName = ".samepage.lock"

  public let directory: URL
  /// How long a run waits for another one writing into the same directory.
  public let lockTimeout: Duration
  /// Called with the number of files renamed into place so far (0 once the journal is written);
  /// tests use it to kill the process mid-publish (`SAMEPAGE_TEST_KILL_AFTER_FILES`).
  public let afterFileWritten: (@Sendable (Int) -> Void)?

  public init(
    directory: URL, lockTimeout: Duration = .seconds(30), afterFileWritten: (@Sendable (Int) -> Void)? = nil
  ) {
    self.directory = directory
    self.lockTimeout = lockTimeout
    self.afterFileWritten = afterFileWritten
  }

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
    /// A symbolic link below the destination, at this full path.
    case symbolicLink(String)
    /// Another run holds the lock on this directory.
    case busy(directory: String, waited: Duration)

    public var description: String {
      switch self {
      case .editedByHand(let paths):
        "refusing to overwrite \(paths.count == 1 ? "a page" : "\(paths.count) pages") edited by hand since the last run: \(paths.joined(separator: ", ")); keep your edits in the glossary or templates, or pass --force to overwrite"
      case .notOurs(let paths):
        "refusing to overwrite \(paths.joined(separator: ", ")), which SamePage did not write; move it away or pass --force"
      case .symbolicLink(let path):
        "refusing to go through \(path), a symbolic link inside the destination: SamePage never reads, writes or deletes through links there; replace it with a real folder or file"
      case .busy(let directory, let waited):
        "another samepage run is writing into \(directory) (it holds \(directory)/\(ManagedDirectory.lockName)); waited \(waited.components.seconds) s, try again when it has finished"
      }
    }
  }

  private struct Manifest: Codable {
    var generator = "samepage"
    var files: [String: String]
  }

  /// What a run is about to write, recorded before it writes: every hash SamePage may have put
  /// at each path since the manifest was last written. A rerun after a crash counts those as
  /// its own, completes the run and removes the journal.
  private struct Journal: Codable {
    var generator = "samepage"
    var pending: [String: [String]]
  }

  /// Makes the directory hold exactly `files` (relative path → content) among SamePage's own
  /// files. Checks everything before writing anything, so a refusal leaves the directory as it
  /// was. `whileLocked` runs after writing, still holding the lock (the wiki commits there).
  public func synchronize(
    _ files: [String: Data], force: Bool = false, whileLocked: (Report) throws -> Void = { _ in }
  ) throws -> Report {
    for path in files.keys {
      precondition(Self.isManagedPath(path), "not a path SamePage may manage: \(path)")
    }
    let root = try DirectoryHandle.openRoot(directory.path, create: true)
    guard let lock = try root.lock(Self.lockName, timeout: lockTimeout) else {
      throw Failure.busy(directory: directory.path, waited: lockTimeout)
    }
    defer { lock.release() }
    let report = try synchronizeLocked(files, in: root, force: force)
    try whileLocked(report)
    return report
  }

  /// Every decision a run makes before it writes, from the manifest, the journal and the files.
  private struct Classification {
    var recorded: [String: String] = [:]
    var journal: [String: [String]] = [:]
    var unchanged: [String] = []
    var created: [String] = []
    var edited: [String] = []
    var foreign: [String] = []
    var toWrite: [String] = []
    var toRemove: [String] = []
    var keptEdited: [String] = []
    /// Own files recorded but no longer produced.
    var leftovers: [String] = []
  }

  /// What a run would do, for `--dry-run`: reads only, takes no lock, creates nothing.
  public struct Plan: Sendable, Equatable {
    public var create: [String] = []
    public var overwrite: [String] = []
    public var unchanged: [String] = []
    public var editedByHand: [String] = []
    public var notOurs: [String] = []
    public var remove: [String] = []
    public var keepEdited: [String] = []
  }

  public func plan(_ files: [String: Data]) throws -> Plan {
    guard FileManager.default.fileExists(atPath: directory.path) else {
      return Plan(create: files.keys.sorted())
    }
    let classified = try classify(files, in: try DirectoryHandle.openRoot(directory.path, create: false))
    let refused = Set(classified.edited + classified.foreign)
    return Plan(
      create: classified.created,
      overwrite: classified.toWrite.filter { !refused.contains($0) && !classified.created.contains($0) },
      unchanged: classified.unchanged, editedByHand: classified.edited, notOurs: classified.foreign,
      remove: classified.toRemove, keepEdited: classified.keptEdited)
  }

  private func classify(_ files: [String: Data], in root: DirectoryHandle) throws -> Classification {
    let recorded = try readManifest(root)
    let journal = try readJournal(root)
    func knownHashes(_ path: String) -> Set<String> {
      Set((recorded[path].map { [$0] } ?? []) + (journal[path] ?? []))
    }
    var report = Classification(recorded: recorded, journal: journal)
    var edited: [String] = []
    var foreign: [String] = []
    var toWrite: [String] = []
    var toRemove: [String] = []

    for path in files.keys.sorted() {
      switch try read(path, in: root) {
      case .absent:
        toWrite.append(path)
        report.created.append(path)
      case .file(let existing) where existing == files[path]:
        report.unchanged.append(path)
      case .file(let existing):
        if knownHashes(path).contains(ContentHash.sha256(existing)) {
          // Ours, unedited (possibly written by an interrupted run).
        } else if recorded[path] != nil || journal[path] != nil {
          edited.append(path)
        } else {
          foreign.append(path)
        }
        toWrite.append(path)
      case .notAFile:
        foreign.append(path)
        toWrite.append(path)
      }
    }
    let leftovers = Set(recorded.keys).union(journal.keys).subtracting(files.keys).sorted()
    for path in leftovers {
      guard case .file(let existing) = try read(path, in: root) else { continue }
      if knownHashes(path).contains(ContentHash.sha256(existing)) {
        toRemove.append(path)
      } else if recorded[path] != nil {
        report.keptEdited.append(path)
      }
    }
    report.edited = edited
    report.foreign = foreign
    report.toWrite = toWrite
    report.toRemove = toRemove
    report.leftovers = leftovers
    return report
  }

  private func synchronizeLocked(_ files: [String: Data], in root: DirectoryHandle, force: Bool) throws
    -> Report
  {
    let classified = try classify(files, in: root)
    let (recorded, journal) = (classified.recorded, classified.journal)
    let (edited, foreign) = (classified.edited, classified.foreign)
    let (toWrite, toRemove) = (classified.toWrite, classified.toRemove)
    var report = Report(unchanged: classified.unchanged, keptEdited: classified.keptEdited)
    if !force {
      if !edited.isEmpty { throw Failure.editedByHand(edited) }
      if !foreign.isEmpty { throw Failure.notOurs(foreign) }
    }

    try removeOwnTemporaryFiles(in: root, near: Set(files.keys).union(classified.leftovers))
    if !toWrite.isEmpty || !toRemove.isEmpty {
      // Record intent first: if this run dies half-way, the next one knows these are ours.
      var pending = journal
      for path in toWrite { pending[path, default: []].append(ContentHash.sha256(files[path]!)) }
      try root.writeAtomically(try Self.encode(Journal(pending: pending)), as: Self.journalName)
    }
    afterFileWritten?(0)

    // Every folder first, so a file where a folder belongs stops the run before any page changes.
    let targets = try toWrite.map { path in (path, try parent(of: path, in: root, create: true)!) }
    for (path, (folder, name)) in targets {
      try folder.writeAtomically(files[path]!, as: name)
      report.written.append(path)
      afterFileWritten?(report.written.count)
    }
    for path in toRemove {
      guard let (folder, name) = try parent(of: path, in: root, create: false) else { continue }
      try folder.remove(name)
      report.removed.append(path)
    }

    var manifest = Manifest(files: [:])
    for (path, data) in files { manifest.files[path] = ContentHash.sha256(data) }
    // Edited leftovers stay in the manifest so a later run still knows they were ours.
    for path in report.keptEdited { manifest.files[path] = recorded[path] }
    let data = try Self.encode(manifest)
    if try root.read(Self.manifestName) != .file(data) {
      try root.writeAtomically(data, as: Self.manifestName)
    }
    try root.remove(Self.journalName)
    return report
  }

  // MARK: Reading SamePage's own records

  /// The manifest's entries (path → SHA-256), only those naming a path inside the directory.
  public func recordedFiles() throws -> [String: String] {
    try readManifest(DirectoryHandle.openRoot(directory.path, create: false))
  }

  /// The manifest's entries in `data` (a manifest from elsewhere, such as the last commit).
  public static func recordedFiles(inManifest data: Data) -> [String: String] {
    ((try? JSONDecoder().decode(Manifest.self, from: data))?.files ?? [:]).filter { isManagedPath($0.key) }
  }

  /// The content at `path`, or nil when there is no file there; a link on the way is refused.
  public func contents(of path: String) throws -> Data? {
    guard Self.isManagedPath(path) else { return nil }
    guard case .file(let data) = try read(path, in: DirectoryHandle.openRoot(directory.path, create: false))
    else { return nil }
    return data
  }

  private func readManifest(_ root: DirectoryHandle) throws -> [String: String] {
    guard case .file(let data) = try root.read(Self.manifestName) else { return [:] }
    return Self.recordedFiles(inManifest: data)
  }

  private func readJournal(_ root: DirectoryHandle) throws -> [String: [String]] {
    guard case .file(let data) = try root.read(Self.journalName),
      let journal = try? JSONDecoder().decode(Journal.self, from: data)
    else { return [:] }
    return journal.pending.filter { Self.isManagedPath($0.key) }
  }

  private static func encode(_ value: some Encodable) throws -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    return try encoder.encode(value) + Data("\n".utf8)
  }

  // MARK: Paths

  /// Only relative paths that stay inside the directory, and not SamePage's own bookkeeping: a
  /// tampered manifest or journal must not aim elsewhere.
  static func isManagedPath(_ path: String) -> Bool {
    let components = path.split(separator: "/", omittingEmptySubsequences: false)
    return !path.isEmpty && !path.hasPrefix("/") && !path.contains("\0")
      && !components.contains { $0.isEmpty || $0 == "." || $0 == ".." }
      && ![manifestName, journalName, lockName].contains(path)
  }

  /// The folder holding `path` and the file's name in it, walked one component at a time
  /// without following links; nil when a folder on the way does not exist and `create` is false.
  private func parent(of path: String, in root: DirectoryHandle, create: Bool) throws -> (
    DirectoryHandle, String
  )? {
    var components = path.split(separator: "/").map(String.init)
    let name = components.removeLast()
    var folder = root
    for component in components {
      guard let next = try folder.subdirectory(component, create: create) else { return nil }
      folder = next
    }
    return (folder, name)
  }

  private func read(_ path: String, in root: DirectoryHandle) throws -> DirectoryHandle.Content {
    guard let (folder, name) = try parent(of: path, in: root, create: false) else { return .absent }
    return try folder.read(name)
  }

  /// Removes SamePage's own temporary files (`.NAME.samepage-UUID.tmp`, left by a killed run)
  /// from the folders it writes in, and nothing else. Runs under the lock, so no other run
  /// of SamePage is writing one of them at the moment.
  private func removeOwnTemporaryFiles(in root: DirectoryHandle, near paths: Set<String>) throws {
    var folders: Set<String> = [""]
    for path in paths {
      var components = path.split(separator: "/").map(String.init)
      components.removeLast()
      if !components.isEmpty { folders.insert(components.joined(separator: "/")) }
    }
    for folderPath in folders.sorted() {
      let folder: DirectoryHandle
      if folderPath.isEmpty {
        folder = root
      } else {
        guard let (parent, name) = try parent(of: folderPath, in: root, create: false),
          let opened = try parent.subdirectory(name, create: false)
        else { continue }
        folder = opened
      }
      for name in try folder.names()
      where DirectoryHandle.isOwnTemporaryFile(name) && folder.isRegularFile(name) {
        try folder.remove(name)
      }
    }
  }
}

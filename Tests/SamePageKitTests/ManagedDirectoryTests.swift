import Foundation
import SamePageKit
import Testing

@Suite struct ManagedDirectoryTests {
  let files = ["a.md": Data("A\n".utf8), "sub/b.md": Data("B\n".utf8)]

  func modificationDate(_ url: URL) throws -> Date {
    try #require(try FileManager.default.attributesOfItem(atPath: url.path)[.modificationDate] as? Date)
  }

  @Test func secondRunChangesNothing() throws {
    let directory = try TemporaryDirectory()
    let managed = ManagedDirectory(directory: directory.url)
    #expect(try managed.synchronize(files).written == ["a.md", "sub/b.md"])
    let manifest = directory.url.appendingPathComponent(ManagedDirectory.manifestName)
    let before = try [
      modificationDate(manifest), modificationDate(directory.url.appendingPathComponent("a.md")),
    ]
    Thread.sleep(forTimeInterval: 0.02)
    let second = try managed.synchronize(files)
    #expect(second.written.isEmpty && second.removed.isEmpty)
    #expect(second.unchanged == ["a.md", "sub/b.md"])
    #expect(
      try [modificationDate(manifest), modificationDate(directory.url.appendingPathComponent("a.md"))]
        == before)
  }

  @Test func handEditIsRefusedByNameUnlessForced() throws {
    let directory = try TemporaryDirectory()
    let managed = ManagedDirectory(directory: directory.url)
    _ = try managed.synchronize(files)
    try directory.write("A, edited by hand\n", to: "a.md")
    let changed = ["a.md": Data("A2\n".utf8), "sub/b.md": Data("B2\n".utf8)]
    #expect(throws: ManagedDirectory.Failure.editedByHand(["a.md"])) { try managed.synchronize(changed) }
    // Refusal writes nothing at all.
    #expect(
      try String(contentsOf: directory.url.appendingPathComponent("sub/b.md"), encoding: .utf8) == "B\n")
    #expect(try managed.synchronize(changed, force: true).written == ["a.md", "sub/b.md"])
  }

  @Test func foreignFilesAreNeitherOverwrittenNorDeleted() throws {
    let directory = try TemporaryDirectory()
    try directory.write("mine\n", to: "a.md")
    try directory.write("notes\n", to: "notes.md")
    let managed = ManagedDirectory(directory: directory.url)
    #expect(throws: ManagedDirectory.Failure.notOurs(["a.md"])) { try managed.synchronize(files) }
    _ = try managed.synchronize(["sub/b.md": Data("B\n".utf8)])
    _ = try managed.synchronize([:])
    #expect(FileManager.default.fileExists(atPath: directory.url.appendingPathComponent("notes.md").path))
    #expect(FileManager.default.fileExists(atPath: directory.url.appendingPathComponent("a.md").path))
  }

  @Test func ownFilesNoLongerProducedAreRemovedUnlessEdited() throws {
    let directory = try TemporaryDirectory()
    let managed = ManagedDirectory(directory: directory.url)
    _ = try managed.synchronize(files)
    try directory.write("edited\n", to: "a.md")
    let report = try managed.synchronize([:])
    #expect(report.removed == ["sub/b.md"])
    #expect(report.keptEdited == ["a.md"])
    #expect(FileManager.default.fileExists(atPath: directory.url.appendingPathComponent("a.md").path))
  }

  @Test func manifestCannotAimOutsideTheDirectory() throws {
    let outside = try TemporaryDirectory()
    try outside.write("precious\n", to: "victim.md")
    let directory = try TemporaryDirectory()
    // The victim's real hash: without the path check the entry would look like an unedited
    // leftover of ours, and be deleted.
    let hash = ContentHash.sha256(Data("precious\n".utf8))
    try directory.write(
      "{\"files\":{\"../\(outside.url.lastPathComponent)/victim.md\":\"\(hash)\"},\"generator\":\"samepage\"}",
      to: ManagedDirectory.manifestName)
    _ = try ManagedDirectory(directory: directory.url).synchronize([:])
    #expect(FileManager.default.fileExists(atPath: outside.url.appendingPathComponent("victim.md").path))
  }

  @Test func manifestEntryThroughASymlinkIsNeverDeleted() throws {
    let root = try TemporaryDirectory()
    let outside = root.url.appendingPathComponent("outside")
    let directory = root.url.appendingPathComponent("site")
    try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    try Data("precious\n".utf8).write(to: outside.appendingPathComponent("precious.txt"))
    try FileManager.default.createSymbolicLink(
      atPath: directory.appendingPathComponent("lnk").path, withDestinationPath: "../outside")
    let hash = ContentHash.sha256(Data("precious\n".utf8))
    try Data("{\"files\":{\"lnk/precious.txt\":\"\(hash)\"},\"generator\":\"samepage\"}".utf8).write(
      to: directory.appendingPathComponent(ManagedDirectory.manifestName))

    let managed = ManagedDirectory(directory: directory)
    #expect {
      try managed.synchronize([:])
    } throws: { error in
      "\(error)".contains("lnk") && "\(error)".contains("symbolic link")
    }
    #expect(FileManager.default.fileExists(atPath: outside.appendingPathComponent("precious.txt").path))
    // Nor written through, nor read through (an identical file there must not count as ours).
    #expect(throws: (any Error).self) { try managed.synchronize(["lnk/precious.txt": Data("new\n".utf8)]) }
    #expect(throws: (any Error).self) { try managed.synchronize(["lnk/other.txt": Data("new\n".utf8)]) }
    #expect(
      try String(contentsOf: outside.appendingPathComponent("precious.txt"), encoding: .utf8) == "precious\n")
    #expect(!FileManager.default.fileExists(atPath: outside.appendingPathComponent("other.txt").path))
  }

  @Test func symlinkedPageIsNeitherReadNorReplaced() throws {
    let directory = try TemporaryDirectory()
    let outside = try TemporaryDirectory()
    try outside.write("A\n", to: "a.md")
    try FileManager.default.createSymbolicLink(
      at: directory.url.appendingPathComponent("a.md"),
      withDestinationURL: outside.url.appendingPathComponent("a.md"))
    #expect(throws: (any Error).self) { try ManagedDirectory(directory: directory.url).synchronize(files) }
    let link = try FileManager.default.destinationOfSymbolicLink(
      atPath: directory.url.appendingPathComponent("a.md").path)
    #expect(link == outside.url.appendingPathComponent("a.md").path)
  }

  @Test func ownTemporaryLeftoversAreRemovedAndLookalikesKept() throws {
    let directory = try TemporaryDirectory()
    let managed = ManagedDirectory(directory: directory.url)
    _ = try managed.synchronize(files)
    let uuid = "0F3C1E9A-5B7D-4C2E-9A1B-3D5E7F9A1B2C"
    let leftovers = [".a.md.samepage-\(uuid).tmp", "sub/.b.md.samepage-\(uuid).tmp"]
    let lookalikes = [".a.md.samepage-draft.tmp", "notes.tmp", ".samepage-\(uuid).tmp.keep", "a.md.tmp"]
    for name in leftovers + lookalikes { try directory.write("", to: name) }
    _ = try managed.synchronize(files)
    for name in leftovers {
      #expect(
        !FileManager.default.fileExists(atPath: directory.url.appendingPathComponent(name).path), "\(name)")
    }
    for name in lookalikes {
      #expect(
        FileManager.default.fileExists(atPath: directory.url.appendingPathComponent(name).path), "\(name)")
    }
  }

  @Test func aFileWhereAFolderIsExpectedIsReportedByNameAndReason() throws {
    let directory = try TemporaryDirectory()
    try directory.write("not a folder\n", to: "sub")
    #expect {
      try ManagedDirectory(directory: directory.url).synchronize(files)
    } throws: { error in
      "\(error)" == "cannot create folder \(directory.url.path)/sub: not a directory"
    }
    #expect(!FileManager.default.fileExists(atPath: directory.url.appendingPathComponent("a.md").path))
  }

  @Test func failureMessagesNameTheFileAndTheReason() {
    #expect(
      FileSystemFailure("write", "/site/glossary.html", code: ENOSPC).description
        == "cannot write /site/glossary.html: no space left on device")
    #expect(
      FileSystemFailure("write", "/site/glossary.html", code: EROFS).description
        == "cannot write /site/glossary.html: read-only file system")
    #expect(
      FileSystemFailure("write", "/site/glossary.html", code: EACCES).description
        == "cannot write /site/glossary.html: permission denied")
  }
}

@Suite struct ManagedDirectoryLockTests {
  @Test func secondRunWaitsForTheLockThenSaysWhoHoldsIt() throws {
    let directory = try TemporaryDirectory()
    // Another process holding the lock: flock(2) locks belong to an open file, so a second open
    // in this process conflicts just as another process would.
    let lockPath = directory.url.appendingPathComponent(ManagedDirectory.lockName).path
    let holder = open(lockPath, O_RDWR | O_CREAT, 0o666)
    #expect(flock(holder, LOCK_EX) == 0)
    let managed = ManagedDirectory(directory: directory.url, lockTimeout: .milliseconds(300))
    let started = ContinuousClock.now
    #expect(throws: ManagedDirectory.Failure.busy(directory: directory.url.path, waited: .milliseconds(300)))
    {
      try managed.synchronize(["a.md": Data("A\n".utf8)])
    }
    #expect(ContinuousClock.now - started >= .milliseconds(300), "it waited before giving up")
    #expect(!FileManager.default.fileExists(atPath: directory.url.appendingPathComponent("a.md").path))

    close(holder)  // As the kernel does when the holder dies, even by kill -9.
    #expect(try managed.synchronize(["a.md": Data("A\n".utf8)]).written == ["a.md"])
    #expect(!FileManager.default.fileExists(atPath: lockPath), "the lock file goes with the run")
  }

  @Test func lockFileLeftByACrashDoesNotBlock() throws {
    let directory = try TemporaryDirectory()
    try directory.write("12345\n", to: ManagedDirectory.lockName)
    let managed = ManagedDirectory(directory: directory.url, lockTimeout: .milliseconds(100))
    #expect(try managed.synchronize(["a.md": Data("A\n".utf8)]).written == ["a.md"])
  }
}

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
}

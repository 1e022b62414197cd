import Foundation
import SamePageKit
import Testing

/// Issue 12 against the real binary: interrupted runs, concurrent runs, failed wiki commits,
/// symbolic links and unwritable destinations. Rules in docs/PUBLISHING.md.
@Suite struct PublishSafetyTests {
  static let templates = Repository.root.appendingPathComponent("Templates").path

  /// The bundled glossary with another organization name, so every page changes.
  static func renamedGlossary() throws -> GlossaryUnderTest {
    let manifest = try String(
      contentsOf: Repository.glossary.appendingPathComponent("samepage.yaml"), encoding: .utf8)
    return try GlossaryUnderTest(replacing: [
      "samepage.yaml": manifest.replacingOccurrences(
        of: "Keystone Industrial Supply", with: "Keystone Supply Cooperative")
    ])
  }

  func publish(
    _ target: String, _ directory: String, glossary: String = Repository.glossary.path,
    environment: [String: String] = [:]
  ) throws -> ProcessRunner.Result {
    try ProcessRunner.run(
      CLITests.binary,
      ["publish", "--to", target, directory, "--glossary", glossary, "--templates", Self.templates],
      environment: environment)
  }

  func temporaryFiles(in directory: URL) -> [String] {
    let names = FileManager.default.enumerator(atPath: directory.path)?.allObjects as? [String] ?? []
    return names.filter { $0.contains(".samepage-") && $0.hasSuffix(".tmp") }
  }

  /// Every file the manifest lists holds the content it records.
  func manifestMatchesDisk(_ directory: URL) throws -> Bool {
    let data = try Data(contentsOf: directory.appendingPathComponent(ManagedDirectory.manifestName))
    let manifest = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    let files = try #require(manifest["files"] as? [String: String])
    return try files.allSatisfy { path, hash in
      ContentHash.sha256(try Data(contentsOf: directory.appendingPathComponent(path))) == hash
    }
  }

  @Test(arguments: [0, 1, 7, 15])
  func publishKilledMidwayIsCompletedByTheNextRun(afterFiles: Int) throws {
    let out = try TemporaryDirectory()
    let site = out.url.appendingPathComponent("site")
    let killed = try publish(
      "site", site.path, environment: ["SAMEPAGE_TEST_KILL_AFTER_FILES": String(afterFiles)])
    #expect(killed.status == SIGKILL, "the hook kills the process: \(killed.error)")

    let changed = try Self.renamedGlossary()
    let rerun = try publish("site", site.path, glossary: changed.directory.url.path)
    #expect(rerun.status == 0, "\(rerun.error)")
    #expect(!rerun.error.contains("did not write") && !rerun.error.contains("edited by hand"))
    #expect(temporaryFiles(in: site).isEmpty)
    #expect(try manifestMatchesDisk(site))
    let index = try String(contentsOf: site.appendingPathComponent("index.html"), encoding: .utf8)
    #expect(index.contains("Keystone Supply Cooperative"))
  }

  @Test func concurrentPublishesIntoOneFolderNeverRefuseFalsely() async throws {
    let out = try TemporaryDirectory()
    let site = out.url.appendingPathComponent("site").path
    let renamed = try Self.renamedGlossary()
    let glossaries = [Repository.glossary.path, renamed.directory.url.path]
    for round in 0..<10 {
      // Two different glossaries at once: each run sees pages the other just wrote.
      let results = try await withThrowingTaskGroup(of: ProcessRunner.Result.self) { group in
        for glossary in glossaries {
          group.addTask { try publish("site", site, glossary: glossary) }
        }
        return try await group.reduce(into: []) { $0.append($1) }
      }
      for result in results {
        #expect(result.status == 0, "round \(round): \(result.error)")
      }
      #expect(try manifestMatchesDisk(URL(fileURLWithPath: site)))
    }
  }

  @Test func gitWikiRerunCommitsWhatAFailedCommitLeftBehind() throws {
    let clone = try TemporaryDirectory()
    func git(_ arguments: String...) throws -> String { try ProcessRunner.git(arguments, in: clone.url) }
    _ = try git("init", "--quiet")
    try clone.write("# Team notes\n", to: "Notes.md")
    _ = try git("add", "Notes.md")
    _ = try git("-c", "user.name=T", "-c", "user.email=t@example.com", "commit", "--quiet", "-m", "notes")

    // A stale lock, as a crashed git leaves it: the commit fails after the pages are written.
    let indexLock = clone.url.appendingPathComponent(".git/index.lock")
    try Data().write(to: indexLock)
    let failed = try publish("git-wiki", clone.url.path)
    #expect(failed.status != 0)
    #expect(failed.error.contains("index.lock"))

    try FileManager.default.removeItem(at: indexLock)
    let rerun = try publish("git-wiki", clone.url.path)
    #expect(rerun.status == 0, "\(rerun.error)")
    #expect(rerun.output.contains("committed"))
    #expect(try git("log", "--format=%s") == "Publish glossary 2.3.0 with SamePage\nnotes")
    #expect(try git("status", "--porcelain").isEmpty)
    let third = try publish("git-wiki", clone.url.path)
    #expect(third.status == 0 && !third.output.contains("committed"), "nothing left to commit")
  }

  @Test func gitWikiRerunCommitsWhatAnUnresolvedMergeStopped() throws {
    let clone = try TemporaryDirectory()
    func git(_ arguments: String...) throws -> String { try ProcessRunner.git(arguments, in: clone.url) }
    let identity = ["-c", "user.name=T", "-c", "user.email=t@example.com"]
    func commitAll(_ message: String) throws {
      _ = try ProcessRunner.git(identity + ["commit", "--quiet", "-am", message], in: clone.url)
    }
    _ = try git("init", "--quiet", "--initial-branch=main")
    try clone.write("notes\n", to: "Notes.md")
    _ = try git("add", "Notes.md")
    try commitAll("notes")
    _ = try git("checkout", "--quiet", "-b", "other")
    try clone.write("notes from other\n", to: "Notes.md")
    try commitAll("other")
    _ = try git("checkout", "--quiet", "main")
    try clone.write("notes from main\n", to: "Notes.md")
    try commitAll("main")
    #expect(throws: (any Error).self) { try ProcessRunner.git(identity + ["merge", "other"], in: clone.url) }

    let failed = try publish("git-wiki", clone.url.path)
    #expect(failed.status == 1)
    #expect(failed.error.hasPrefix("samepage publish: git failed:"), "\(failed.error)")

    // The user resolves the merge; their commit must not carry SamePage's pages off.
    try clone.write("notes, merged\n", to: "Notes.md")
    _ = try git("add", "Notes.md")
    _ = try ProcessRunner.git(identity + ["commit", "--quiet", "--no-edit"], in: clone.url)
    #expect(try git("show", "--name-only", "--format=", "HEAD") == "Notes.md")

    let rerun = try publish("git-wiki", clone.url.path)
    #expect(rerun.status == 0, "\(rerun.error)")
    #expect(rerun.output.contains("committed"))
    #expect(try git("log", "-1", "--format=%s") == "Publish glossary 2.3.0 with SamePage")
    #expect(try git("status", "--porcelain").isEmpty)
  }

  @Test func confluenceNeverWritesThroughASymlinkedPagesFolder() throws {
    let out = try TemporaryDirectory()
    let elsewhere = try TemporaryDirectory()
    let destination = out.url.appendingPathComponent("confluence")
    try FileManager.default.createDirectory(at: destination, withIntermediateDirectories: true)
    try FileManager.default.createSymbolicLink(
      at: destination.appendingPathComponent("pages"), withDestinationURL: elsewhere.url)
    let run = try publish("confluence-files", destination.path)
    #expect(run.status == 1)
    #expect(run.error.contains("pages") && run.error.contains("symbolic link"), "\(run.error)")
    #expect(try FileManager.default.contentsOfDirectory(atPath: elsewhere.url.path).isEmpty)
  }

  @Test func aFileWhereAFolderIsExpectedIsReportedInOneLine() throws {
    let out = try TemporaryDirectory()
    try out.write("not a folder\n", to: "blocker")
    let site = out.url.appendingPathComponent("blocker/site").path
    let run = try publish("site", site)
    #expect(run.status == 1)
    #expect(run.error == "samepage: cannot create folder \(site): not a directory\n", "\(run.error)")
  }

  /// tmpfs mounts need root with CAP_SYS_ADMIN; chmod does not stop root, a read-only mount does.
  static let canMount: Bool = {
    guard let point = try? TemporaryDirectory() else { return false }
    let mounted =
      (try? ProcessRunner.run(
        URL(fileURLWithPath: "/usr/bin/env"),
        ["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", point.url.path]))?
      .status == 0
    if mounted {
      _ = try? ProcessRunner.run(URL(fileURLWithPath: "/usr/bin/env"), ["umount", point.url.path])
    }
    return mounted
  }()

  /// A tmpfs mounted at a fresh folder for the body, unmounted afterwards.
  func withTmpfs(_ options: String, _ body: (URL) throws -> Void) throws {
    let point = try TemporaryDirectory()
    let env = URL(fileURLWithPath: "/usr/bin/env")
    let mount = try ProcessRunner.run(env, ["mount", "-t", "tmpfs", "-o", options, "tmpfs", point.url.path])
    try #require(mount.status == 0, "\(mount.error)")
    defer { _ = try? ProcessRunner.run(env, ["umount", point.url.path]) }
    try body(point.url)
  }

  @Test(.enabled(if: canMount)) func readOnlyFileSystemIsReportedInOneLine() throws {
    try withTmpfs("ro,size=1m") { mount in
      let run = try publish("site", mount.path)
      #expect(run.status == 1)
      #expect(run.error.hasPrefix("samepage: cannot "), "\(run.error)")
      #expect(run.error.hasSuffix(": read-only file system\n"), "\(run.error)")
      #expect(run.error.contains(mount.path))
      #expect(run.error.split(separator: "\n").count == 1)
    }
  }

  @Test(.enabled(if: canMount)) func fullDiskIsReportedInOneLineWithoutPartialFiles() throws {
    try withTmpfs("size=24k") { mount in
      let run = try publish("site", mount.path)
      #expect(run.status == 1)
      #expect(run.error.hasPrefix("samepage: cannot write \(mount.path)/"), "\(run.error)")
      #expect(run.error.hasSuffix(": no space left on device\n"), "\(run.error)")
      #expect(run.error.split(separator: "\n").count == 1)
      #expect(temporaryFiles(in: mount).isEmpty)
    }
  }
}

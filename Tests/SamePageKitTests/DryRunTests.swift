import Foundation
import SamePageKit
import Testing

/// `publish --dry-run` into folders: the plan, line by line, and nothing written.
@Suite struct DryRunTests {
  func samepage(_ arguments: String...) throws -> ProcessRunner.Result {
    try ProcessRunner.run(CLITests.binary, arguments)
  }

  @Test func aDryRunIntoAMissingFolderListsEveryFileAndCreatesNothing() throws {
    let work = try TemporaryDirectory()
    let out = work.path("site")
    let run = try samepage(
      "publish", "--to", "site", out, "--glossary", Repository.glossary.path, "--dry-run")
    #expect(run.status == 0, "\(run.error)")
    #expect(run.output.contains("would create \(out)/sla.html\n"))
    #expect(run.output.split(separator: "\n").allSatisfy { $0.hasPrefix("would create ") })
    #expect(!FileManager.default.fileExists(atPath: out))
  }

  @Test func aDryRunNamesHandEditsAndLeftoversAndExitsOneWhereTheRunWouldRefuse() throws {
    let work = try TemporaryDirectory()
    let out = work.path("files")
    #expect(
      try samepage("publish", "--to", "confluence-files", out, "--glossary", Repository.glossary.path).status
        == 0)
    try Data("edited\n".utf8).write(to: URL(fileURLWithPath: out + "/pages/sla.xhtml"))
    try Data("mine\n".utf8).write(to: URL(fileURLWithPath: out + "/pages/glossary.xhtml"))
    let manifestBefore = try Data(contentsOf: URL(fileURLWithPath: out + "/.samepage-manifest.json"))

    let run = try samepage(
      "publish", "--to", "confluence-files", out, "--glossary", Repository.glossary.path, "--dry-run")
    #expect(run.status == 1)
    #expect(run.output.contains("would refuse \(out)/pages/sla.xhtml (edited by hand since the last run)"))
    #expect(run.output.contains("would leave \(out)/pages/lifecycle-stages.xhtml unchanged"))
    let forced = try samepage(
      "publish", "--to", "confluence-files", out, "--glossary", Repository.glossary.path, "--dry-run",
      "--force")
    #expect(forced.status == 0)
    #expect(forced.output.contains("would overwrite \(out)/pages/sla.xhtml (edited by hand; --force)"))
    #expect(try String(contentsOfFile: out + "/pages/sla.xhtml", encoding: .utf8) == "edited\n")
    #expect(try Data(contentsOf: URL(fileURLWithPath: out + "/.samepage-manifest.json")) == manifestBefore)
  }

  @Test func aDryRunIntoAGitWikiSaysItWouldCommitAndCommitsNothing() throws {
    let clone = try TemporaryDirectory()
    try ProcessRunner.git(["init", "--quiet"], in: clone.url)
    let run = try samepage(
      "publish", "--to", "git-wiki", clone.url.path, "--glossary", Repository.glossary.path, "--dry-run")
    #expect(run.status == 0, "\(run.error)")
    #expect(run.output.contains("would create \(clone.url.path)/Home.md"))
    #expect(run.output.hasSuffix("would commit the changed pages in \(clone.url.path)\n"))
    #expect(try FileManager.default.contentsOfDirectory(atPath: clone.url.path) == [".git"])
  }
}

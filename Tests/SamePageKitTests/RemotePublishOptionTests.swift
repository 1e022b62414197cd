import Foundation
import SamePageKit
import Testing

/// How `publish --to mediawiki|confluence` answers a wrong call before it talks to any server.
@Suite struct RemotePublishOptionTests {
  func samepage(_ arguments: String..., environment: [String: String] = [:]) throws -> ProcessRunner.Result {
    try ProcessRunner.run(CLITests.binary, arguments, environment: environment)
  }

  @Test func confluenceWithADirectoryPointsToTheFilesTarget() throws {
    let run = try samepage(
      "publish", "--to", "confluence", "out", "--url", "https://example.invalid", "--space", "KIS")
    #expect(run.status == 2)
    #expect(run.error.contains("for storage-format files use --to confluence-files DIR"), "\(run.error)")
  }

  @Test func parentTitleAndParentIDTogetherAreAUsageError() throws {
    let run = try samepage(
      "publish", "--to", "confluence", "--url", "https://example.invalid", "--space", "KIS", "--parent",
      "Home",
      "--parent-id", "123")
    #expect(run.status == 2)
    #expect(run.error.contains("--parent and --parent-id cannot be used together"))
  }

  @Test func mediaWikiNeedsTheAPIAndAUser() throws {
    let run = try samepage("publish", "--to", "mediawiki", "--user", "Bot@samepage")
    #expect(run.status == 2)
    #expect(run.error.contains("--to mediawiki needs --api URL and --user NAME@APPID"))
  }

  @Test func aMissingSecretNamesTheVariableAndNeverAsksForItOnTheCommandLine() throws {
    let run = try samepage(
      "publish", "--to", "mediawiki", "--api", "http://127.0.0.1:9/api.php", "--user", "Bot@samepage",
      "--glossary",
      Repository.glossary.path, environment: ["SAMEPAGE_MEDIAWIKI_PASSWORD": ""])
    #expect(run.status == 2)
    #expect(
      run.error
        == "samepage publish: set SAMEPAGE_MEDIAWIKI_PASSWORD to the bot password of Bot@samepage (it is read from the environment only, never from the command line)\n"
    )
    let confluence = try samepage(
      "publish", "--to", "confluence", "--url", "http://127.0.0.1:9", "--space", "KIS", "--glossary",
      Repository.glossary.path, environment: ["SAMEPAGE_CONFLUENCE_TOKEN": ""])
    #expect(confluence.status == 2)
    #expect(confluence.error.contains("SAMEPAGE_CONFLUENCE_TOKEN"))
  }

  @Test func anUnreachableWikiIsOneLine() throws {
    // Port 9 (discard) is closed on this machine: the connection is refused at once.
    let run = try samepage(
      "publish", "--to", "mediawiki", "--api", "http://127.0.0.1:9/api.php", "--user", "Bot@samepage",
      "--glossary",
      Repository.glossary.path, "--state",
      FileManager.default.temporaryDirectory.appendingPathComponent(
        "samepage-unreachable-\(UUID().uuidString).json"
      ).path, environment: ["SAMEPAGE_MEDIAWIKI_PASSWORD": "secret-value"])
    #expect(run.status == 1)
    #expect(
      run.error.hasPrefix("samepage: cannot log in to http://127.0.0.1:9/api.php as Bot@samepage: "),
      "\(run.error)")
    #expect(run.error.split(separator: "\n").count == 1)
    #expect(!run.error.contains("secret-value"))
  }

  @Test func aTitlePrefixThatCannotBeATitleIsRefused() throws {
    let run = try samepage(
      "publish", "--to", "mediawiki", "--api", "http://127.0.0.1:9/api.php", "--user", "Bot@samepage",
      "--glossary",
      Repository.glossary.path, "--title-prefix", "Acme|Sales",
      environment: ["SAMEPAGE_MEDIAWIKI_PASSWORD": "x"])
    #expect(run.status == 2)
    #expect(run.error.contains("the title prefix 'Acme|Sales' contains '|'"), "\(run.error)")
    #expect(throws: RemoteFailure.self) { try WikiTitles(prefix: "Acme [Sales]") }
    #expect(throws: RemoteFailure.self) { try WikiTitles(prefix: "Help:Sales") }
    #expect(throws: RemoteFailure.self) { try WikiTitles(prefix: "  ") }
    #expect(try WikiTitles(prefix: "acme  sales").prefix == "Acme sales")
  }
}

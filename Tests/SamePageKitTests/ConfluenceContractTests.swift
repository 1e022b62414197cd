import Foundation
import SamePageKit
import Testing

/// Contract tests: `samepage publish --to confluence` against ConfluenceContractServer, a double
/// of the documented REST endpoints (no Confluence server can run here). They show SamePage keeps
/// the contract as documented: right endpoints, version numbers, labels, properties, and that it
/// reads Confluence's error bodies. They cannot show that a real Confluence behaves as its
/// documentation says; docs/PUBLISHING.md lists what was verified against documentation only.
@Suite struct ConfluenceContractTests {
  static let token = "contract-test-token-0123456789"
  let server: ConfluenceContractServer
  let titles: WikiTitles

  init() throws {
    server = try ConfluenceContractServer(authorization: "Bearer \(Self.token)")
    titles = try WikiTitles(prefix: "Acme")
  }

  /// The CLI with the token in the environment only.
  func samepage(_ arguments: String..., token: String = Self.token) throws -> ProcessRunner.Result {
    try ProcessRunner.run(CLITests.binary, arguments, environment: ["SAMEPAGE_CONFLUENCE_TOKEN": token])
  }

  func publish(_ extra: String..., glossary: URL = Repository.glossary) throws -> ProcessRunner.Result {
    try ProcessRunner.run(
      CLITests.binary,
      [
        "publish", "--to", "confluence", "--url", server.baseURL, "--space", "KIS", "--title-prefix", "Acme",
        "--glossary", glossary.path,
      ] + extra, environment: ["SAMEPAGE_CONFLUENCE_TOKEN": Self.token])
  }

  var writes: [String] { server.requests.filter { !$0.hasPrefix("GET ") } }

  @Test func publishCreatesTheTreeUnderTheParentWithLabelsAndARecordAndARerunWritesNothing() throws {
    defer { server.stop() }
    let parentID = server.createByHand(title: "Revenue Operations")
    let run = try samepage(
      "publish", "--to", "confluence", "--url", server.baseURL, "--space", "KIS", "--parent",
      "Revenue Operations",
      "--title-prefix", "Acme", "--glossary", Repository.glossary.path)
    #expect(run.status == 0, "\(run.error)")
    #expect(run.output == "created 13, updated 0, unchanged 0 pages on \(server.baseURL)\n")
    #expect(!run.output.contains(Self.token) && !run.error.contains(Self.token))

    let home = try #require(server.page(titled: "Acme – Sales and marketing agreement"))
    #expect(home.ancestors == [parentID])
    for page in DocumentRenderer.pages where page != .home {
      let content = try #require(server.page(titled: titles.title(page)), "\(titles.title(page))")
      #expect(content.ancestors == [home.id], "\(content.title) hangs under the home page")
      #expect(content.labels.contains("samepage") && content.labels.contains("sales-marketing-agreement"))
      #expect(content.version == 1)
      let record = try #require(content.properties["samepage"]?.value as? [String: Any])
      #expect(record["pageVersion"] as? Int == 1)
      #expect(record["storedSHA256"] as? String == ContentHash.sha256(Data(content.body.utf8)))
    }
    let lifecycle = try #require(server.page(titled: "Acme glossary – Lifecycle stages"))
    #expect(lifecycle.labels.contains("lifecycle-stages"))
    #expect(
      lifecycle.body.contains(
        "<ac:structured-macro ac:name=\"anchor\"><ac:parameter ac:name=\"\">mql</ac:parameter>"))
    #expect(
      lifecycle.body.contains(
        "<ac:link ac:anchor=\"status-new\"><ri:page ri:content-title=\"Acme glossary – Lead statuses\" />"))

    let sla = try #require(server.page(titled: "Acme – Service level agreement"))
    #expect(
      sla.body.contains("<table>") && sla.body.contains("<th>") && sla.body.contains("Exclusion"),
      "tables are storage-format tables")

    server.clearRequests()
    let again = try publish()
    #expect(again.status == 0, "\(again.error)")
    #expect(again.output.hasPrefix("created 0, updated 0, unchanged 13 pages"))
    #expect(writes.isEmpty, "a second publish wrote: \(writes)")
  }

  @Test func anInjectedDefinitionIsTextInTheStorageFormat() throws {
    defer { server.stop() }
    let hostile = "{{SomeTemplate}} [[Category:X]] <script>alert(1)</script> ]]>"
    let text = try String(
      contentsOf: Repository.glossary.appendingPathComponent("lead-types.yaml"), encoding: .utf8
    )
    .replacingOccurrences(
      of: "definition: A prospect or customer asking about maintenance contracts or repairs.",
      with: "definition: '\(hostile)'")
    let glossary = try GlossaryUnderTest(replacing: ["lead-types.yaml": text])
    let run = try publish(glossary: glossary.directory.url)
    #expect(run.status == 0, "\(run.error)")
    let body = try #require(server.page(titled: "Acme glossary – Lead types")).body
    #expect(
      body.contains("{{SomeTemplate}} [[Category:X]] &lt;script&gt;alert(1)&lt;/script&gt; ]]&gt;"), "\(body)"
    )
    #expect(!body.contains("<script"))
    #expect(!body.contains("]]>"), "a CDATA end would break a macro body")
  }

  @Test func aHandEditIsRefusedAndForceOverwritesItWithTheNextVersion() throws {
    defer { server.stop() }
    #expect(try publish().status == 0)
    server.editByHand(title: "Acme glossary – Lead types", body: "<p>Our own words.</p>")
    server.clearRequests()

    let refused = try publish()
    #expect(refused.status == 1)
    #expect(
      refused.error.contains("refusing to overwrite a page edited by hand")
        && refused.error.contains("'Acme glossary – Lead types'"), "\(refused.error)")
    #expect(writes.isEmpty, "a refused publish wrote: \(writes)")

    let dryRun = try publish("--dry-run")
    #expect(dryRun.status == 1)
    #expect(
      dryRun.output.contains(
        "would refuse 'Acme glossary – Lead types' (edited by hand since the last publish)"))
    #expect(dryRun.output.contains("would leave 'Acme glossary' unchanged"))
    #expect(writes.isEmpty)

    let forced = try publish("--force")
    #expect(forced.status == 0, "\(forced.error)")
    #expect(forced.output.hasPrefix("created 0, updated 1, unchanged 12 pages"))
    let page = try #require(server.page(titled: "Acme glossary – Lead types"))
    #expect(page.version == 3)
    #expect(!page.body.contains("Our own words."))
    #expect(page.properties["samepage"]?.version == 2)
    #expect((page.properties["samepage"]?.value as? [String: Any])?["pageVersion"] as? Int == 3)
    #expect(try publish().output.hasPrefix("created 0, updated 0, unchanged 13 pages"))
  }

  @Test func aVersionConflictIsRefusedWithConfluencesMessage() throws {
    defer { server.stop() }
    #expect(try publish().status == 0)
    let text = try String(
      contentsOf: Repository.glossary.appendingPathComponent("lead-types.yaml"), encoding: .utf8
    )
    .replacingOccurrences(of: "asking about maintenance contracts", with: "asking about service contracts")
    let glossary = try GlossaryUnderTest(replacing: ["lead-types.yaml": text])
    server.raceNextUpdate(of: "Acme glossary – Lead types")
    let run = try publish(glossary: glossary.directory.url)
    #expect(run.status == 1)
    #expect(
      run.error.hasPrefix(
        "samepage: cannot update 'Acme glossary – Lead types' on \(server.baseURL): HTTP 409: Version must be incremented on update. Current version is: 2"
      ), "\(run.error)")
    #expect(run.error.split(separator: "\n").count == 1)
    #expect(
      try #require(server.page(titled: "Acme glossary – Lead types")).body.contains("Saved by someone else"))
    // The next run sees the other save as a hand edit.
    #expect(try publish(glossary: glossary.directory.url).error.contains("edited by hand"))
  }

  @Test func aPageSamePageDidNotCreateIsNeverTouchedEvenWithForce() throws {
    defer { server.stop() }
    server.createByHand(title: "Acme – Service level agreement", body: "<p>The team's SLA.</p>")
    for extra in [[], ["--force"]] {
      let run = try ProcessRunner.run(
        CLITests.binary,
        [
          "publish", "--to", "confluence", "--url", server.baseURL, "--space", "KIS", "--title-prefix",
          "Acme",
          "--glossary", Repository.glossary.path,
        ] + extra, environment: ["SAMEPAGE_CONFLUENCE_TOKEN": Self.token])
      #expect(run.status == 1)
      #expect(run.error.contains("refusing to touch 'Acme – Service level agreement'"), "\(run.error)")
    }
    #expect(server.pages.count == 1, "nothing was created")
    #expect(writes.isEmpty)
  }

  @Test func theParentCanBeGivenByIDAndAMissingParentTitleIsOneLine() throws {
    defer { server.stop() }
    let parentID = server.createByHand(title: "Team space home")
    let missing = try publish("--parent", "No such page")
    #expect(missing.status == 1)
    #expect(
      missing.error.contains("cannot publish under 'No such page': no page with that title in space KIS"))
    #expect(writes.isEmpty)

    let run = try samepage(
      "publish", "--to", "confluence", "--url", server.baseURL, "--space", "KIS", "--parent-id", parentID,
      "--title-prefix", "Acme", "--glossary", Repository.glossary.path)
    #expect(run.status == 0, "\(run.error)")
    #expect(server.page(titled: "Acme – Sales and marketing agreement")?.ancestors == [parentID])
  }

  @Test func aRejectedTokenIsOneLineWithoutTheToken() throws {
    defer { server.stop() }
    let run = try samepage(
      "publish", "--to", "confluence", "--url", server.baseURL, "--space", "KIS", "--glossary",
      Repository.glossary.path, token: "wrong-token-abcdef")
    #expect(run.status == 1)
    #expect(
      run.error.contains("HTTP 401: This request requires authentication. (check SAMEPAGE_CONFLUENCE_TOKEN"),
      "\(run.error)")
    #expect(!run.error.contains("wrong-token"))
    #expect(run.error.split(separator: "\n").count == 1)
  }

  @Test func cloudSendsTheEmailAndAPITokenAsBasicAuthentication() throws {
    let cloud = try ConfluenceContractServer(
      authorization: "Basic " + Data("ops@example.com:\(Self.token)".utf8).base64EncodedString())
    defer {
      cloud.stop()
      server.stop()
    }
    let run = try samepage(
      "publish", "--to", "confluence", "--url", cloud.baseURL + "/", "--space", "KIS", "--user",
      "ops@example.com",
      "--glossary", Repository.glossary.path, "--dry-run")
    #expect(run.status == 0, "\(run.error)")
    // Without --title-prefix, titles start with the glossary's organisation.
    #expect(run.output.contains("would create 'Keystone Industrial Supply – Service level agreement'"))
    #expect(run.output.split(separator: "\n").count == 13)
    #expect(cloud.pages.isEmpty)
  }
}

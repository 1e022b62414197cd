import Foundation
import SamePageKit
import Testing

/// Sign-off as a team lives it: nobody has signed, one party signs, both sign, someone edits a
/// term afterwards. The rendered SLA and `check --require-signed` must agree at every step.
@Suite struct SignOffTests {
  func samepage(_ arguments: String..., in folder: URL) throws -> ProcessRunner.Result {
    try ProcessRunner.run(CLITests.binary, arguments, currentDirectory: folder)
  }

  func renderedSLA(in folder: URL) throws -> String {
    let render = try samepage("render", "--out", "out", "--format", "markdown", in: folder)
    try #require(render.status == 0, "\(render.output) \(render.error)")
    return try String(contentsOf: folder.appendingPathComponent("out/sla.md"), encoding: .utf8)
  }

  @Test func theSLAIsADraftUntilBothPartiesSignThisContent() throws {
    let folder = try TemporaryDirectory()
    #expect(try samepage("init", in: folder.url).status == 0)

    // Nobody has signed: a draft; check is quiet, but the release branch's check fails.
    #expect(try renderedSLA(in: folder.url).contains("**DRAFT — not signed.**"))
    let quiet = try samepage("check", "--strict", in: folder.url)
    #expect(quiet.status == 0 && !quiet.output.contains("sla.signed-off"), "\(quiet.output)")
    let required = try samepage("check", "--require-signed", in: folder.url)
    #expect(required.status == 1)
    #expect(required.output.contains("error: marketing has not signed this agreement (version 2.3.0)"))
    #expect(required.output.contains("error: sales has not signed this agreement (version 2.3.0)"))

    // Marketing signs on a given date: still a draft, and check names who is missing.
    let marketing = try samepage("sign", "--party", "marketing", "--date", "2026-09-28", in: folder.url)
    #expect(marketing.status == 0, "\(marketing.error)")
    #expect(marketing.output.contains("sales has not signed it yet; the SLA stays a draft"))
    let oneSigned = try samepage("check", in: folder.url)
    #expect(oneSigned.status == 0)
    #expect(oneSigned.output.contains("note: sales has not signed this agreement"))
    #expect(!oneSigned.output.contains("marketing has not signed"))
    var sla = try renderedSLA(in: folder.url)
    #expect(sla.contains("**DRAFT — not signed.**"))
    #expect(sla.contains("Signed on September 28, 2026 (version 2.3.0)"))

    // Signing twice writes nothing new.
    let signatures = folder.url.appendingPathComponent("Glossary/signatures.yaml")
    let before = try String(contentsOf: signatures, encoding: .utf8)
    let again = try samepage("sign", "--party", "marketing", in: folder.url)
    #expect(again.status == 0 && again.output.contains("already signed this content"))
    #expect(try String(contentsOf: signatures, encoding: .utf8) == before)

    // Sales signs: no longer a draft, both signatures shown with their dates.
    #expect(try samepage("sign", "--party", "sales", "--date", "2026-09-30", in: folder.url).status == 0)
    #expect(try samepage("check", "--require-signed", "--strict", in: folder.url).status == 0)
    sla = try renderedSLA(in: folder.url)
    #expect(!sla.contains("DRAFT"))
    #expect(sla.contains("Signed on September 30, 2026 (version 2.3.0)"))
    #expect(!sla.contains("Signature: \\_"))

    // An edit after signing: both signatures stale, the draft mark is back.
    let slaFile = folder.url.appendingPathComponent("Glossary/sla.yaml")
    let text = try String(contentsOf: slaFile, encoding: .utf8)
    try text.replacingOccurrences(of: "quantity: 120", with: "quantity: 150").write(
      to: slaFile, atomically: true, encoding: .utf8)
    let stale = try samepage("check", "--require-signed", in: folder.url)
    #expect(stale.status == 1)
    #expect(
      stale.output.contains(
        "Glossary/signatures.yaml:6:5: error: Dana Whitfield signed for marketing on 2026-09-28 (version 2.3.0), but the agreement has changed since"
      ), "\(stale.output)")
    #expect(try renderedSLA(in: folder.url).contains("**DRAFT — not signed.**"))
  }

  @Test func onlyThePartysSignatoryCanSignAndTheDateMustBeReal() throws {
    let folder = try TemporaryDirectory()
    #expect(try samepage("init", in: folder.url).status == 0)
    let stranger = try samepage("sign", "--party", "sales", "--name", "Pat Doe", in: folder.url)
    #expect(stranger.status == 1)
    #expect(stranger.error.contains("sla.yaml names Marcus Oyelaran as the signatory for sales, not Pat Doe"))
    let badDate = try samepage("sign", "--party", "sales", "--date", "2026-02-30", in: folder.url)
    #expect(badDate.status == 2)
    #expect(badDate.error.contains("--date '2026-02-30' is not a real date"))
    #expect(
      !FileManager.default.fileExists(
        atPath: folder.url.appendingPathComponent("Glossary/signatures.yaml").path))

    // Name and title as the signatory writes them, from another folder with --glossary.
    let signed = try samepage(
      "sign", "--glossary", folder.url.appendingPathComponent("Glossary").path, "--party", "sales",
      "--name", "Marcus Oyelaran", "--title", "Chief Revenue Officer: Americas",
      in: URL(fileURLWithPath: "/tmp"))
    #expect(signed.status == 0, "\(signed.error)")
    let record = try String(
      contentsOf: folder.url.appendingPathComponent("Glossary/signatures.yaml"), encoding: .utf8)
    #expect(record.contains(#"title: "Chief Revenue Officer: Americas""#))
  }

  @Test func aSignatureRecordsTheSameHashTheScoringConfigCarries() throws {
    let folder = try TemporaryDirectory()
    #expect(try samepage("init", in: folder.url).status == 0)
    #expect(try samepage("sign", "--party", "marketing", in: folder.url).status == 0)
    #expect(try samepage("emit-config", "--out", "config.json", in: folder.url).status == 0)
    let config =
      try JSONSerialization.jsonObject(
        with: Data(contentsOf: folder.url.appendingPathComponent("config.json"))) as? [String: Any]
    let hash = try #require(config?["glossaryHash"] as? String)
    let record = try String(
      contentsOf: folder.url.appendingPathComponent("Glossary/signatures.yaml"), encoding: .utf8)
    #expect(record.contains("content: \"\(hash)\""))
  }
}

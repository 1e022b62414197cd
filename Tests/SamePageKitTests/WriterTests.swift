import Foundation
import SamePageKit
import Testing

@Suite struct WriterTests {
  let diagnostic = Diagnostic(
    id: "status.stage-exists", severity: .error,
    location: SourceLocation(file: "Glossary/lead-statuses.yaml", line: 14, column: 13),
    summary: "lead status 'returned-not-ready' maps to unknown lifecycle stage 'sqll'",
    notes: [
      .init(
        location: SourceLocation(file: "Glossary/lifecycle-stages.yaml", line: 9, column: 7),
        message: "did you mean 'sql'?")
    ],
    fix: "change it to 'sql'")

  @Test func textLooksLikeACompilerDiagnostic() {
    let text = TextDiagnosticWriter(colored: false, filesChecked: 11).write([diagnostic])
    #expect(
      text == """
        Glossary/lead-statuses.yaml:14:13: error: lead status 'returned-not-ready' maps to unknown lifecycle stage 'sqll' [status.stage-exists]
        Glossary/lifecycle-stages.yaml:9:7: note: did you mean 'sql'?
          fix: change it to 'sql'
        1 error, 0 warnings in 11 files

        """)
  }

  @Test func colourIsOnlyAddedWhenAskedFor() {
    #expect(TextDiagnosticWriter(colored: true).write([diagnostic]).contains("\u{1B}["))
    #expect(!TextDiagnosticWriter(colored: false).write([diagnostic]).contains("\u{1B}"))
  }

  @Test func githubAnnotationsEscapeTheirProperties() {
    let tricky = Diagnostic(
      id: "x.y", severity: .warning, location: SourceLocation(file: "a,b:c.yaml", line: 3, column: 5),
      summary: "50% done\nsecond line")
    #expect(
      GitHubDiagnosticWriter().write([tricky])
        == "::warning file=a%2Cb%3Ac.yaml,line=3,col=5,title=x.y::50%25 done%0Asecond line\n")
  }

  @Test func jsonRoundTrips() throws {
    let json = JSONDiagnosticWriter().write([diagnostic])
    struct Report: Decodable {
      var diagnostics: [Diagnostic]
      var errors: Int
      var warnings: Int
    }
    let report = try JSONDecoder().decode(Report.self, from: Data(json.utf8))
    #expect(report.diagnostics == [diagnostic])
    #expect(report.errors == 1 && report.warnings == 0)
  }

  @Test func sarifHasTheRequiredShapeAndResolvableRules() throws {
    let text = SARIFDiagnosticWriter(rules: RuleCatalogue.descriptions, toolVersion: "1.0").write([diagnostic]
    )
    let log = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    #expect(log["version"] as? String == "2.1.0")
    let run = try #require((log["runs"] as? [[String: Any]])?.first)
    let rules = try #require(
      ((run["tool"] as? [String: Any])?["driver"] as? [String: Any])?["rules"] as? [[String: Any]])
    let result = try #require((run["results"] as? [[String: Any]])?.first)
    let index = try #require(result["ruleIndex"] as? Int)
    #expect(rules[index]["id"] as? String == "status.stage-exists")
    let location = try #require(
      (result["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])
    #expect(
      (location["artifactLocation"] as? [String: Any])?["uri"] as? String == "Glossary/lead-statuses.yaml")
    #expect((location["region"] as? [String: Any])?["startLine"] as? Int == 14)
    #expect((result["relatedLocations"] as? [[String: Any]])?.count == 1)
  }
}

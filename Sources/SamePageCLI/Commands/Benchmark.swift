import ArgumentParser
import Foundation
import SamePageKit

/// `samepage benchmark`: figures for check, render and HTML on a generated glossary, and the
/// ratio of SamePage's HTML stage to the Debian `cmark` command on the same Markdown.
/// Build with `-c release`; timings on a shared machine vary, so it reports medians.
struct Benchmark: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Time check, render and HTML on a generated glossary; compare with the cmark command.")

  @Option(help: "How many entries to generate (statuses, personas, segments, deal stages, lead types).")
  var entries = 10_000

  @Option(help: "How many timed runs of each stage; the median is reported.")
  var runs = 5

  @Option(help: "A folder of Mustache templates over the bundled ones (default: ./Templates when it exists).")
  var templates: String?

  @Option(help: "The cmark command to compare with.")
  var cmark = "/usr/bin/cmark"

  func run() throws {
    let scratch = FileManager.default.temporaryDirectory.appendingPathComponent(
      "samepage-bench-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: scratch) }
    let glossaryURL = scratch.appendingPathComponent("Glossary")
    let bytes = try BenchmarkGlossary.write(entries: entries, to: glossaryURL)
    print("glossary: \(entries) generated entries, \(bytes / 1024) KB of YAML in 11 files")

    var check: GlossaryCheck!
    let checkTimes = try measure(runs) {
      check = GlossaryCheck(directory: glossaryURL, displayDirectory: "Glossary")
    }
    guard let glossary = check.validGlossary else {
      throw ValidationError(
        "the generated glossary has errors: \(check.diagnostics.prefix(3).map(\.summary))")
    }
    let templateSet = try RenderPipeline.templates(templates)
    let renderer = DocumentRenderer(templates: templateSet)
    var pages: [RenderedPage] = []
    let renderTimes = try measure(runs) { pages = renderer.render(glossary).pages }

    // The HTML stage alone, on one Markdown file holding every page, in-process and with cmark.
    let markdown = pages.map(\.markdown).joined(separator: "\n")
    let markdownURL = scratch.appendingPathComponent("all.md")
    try Data(markdown.utf8).write(to: markdownURL)
    var htmlBytes = 0
    let htmlTimes = try measure(runs) {
      let document = CommonMarkDocument(markdown: markdown)
      document.sanitize(rewriteLink: { $0 })
      htmlBytes = document.renderHTML().utf8.count
    }
    let cmarkTimes = try measure(runs) { try runCmark(markdownURL) }
    let unsanitizedTimes = try measure(runs) { _ = CommonMarkDocument(markdown: markdown).renderHTML() }

    let megabytes = Double(markdown.utf8.count) / 1_048_576
    print(
      "markdown: \(String(format: "%.1f", megabytes)) MB in \(pages.count) pages; HTML \(htmlBytes / 1024) KB"
    )
    func line(_ name: String, _ seconds: Double, _ note: String = "") {
      print(
        name.padding(toLength: 34, withPad: " ", startingAt: 0) + String(format: "%8.1f ms", seconds * 1000)
          + note)
    }
    let (checkTime, renderTime, htmlTime, cmarkTime) = (
      median(checkTimes), median(renderTimes), median(htmlTimes), median(cmarkTimes)
    )
    line("check (load, resolve, \(RuleCatalogue.ruleTypes.count) rules)", checkTime)
    line("render (templates + libcmark HTML)", renderTime)
    line("check + render + HTML", checkTime + renderTime)
    line("HTML stage alone, in-process", htmlTime, String(format: "   %.1f MB/s", megabytes / htmlTime))
    line("  of which libcmark parse + render", median(unsanitizedTimes))
    line("cmark command, same Markdown", cmarkTime, String(format: "   %.1f MB/s", megabytes / cmarkTime))
    print(String(format: "ratio HTML stage / cmark command: %.2f", htmlTime / cmarkTime))
    print(
      String(format: "ratio check+render+HTML / cmark command: %.1f", (checkTime + renderTime) / cmarkTime))
    print("(median of \(runs) runs each)")
  }

  private func measure(_ runs: Int, _ body: () throws -> Void) throws -> [Double] {
    let clock = ContinuousClock()
    return try (0..<max(runs, 1)).map { _ in
      let duration = try clock.measure(body)
      return Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
  }

  private func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }

  private func runCmark(_ input: URL) throws {
    // Its output is captured like any command's: reading the HTML is part of the cost.
    let result = try ProcessRunner.run(URL(fileURLWithPath: cmark), [input.path])
    guard result.status == 0 else { throw ValidationError("\(cmark) failed: \(result.error)") }
  }
}

/// A valid glossary with many entries: the starter plus generated lead statuses, personas,
/// ICP segments, deal stages (in pipelines of ten) and lead types, in equal shares.
enum BenchmarkGlossary {
  static func write(entries: Int, to directory: URL) throws -> Int {
    _ = try StarterGlossary.write(to: directory, mode: .intoEmpty)
    let share = max(entries / 5, 10)
    func append(_ file: String, _ text: String) throws {
      let url = directory.appendingPathComponent(file)
      let handle = try FileHandle(forWritingTo: url)
      try handle.seekToEnd()
      try handle.write(contentsOf: Data(text.utf8))
      try handle.close()
    }
    func prose(_ index: Int) -> String {
      "Generated entry \(index) for the benchmark: a **definition** with a [link](glossary.md#mql) and *emphasis*, long enough to look like real prose that both teams wrote and agreed on."
    }
    let stages = ["mql", "sal", "sql"]
    var text = ""
    for index in 0..<share {
      text += """
          - id: gen-status-\(index)
            label: Generated status \(index)
            stage: \(stages[index % 3])
            category: working
            synonyms: [alias \(index)]
            definition: "\(prose(index))"

        """
    }
    try append("lead-statuses.yaml", text)

    text = ""
    for index in 0..<share {
      text += """
          - id: gen-persona-\(index)
            name: Persona \(index)
            label: Generated persona \(index)
            bio: "\(prose(index))"
            decision_role: influencer
            needs: [Faster quotes, Fewer suppliers]
            segments: [core-industrial]

        """
    }
    try append("personas.yaml", text)

    // Segments sit before `exclusions:` in icp.yaml, so insert rather than append.
    let icp = directory.appendingPathComponent("icp.yaml")
    var icpText = try String(contentsOf: icp, encoding: .utf8)
    text = ""
    for index in 0..<share {
      text += """
          - id: gen-segment-\(index)
            label: Generated segment \(index)
            definition: "\(prose(index))"
            industries: [manufacturing]
            employees: {min: \(index), max: \(index + 100)}
            countries: [US]

        """
    }
    icpText = icpText.replacingOccurrences(of: "exclusions:\n", with: text + "exclusions:\n")
    try Data(icpText.utf8).write(to: icp)

    text = ""
    let pipelines = max(share / 10, 1)
    for pipeline in 0..<pipelines {
      text += "  - id: gen-pipeline-\(pipeline)\n    label: Generated pipeline \(pipeline)\n    stages:\n"
      for step in 0..<8 {
        let forecast = step < 4 ? "pipeline" : step < 6 ? "best_case" : "commit"
        text += """
                - id: gen-deal-\(pipeline)-\(step)
                  label: Step \(step)
                  probability: \(10 + step * 10)
                  forecast: \(forecast)
                  definition: "\(prose(step))"

          """
      }
      text += """
              - {id: gen-deal-\(pipeline)-won, label: Won, probability: 100, forecast: closed, closed: true, won: true, definition: Won.}
              - {id: gen-deal-\(pipeline)-lost, label: Lost, probability: 0, forecast: omitted, closed: true, definition: Lost., lost_reasons: [Price]}

        """
    }
    try append("deal-stages.yaml", text)

    text = ""
    for index in 0..<share {
      text += """
          - id: gen-type-\(index)
            label: Generated lead type \(index)
            pipeline: gen-pipeline-\(index % pipelines)
            definition: "\(prose(index))"

        """
    }
    try append("lead-types.yaml", text)

    let files = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter {
      $0.hasSuffix(".yaml")
    }
    return try files.reduce(0) { total, name in
      total
        + ((try FileManager.default.attributesOfItem(atPath: directory.appendingPathComponent(name).path)[
          .size] as? Int) ?? 0)
    }
  }
}

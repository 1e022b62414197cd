import ArgumentParser
import Foundation
import SamePageKit

/// `samepage render`: the SLA, the glossary and a page per term, as CommonMark and HTML.
struct Render: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Render the SLA, the glossary and a page per term from the templates.",
    discussion: "Refuses a glossary with check errors. Exit status: 0 written, 1 errors, 2 unusable input.")

  enum Format: String, ExpressibleByArgument, CaseIterable {
    case markdown, html, both
  }

  @Option(help: "The glossary directory.")
  var glossary = "Glossary"

  @Option(
    help:
      "A folder of Mustache templates that override the bundled ones by name (default: ./Templates when it exists)."
  )
  var templates: String?

  @Option(help: "The output directory.")
  var out = "out"

  @Option(help: "What to write: markdown, html or both.")
  var format: Format = .both

  @Flag(help: "Overwrite files edited by hand since the last render.")
  var force = false

  @Flag(help: "Also print the SLA to sla.pdf with headless Chromium (A4, footers, page numbers).")
  var pdf = false

  func run() throws {
    // Before anything is written: a missing browser must not leave a half-updated folder.
    let printer = pdf ? PDFPrinter.find() : nil
    if pdf && printer == nil {
      printError("samepage: \(PDFPrinter.Failure.noBrowser)")
      throw ExitCode(2)
    }
    let (pages, valid, templateSet) = try RenderPipeline.renderedPages(
      glossary: glossary, templates: templates)
    // The source language in out/, each translation in a folder of its own (out/en-US/…).
    var files: [String: Data] = [:]
    for edition in try RenderPipeline.editions(pages, valid, templates: templateSet) {
      files.merge(
        try documents(edition.pages, glossary: edition.glossary, printer: printer, folder: edition.folder)
      ) {
        $1
      }
    }
    try RenderPipeline.write(files, to: out, force: force)
  }

  private func documents(_ pages: [RenderedPage], glossary: Glossary, printer: PDFPrinter?, folder: String)
    throws
    -> [String: Data]
  {
    var files: [String: Data] = [:]
    for page in pages {
      if format != .html { files[folder + page.page.fileName] = Data(page.markdown.utf8) }
      if format != .markdown { files[folder + page.htmlFileName] = Data(page.standaloneHTML.utf8) }
    }
    if let printer, let sla = pages.first(where: { $0.page == .sla }) {
      do {
        files[folder + "sla.pdf"] = try printer.pdf(of: PrintedSLA.html(sla, glossary: glossary))
      } catch let failure as PDFPrinter.Failure {
        printError("samepage: \(failure)")
        throw ExitCode(1)
      }
    }
    return files
  }
}

/// `SAMEPAGE_TEST_KILL_AFTER_FILES=N`, for tests only: the process kills itself with SIGKILL once
/// N files are in place, as `kill -9` would, so a test can check that the next run recovers.
private let testKillHook: (@Sendable (Int) -> Void)? = {
  guard let value = ProcessInfo.processInfo.environment["SAMEPAGE_TEST_KILL_AFTER_FILES"],
    let limit = Int(value)
  else { return nil }
  return { written in if written >= limit { kill(getpid(), SIGKILL) } }
}()

/// The steps `render` and `publish` share, with the CLI's error handling.
enum RenderPipeline {
  /// The glossary, validated; otherwise its diagnostics are printed and the command exits 1
  /// (or 2 when it cannot be read).
  static func validGlossary(_ glossary: String, before action: String) throws -> Glossary {
    let check = GlossaryCheck(directory: URL(fileURLWithPath: glossary), displayDirectory: glossary)
    guard let valid = check.validGlossary else {
      print(
        TextDiagnosticWriter(colored: Terminal.wantsColor, filesChecked: check.filesRead).write(
          check.diagnostics), terminator: "")
      printError("the glossary has errors; fix them (samepage check \(glossary)) before \(action)")
      throw ExitCode(check.hasUnreadableInput ? 2 : 1)
    }
    return valid
  }

  static func renderedPages(glossary: String, templates: String?) throws -> (
    pages: [RenderedPage], glossary: Glossary, templates: TemplateSet
  ) {
    let valid = try validGlossary(glossary, before: "rendering")
    let templateSet = try self.templates(templates)
    return (try render(valid, with: templateSet), valid, templateSet)
  }

  /// The pages of `glossary`; render errors are printed and the command exits 1.
  private static func render(_ glossary: Glossary, with templates: TemplateSet) throws -> [RenderedPage] {
    let (pages, diagnostics) = DocumentRenderer(templates: templates).render(glossary)
    if diagnostics.hasErrors {
      print(TextDiagnosticWriter(colored: Terminal.wantsColor).write(diagnostics), terminator: "")
      throw ExitCode(1)
    }
    return pages
  }

  /// The site in the source language and in each translation the manifest lists, each in its
  /// folder (`pl-PL/`).
  static func editions(_ pages: [RenderedPage], _ glossary: Glossary, templates: TemplateSet) throws
    -> [SitePublisher.Edition]
  {
    var editions = [SitePublisher.Edition(pages: pages, glossary: glossary, folder: "")]
    for translation in glossary.translations
    where glossary.manifest.translations.contains(where: { $0.value == translation.locale }) {
      let translated = glossary.translated(translation)
      editions.append(
        SitePublisher.Edition(
          pages: try render(translated, with: templates), glossary: translated,
          folder: translation.locale + "/"))
    }
    return editions
  }

  /// The team's templates over the bundled ones: `--templates DIR` (which must exist), else
  /// `./Templates` when there is one, else the bundled templates alone.
  static func templates(_ option: String?) throws -> TemplateSet {
    let directory = option ?? (FileManager.default.fileExists(atPath: "Templates") ? "Templates" : nil)
    switch TemplateSet.load(
      directory: directory.map { URL(fileURLWithPath: $0) }, displayDirectory: directory ?? "")
    {
    case .loaded(let set): return set
    case .failed(let diagnostics):
      print(TextDiagnosticWriter(colored: Terminal.wantsColor).write(diagnostics), terminator: "")
      throw ExitCode(diagnostics.contains { $0.id == "template.no-directory" } ? 2 : 1)
    }
  }

  /// Writes `files` into `out` under its lock, prints what changed, then runs `whileLocked`
  /// (the wiki commit) before the lock is released. Refusals and file-system failures are one
  /// line on standard error and exit 1.
  @discardableResult
  static func write(
    _ files: [String: Data], to out: String, force: Bool,
    whileLocked: (ManagedDirectory.Report) throws -> Void = { _ in }
  ) throws -> ManagedDirectory.Report {
    do {
      let managed = ManagedDirectory(directory: URL(fileURLWithPath: out), afterFileWritten: testKillHook)
      return try managed.synchronize(files, force: force) { report in
        var summary = "wrote \(report.written.count) files to \(out)"
        if !report.unchanged.isEmpty { summary += ", \(report.unchanged.count) unchanged" }
        if !report.removed.isEmpty { summary += ", removed \(report.removed.count) no longer produced" }
        print(summary)
        for path in report.keptEdited {
          printError("warning: \(out)/\(path) is no longer produced but was edited by hand; left in place")
        }
        try whileLocked(report)
      }
    } catch let failure as ManagedDirectory.Failure {
      printError("samepage: \(failure)")
      throw ExitCode(1)
    } catch let failure as FileSystemFailure {
      // One line naming the file and the reason, not a Foundation error dump.
      printError("samepage: \(failure)")
      throw ExitCode(1)
    }
  }
}

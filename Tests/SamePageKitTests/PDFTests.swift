import Foundation
import SamePageKit
import Testing

/// `render --pdf` through the real headless Chromium, read back with poppler's pdftotext and
/// pdftoppm. Chromium and poppler-utils come from `Scripts/bootstrap --browser`; without them
/// this fails (CI must never skip it) unless SAMEPAGE_SKIP_PDF_TESTS=1 says to.
@Suite struct PDFTests {
  static let skip = ProcessInfo.processInfo.environment["SAMEPAGE_SKIP_PDF_TESTS"] == "1"

  func tool(_ name: String) -> URL? {
    for directory in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":") {
      let url = URL(fileURLWithPath: String(directory)).appendingPathComponent(name)
      if FileManager.default.isExecutableFile(atPath: url.path) { return url }
    }
    return nil
  }

  @Test func theSLAPrintsWithPartiesCommitmentsFootersAndSignatures() throws {
    guard !Self.skip else { return }
    guard PDFPrinter.find() != nil, let pdftotext = tool("pdftotext"), let pdftoppm = tool("pdftoppm") else {
      Issue.record(
        "needs chromium and poppler-utils: run Scripts/bootstrap --browser (or SAMEPAGE_SKIP_PDF_TESTS=1)")
      return
    }
    let folder = try TemporaryDirectory()
    func samepage(_ arguments: String...) throws -> ProcessRunner.Result {
      try ProcessRunner.run(CLITests.binary, arguments, currentDirectory: folder.url)
    }
    #expect(try samepage("init").status == 0)
    let render = try samepage("render", "--out", "out", "--pdf")
    #expect(render.status == 0, "\(render.error)")
    let pdf = folder.url.appendingPathComponent("out/sla.pdf")
    let text = try ProcessRunner.run(pdftotext, ["-layout", pdf.path, "-"])
    #expect(text.status == 0)
    let pages = text.output.components(separatedBy: "\u{0C}").filter {
      !$0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
    }
    #expect(pages.count >= 3, "\(pages.count) pages")
    let all = text.output
    for expected in [
      "DRAFT — not signed.", "Dana Whitfield, VP Marketing", "Marcus Oyelaran, VP Sales",
      "120 MQLs per month",
      "First touch on demo and quote requests within 5 minutes", "6 connect attempts within 10 business days",
      "8 business hours", "Revenue Operations reports these figures weekly",
    ] {
      #expect(all.contains(expected), "\(expected)")
    }
    // Every page carries the version and effective date, and its number.
    for (index, page) in pages.enumerated() {
      #expect(page.contains("Version 2.3.0 · Effective October 1, 2026"), "page \(index + 1)")
      #expect(page.contains("Page \(index + 1) of \(pages.count)"), "page \(index + 1)")
    }
    // The signatures start a page of their own.
    let last = try #require(pages.last)
    #expect(last.contains("Signatures") && last.contains("Signature: ____"))
    #expect(!pages.dropLast().contains { $0.contains("Signature: ____") })

    // The first page as an image: a real rendering, not an empty page.
    let png = folder.url.appendingPathComponent("page")
    #expect(
      try ProcessRunner.run(pdftoppm, ["-png", "-r", "40", "-f", "1", "-l", "1", pdf.path, png.path]).status
        == 0)
    let image = try FileManager.default.contentsOfDirectory(atPath: folder.url.path).first {
      $0.hasPrefix("page")
    }
    let size = try image.map { try Data(contentsOf: folder.url.appendingPathComponent($0)).count } ?? 0
    #expect(size > 5_000, "first page PNG is \(size) bytes")
  }

  /// Thai needs a font with Thai letters (bootstrap installs fonts-thai-tlwg); without one
  /// every letter prints as an empty box and pdftotext finds none of them.
  @Test func aThaiSLAPrintsInThaiLettersWithBuddhistEraDates() throws {
    guard !Self.skip else { return }
    guard PDFPrinter.find() != nil, let pdftotext = tool("pdftotext") else {
      Issue.record(
        "needs chromium and poppler-utils: run Scripts/bootstrap --browser (or SAMEPAGE_SKIP_PDF_TESTS=1)")
      return
    }
    let folder = try TemporaryDirectory()
    #expect(
      try ProcessRunner.run(CLITests.binary, ["init", "--locale", "th-TH"], currentDirectory: folder.url)
        .status == 0)
    let render = try ProcessRunner.run(
      CLITests.binary, ["render", "--out", "out", "--pdf"], currentDirectory: folder.url)
    #expect(render.status == 0, "\(render.error)")
    let text = try ProcessRunner.run(pdftotext, [folder.url.appendingPathComponent("out/sla.pdf").path, "-"])
      .output
    #expect(text.contains("ข้อตกลงระดับการให้บริการ (SLA)"), "\(text.prefix(300))")
    #expect(text.contains("1 ตุลาคม 2569"))
  }

  @Test func withoutABrowserRenderSaysHowToInstallOneAndWritesNothing() throws {
    let folder = try TemporaryDirectory()
    #expect(try ProcessRunner.run(CLITests.binary, ["init"], currentDirectory: folder.url).status == 0)
    let run = try ProcessRunner.run(
      CLITests.binary, ["render", "--out", "out", "--pdf"],
      environment: ["SAMEPAGE_CHROMIUM": "/nonexistent/chromium"],
      currentDirectory: folder.url)
    #expect(run.status == 2)
    #expect(
      run.error.contains(
        "printing to PDF needs Chromium or Google Chrome: install it (Debian/Ubuntu: 'apt-get install chromium'"
      ))
    #expect(!FileManager.default.fileExists(atPath: folder.url.appendingPathComponent("out").path))
  }
}

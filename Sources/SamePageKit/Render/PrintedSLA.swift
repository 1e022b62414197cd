import Foundation

/// The SLA as a page to print: A4 pages, the version and effective date in every footer, page
/// numbers, the signatures on a page of their own, and a DRAFT watermark on every page until
/// both parties have signed this content (`SignOff`).
public enum PrintedSLA {
  public static func html(_ page: RenderedPage, glossary: Glossary) -> String {
    let manifest = glossary.manifest
    let l = page.localizer
    let footer = [
      manifest.organization?.value,
      manifest.glossaryVersion.map { l.text("print.version", ["version": $0.value]) },
      manifest.effectiveDate.map { l.text("print.effective", ["date": l.date($0.value)]) },
    ].compactMap { $0 }.joined(separator: " · ")
    // The counters are CSS, the words around them the catalogue's.
    let pageNumber = l.text("print.page", ["page": "\u{1}", "pages": "\u{2}"]).components(
      separatedBy: "\u{1}"
    )
    .map {
      $0.components(separatedBy: "\u{2}").map { "\"\(cssString($0))\"" }.joined(separator: " counter(pages) ")
    }
    .joined(separator: " counter(page) ")
    let isDraft = !SignOff(glossary).isComplete
    let head = """
      <style>
      @page {
        size: A4; margin: 20mm 18mm 22mm;
        @bottom-left { content: "\(cssString(footer))"; font: 8.5pt system-ui, sans-serif; color: #5b6475; }
        @bottom-right { content: \(pageNumber); font: 8.5pt system-ui, sans-serif; color: #5b6475; }
      }
      @media print {
        body { font-size: 10.5pt; }
        main { min-height: 0; }
        table { width: 99.5%; font-size: 9.5pt; }
        th, td { padding: 3pt 5pt; }
        blockquote { margin: 0 0 1rem; padding: .5rem 1rem; border: 2px solid #b3261e; color: #b3261e; }
        main > h2:last-of-type { break-before: page; }
        .draft-watermark { position: fixed; top: 40%; left: 0; right: 0; text-align: center;
          font: 700 96pt system-ui, sans-serif; color: rgba(179, 38, 30, .10); transform: rotate(-30deg); z-index: 10; pointer-events: none; }
      }
      </style>
      """
    let watermark =
      isDraft
      ? "<div class=\"draft-watermark\" aria-hidden=\"true\">\(HTMLPage.escape(l.text("print.draft")))</div>\n"
      : ""
    return HTMLPage.document(
      title: page.title, body: watermark + page.htmlBody, head: head, language: l.languageTag,
      rightToLeft: l.isRightToLeft)
  }

  /// Text as the inside of a CSS string: quotes and backslashes escaped, no line breaks.
  static func cssString(_ text: String) -> String {
    var out = ""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "<": out += "\\3C "
      case _ where scalar.value < 0x20: out += " "
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out
  }
}

/// Prints HTML to PDF with headless Chromium (or Chrome), the one browser engine that prints
/// CSS page boxes, footers and page counters faithfully and is packaged for every platform.
public struct PDFPrinter: Sendable {
  public enum Failure: Error, CustomStringConvertible {
    case noBrowser
    case failed(String)
    case timedOut(Int)

    public var description: String {
      switch self {
      case .noBrowser:
        "printing to PDF needs Chromium or Google Chrome: install it (Debian/Ubuntu: 'apt-get install chromium'; macOS: 'brew install --cask chromium'), or set SAMEPAGE_CHROMIUM to its path"
      case .failed(let message): "Chromium could not print the SLA: \(message)"
      case .timedOut(let seconds): "Chromium did not finish printing within \(seconds) s; nothing was written"
      }
    }
  }

  public let browser: URL

  /// The browser named by `SAMEPAGE_CHROMIUM`, else the first of the usual names on `PATH`.
  public static func find(environment: [String: String] = ProcessInfo.processInfo.environment) -> PDFPrinter?
  {
    if let named = environment["SAMEPAGE_CHROMIUM"], !named.isEmpty {
      return FileManager.default.isExecutableFile(atPath: named)
        ? PDFPrinter(browser: URL(fileURLWithPath: named)) : nil
    }
    let path = (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
    for name in ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome"] {
      for directory in path {
        let candidate = URL(fileURLWithPath: String(directory)).appendingPathComponent(name)
        if FileManager.default.isExecutableFile(atPath: candidate.path) {
          return PDFPrinter(browser: candidate)
        }
      }
    }
    return nil
  }

  /// The PDF of `html`, printed from a private temporary folder that is removed afterwards.
  public func pdf(of html: String, timeoutSeconds: Int = 120) throws -> Data {
    let scratch = FileManager.default.temporaryDirectory.appendingPathComponent(
      "samepage-print-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: scratch) }
    let page = scratch.appendingPathComponent("sla.html")
    let output = scratch.appendingPathComponent("sla.pdf")
    try Data(html.utf8).write(to: page)
    var arguments = [
      "--headless", "--disable-gpu", "--no-first-run", "--no-default-browser-check", "--disable-extensions",
      "--user-data-dir=\(scratch.appendingPathComponent("profile").path)", "--no-pdf-header-footer",
      "--print-to-pdf=\(output.path)", page.absoluteString,
    ]
    // Chromium refuses to start its sandbox as root (containers, CI); the page is our own file.
    if getuid() == 0 { arguments.insert("--no-sandbox", at: 0) }
    let result = try ProcessRunner.run(browser, arguments, timeoutSeconds: timeoutSeconds)
    if result.timedOut { throw Failure.timedOut(timeoutSeconds) }
    guard result.status == 0, let data = try? Data(contentsOf: output), data.starts(with: Array("%PDF".utf8))
    else {
      let reason = result.error.split(separator: "\n").last(where: { !$0.isEmpty }).map(String.init)
      throw Failure.failed(reason ?? "exit status \(result.status), no PDF written")
    }
    return data
  }
}

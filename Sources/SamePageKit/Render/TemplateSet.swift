import Foundation
import Mustache

/// The templates a render uses: every `*.mustache` file under the team's directory, named by
/// relative path without the extension (`sla.md`, `partials/lifecycle-stages`), and for every
/// name the team has not customised, the bundled template of that name.
///
/// Templates are data the team edits, so every way they can go wrong is a diagnostic with the
/// template file and line: a syntax error, an unreadable file, and a name the view model does
/// not have (swift-mustache would silently print nothing).
public struct TemplateSet: @unchecked Sendable {
  let library: MustacheLibrary
  let sources: [String: String]
  /// Each template's file as shown to users, for diagnostics.
  let displayPaths: [String: String]
  /// The names the team's directory provides; the rest are bundled.
  public let customised: Set<String>
  /// The message catalogues by language (`en`, `pl`): the bundled ones, with the team's
  /// `locales/<language>.yaml` over them key by key.
  public let catalogues: [String: MessageCatalogue]

  public enum LoadResult {
    case loaded(TemplateSet)
    case failed([Diagnostic])
  }

  /// The bundled templates alone.
  public static func bundled() -> LoadResult { load(directory: nil, displayDirectory: "") }

  /// The team's templates in `directory` over the bundled ones; nil for the bundled set alone.
  public static func load(directory: URL?, displayDirectory: String) -> LoadResult {
    _ = MarkdownContentType.registered
    var files: [String: (text: String, display: String)] = [:]
    var catalogues: [String: MessageCatalogue] = [:]
    var diagnostics: [Diagnostic] = []
    for file in BundledTemplates.files {
      let display = join(BundledTemplates.displayDirectory, file.path)
      if let language = Self.catalogueLanguage(file.path) {
        let (catalogue, problems) = MessageCatalogue.parse(
          file.contents, language: language, displayPath: display)
        diagnostics += problems
        catalogues[language] = catalogue
        continue
      }
      files[String(file.path.dropLast(".mustache".count))] = (file.contents, display)
    }
    var customised: Set<String> = []
    if let directory {
      let fileManager = FileManager.default
      var isDirectory: ObjCBool = false
      guard fileManager.fileExists(atPath: directory.path, isDirectory: &isDirectory), isDirectory.boolValue
      else {
        return .failed([
          Diagnostic(
            id: "template.no-directory", severity: .error, location: nil,
            summary: "template directory '\(displayDirectory)' does not exist",
            fix:
              "pass --templates with a directory of .mustache files (samepage templates eject writes the bundled set), or omit it to use the bundled templates"
          )
        ])
      }
      let enumerator = fileManager.enumerator(at: directory, includingPropertiesForKeys: nil)
      let base = directory.standardizedFileURL.path
      while let url = enumerator?.nextObject() as? URL {
        let relative = String(url.standardizedFileURL.path.dropFirst(base.count + 1))
        if let language = Self.catalogueLanguage(relative) {
          let display = join(displayDirectory, relative)
          guard
            let text = fileManager.contents(atPath: url.path).flatMap({ String(data: $0, encoding: .utf8) })
          else {
            diagnostics.append(
              Diagnostic(
                id: "template.unreadable", severity: .error, location: .startOf(display),
                summary: "cannot read this message catalogue as UTF-8 text",
                fix: "save it as UTF-8, or delete it to use the bundled catalogue of that language"))
            continue
          }
          let (catalogue, problems) = MessageCatalogue.parse(text, language: language, displayPath: display)
          diagnostics += problems
          if let catalogue {
            catalogues[language] = catalogues[language].map { $0.overridden(by: catalogue) } ?? catalogue
            customised.insert(relative)
          }
          continue
        }
        guard url.pathExtension == "mustache" else { continue }
        let name = String(relative.dropLast(".mustache".count))
        let display = join(displayDirectory, relative)
        guard let data = fileManager.contents(atPath: url.path),
          let text = String(data: data, encoding: .utf8)
        else {
          diagnostics.append(
            Diagnostic(
              id: "template.unreadable", severity: .error, location: .startOf(display),
              summary: "cannot read this template as UTF-8 text",
              fix: "save it as UTF-8, or delete it to use the bundled template of that name"))
          continue
        }
        files[name] = (text, display)
        customised.insert(name)
      }
    }

    let pragma = Self.pragma
    var library = MustacheLibrary()
    for (name, file) in files {
      do {
        // Every template, partials included, escapes values for Markdown: a pragma applies only
        // to the template that declares it, and partials would otherwise escape for HTML. The
        // pragma gets a line of its own, which Mustache removes as a standalone tag.
        library.register(try MustacheTemplate(string: pragma + "\n" + file.text), named: name)
      } catch let error as MustacheTemplate.ParserError {
        diagnostics.append(
          Diagnostic(
            id: "template.syntax", severity: .error,
            location: SourceLocation(
              file: file.display, line: max(error.context.lineNumber - 1, 1),
              column: max(error.context.columnNumber, 1)),
            summary: "template syntax error: \(error.error)",
            fix: "check that every {{#section}} has a matching {{/section}} and every tag is closed"))
      } catch {
        diagnostics.append(
          Diagnostic(
            id: "template.syntax", severity: .error, location: .startOf(file.display),
            summary: "template syntax error: \(error)"))
      }
    }
    if !diagnostics.isEmpty { return .failed(diagnostics.sorted()) }
    return .loaded(
      TemplateSet(
        library: library, sources: files.mapValues(\.text), displayPaths: files.mapValues(\.display),
        customised: customised, catalogues: catalogues))
  }

  static let pragma = "{{% CONTENT_TYPE: \(MarkdownContentType.name)}}"

  /// `locales/pl.yaml` → `pl`.
  static func catalogueLanguage(_ relativePath: String) -> String? {
    let prefix = MessageCatalogue.directory + "/"
    guard relativePath.hasPrefix(prefix), relativePath.hasSuffix(".yaml") else { return nil }
    let language = String(relativePath.dropFirst(prefix.count).dropLast(".yaml".count))
    return language.isEmpty || language.contains("/") ? nil : language
  }

  /// The localizer for a BCP 47 locale (`pl-PL`), by its language's catalogue; nil when no
  /// catalogue has that language.
  public func localizer(for identifier: String) -> Localizer? {
    let language = String(identifier.prefix { $0 != "-" && $0 != "_" }).lowercased()
    guard let catalogue = catalogues[language] else { return nil }
    return Localizer(
      locale: Locale(identifier: identifier.replacingOccurrences(of: "-", with: "_")), catalogue: catalogue)
  }

  /// The same templates with each `{{t.KEY}}` replaced by the catalogue's message, so a page
  /// does not look every word up through the context stack (most of a large render's lookups,
  /// each climbing to the root). A message is a template rendered in the same context as the
  /// tag, so writing it in place renders the same text. Messages that are only white space or
  /// span lines stay lookups, as do other forms (`{{{t.KEY}}}`, sections). Nil when a template
  /// with its messages written in does not parse; the caller then renders with lookups.
  func writingInMessages(of catalogue: MessageCatalogue) -> TemplateSet? {
    var library = MustacheLibrary()
    for (name, text) in sources {
      var written = ""
      var rest = text[...]
      while let open = rest.range(of: "{{t.") {
        written += rest[..<open.lowerBound]
        let after = rest[open.upperBound...]
        let key = after.prefix { $0 != "}" && $0 != " " && $0 != "\n" }
        let tail = after[key.endIndex...]
        if tail.hasPrefix("}}"), !tail.hasPrefix("}}}"),
          case .text(let message)? = catalogue.messages[String(key)],
          !message.allSatisfy(\.isWhitespace), !message.contains("\n")
        {
          written += message
          rest = tail.dropFirst(2)
        } else {
          written += rest[open.lowerBound..<open.upperBound]
          rest = after
        }
      }
      written += rest
      guard let template = try? MustacheTemplate(string: Self.pragma + "\n" + written) else { return nil }
      library.register(template, named: name)
    }
    return TemplateSet(
      library: library, sources: sources, displayPaths: displayPaths, customised: customised,
      catalogues: catalogues)
  }

  /// Every `{{t.KEY}}` a template uses, with its place, for checking against a catalogue.
  func messageKeys() -> [(key: String, location: SourceLocation)] {
    var found: [(String, SourceLocation)] = []
    for (template, text) in sources.sorted(by: { $0.key < $1.key }) {
      for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
        var rest = line[...]
        while let open = rest.range(of: "{{t.") {
          let after = rest[open.upperBound...]
          let key = after.prefix { $0 != "}" && $0 != " " }
          let column = line.distance(from: line.startIndex, to: open.lowerBound) + 1
          found.append(
            (
              String(key),
              SourceLocation(file: displayPaths[template] ?? template, line: index + 1, column: column)
            ))
          rest = after
        }
      }
    }
    return found
  }

  /// Renders one template. Names that no context could resolve are returned as diagnostics
  /// pointing at the first tag that uses them.
  func render(_ name: String, context: [String: Any]) -> (text: String, unknownNames: [Diagnostic]) {
    let root = StrictRoot(context)
    let text = library.render(root, withTemplate: name) ?? ""
    let unknown = root.missing.sorted().map { missing in
      Diagnostic(
        id: "template.unknown-name", severity: .error, location: locate(missing),
        summary: "template uses '\(missing)', which the view model does not have",
        explanation:
          "Mustache would print nothing here; SamePage refuses instead so a typo cannot hide a value.",
        fix: "check the spelling against the documented names (docs/TEMPLATES.md)")
    }
    return (text, unknown)
  }

  /// The first tag in any template that names `name`, for the diagnostic's place.
  func locate(_ name: String) -> SourceLocation? {
    for (template, text) in sources.sorted(by: { $0.key < $1.key }) {
      var line = 1
      var column = 1
      var index = text.startIndex
      while index < text.endIndex {
        if text[index...].hasPrefix("{{"), let close = text[index...].range(of: "}}") {
          let inner = text[text.index(index, offsetBy: 2)..<close.lowerBound]
          let tag = inner.trimmingCharacters(in: CharacterSet(charactersIn: "{}#^/&>$< \t"))
          if tag == name || tag.hasSuffix("(\(name))") {
            return SourceLocation(
              file: displayPaths[template] ?? template + ".mustache", line: line, column: column)
          }
        }
        if text[index] == "\n" {
          line += 1
          column = 1
        } else {
          column += 1
        }
        index = text.index(after: index)
      }
    }
    return nil
  }
}

/// The root of a render: records the names that fell through every context to here unresolved.
/// Only the root records, because a name an inner context resolves never reaches it.
final class StrictRoot: MustacheParent {
  private let values: [String: Any]
  private(set) var missing: Set<String> = []

  init(_ values: [String: Any]) { self.values = values }

  func child(named name: String) -> Any? {
    if let value = values[name] { return value }
    missing.insert(name)
    return nil
  }
}

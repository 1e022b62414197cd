import Foundation
import Yams

/// Reads a YAML file into a `YAMLNode` tree, turning every way a file can be unusable into a
/// diagnostic with a place: unreadable, too large, not UTF-8, empty, malformed, duplicate keys,
/// nested too deeply, or aliases that expand without bound.
///
/// Limits keep a hostile or mistaken file from exhausting time or memory. A real glossary is a
/// few kilobytes; the limits sit far above the 10 000-entry glossaries the benchmark generates.
public struct YAMLLoader: Sendable {
  /// Files above this size are refused before they are read.
  public var maximumFileSize = 16 * 1024 * 1024
  /// The most values a file's aliases may expand to (a "billion laughs" expands to 10⁹).
  public var maximumAliasExpansion = 1_000_000

  public init() {}

  /// The outcome for one file: its tree, or the reasons it has none.
  public enum Outcome: Sendable {
    case loaded(GlossaryFile)
    case failed([Diagnostic])
  }

  public func load(contentsOf url: URL, displayPath: String) -> Outcome {
    let whole = SourceLocation.startOf(displayPath)
    let size: Int
    do {
      let attributes = try FileManager.default.attributesOfItem(atPath: url.path)
      size = (attributes[.size] as? NSNumber)?.intValue ?? 0
    } catch {
      return .failed([LoadDiagnostics.unreadable(whole, reason: describe(error))])
    }
    guard size <= maximumFileSize else {
      return .failed([LoadDiagnostics.tooLarge(whole, size: size, limit: maximumFileSize)])
    }
    let data: Data
    do {
      data = try Data(contentsOf: url)
    } catch {
      return .failed([LoadDiagnostics.unreadable(whole, reason: describe(error))])
    }
    return parse(Array(data), displayPath: displayPath)
  }

  /// Parses bytes already in memory; `load(contentsOf:)` and the tests both come here.
  public func parse(_ bytes: [UInt8], displayPath: String) -> Outcome {
    var bytes = bytes
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
    guard bytes.count <= maximumFileSize else {
      return .failed([
        LoadDiagnostics.tooLarge(.startOf(displayPath), size: bytes.count, limit: maximumFileSize)
      ])
    }
    guard let text = String(validating: bytes, as: UTF8.self) else {
      return .failed([LoadDiagnostics.notUTF8(firstInvalidByteLocation(in: bytes, file: displayPath))])
    }
    if text.allSatisfy({ $0.isWhitespace }) {
      return .failed([LoadDiagnostics.empty(.startOf(displayPath))])
    }

    let node: Node?
    do {
      // Tags are never read (values are interpreted by the term readers), so no resolver runs
      // its regular expressions on every scalar; keys are then duplicates when their text is.
      node = try Yams.compose(yaml: text, .basic)
    } catch let error as YamlError {
      return .failed([diagnostic(for: error, in: text, file: displayPath)])
    } catch {
      return .failed([LoadDiagnostics.syntax(.startOf(displayPath), problem: describe(error))])
    }
    guard let node else {
      // Only comments: as good as empty.
      return .failed([LoadDiagnostics.empty(.startOf(displayPath))])
    }

    var converter = Converter(file: displayPath, budget: maximumAliasExpansion)
    guard let root = converter.convert(node) else {
      return .failed(converter.diagnostics)
    }
    return converter.diagnostics.isEmpty
      ? .loaded(GlossaryFile(path: displayPath, root: root, contents: bytes))
      : .failed(converter.diagnostics)
  }

  private func describe(_ error: any Error) -> String {
    (error as? CocoaError)?.localizedDescription ?? "\(error)"
  }

  private func firstInvalidByteLocation(in bytes: [UInt8], file: String) -> SourceLocation {
    // Decode scalar by scalar, counting lines and columns, until the decoder meets a bad byte.
    var line = 1
    var column = 1
    var iterator = bytes.makeIterator()
    var decoder = UTF8()
    while case .scalarValue(let scalar) = decoder.decode(&iterator) {
      if scalar == "\n" {
        line += 1
        column = 1
      } else {
        column += 1
      }
    }
    return SourceLocation(file: file, line: line, column: column)
  }

  private func diagnostic(for error: YamlError, in text: String, file: String) -> Diagnostic {
    func at(_ mark: Mark) -> SourceLocation {
      SourceLocation(file: file, line: max(mark.line, 1), column: max(mark.column, 1))
    }
    switch error {
    case .scanner(let context, let problem, let mark, _),
      .parser(let context, let problem, let mark, _),
      .composer(let context, let problem, let mark, _):
      if problem.contains("Maximum nesting level") || (context?.text.contains("nesting") ?? false) {
        return LoadDiagnostics.tooDeep(at(mark))
      }
      var summary = problem
      if let context { summary += " " + context.text }
      return LoadDiagnostics.syntax(at(mark), problem: summary)
    case .duplicatedKeysInMapping(let duplicates, let context):
      let first = at(context.mark)
      let key = duplicates.first ?? "?"
      let second = secondOccurrence(of: key, after: first, in: text) ?? first
      return LoadDiagnostics.duplicateKey(key, at: second, firstAt: second == first ? nil : first)
    case .reader(let problem, _, _, _):
      return LoadDiagnostics.syntax(.startOf(file), problem: problem)
    default:
      return LoadDiagnostics.syntax(.startOf(file), problem: "\(error)")
    }
  }

  /// Yams reports a duplicate key at its first occurrence only; find the repeat, which is the
  /// line to change, as the next block key with the same name at the same column.
  private func secondOccurrence(of key: String, after first: SourceLocation, in text: String)
    -> SourceLocation?
  {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    guard first.line <= lines.count else { return nil }
    let indent = first.column - 1
    for index in first.line..<lines.count {
      let line = lines[index]
      let leading = line.prefix { $0 == " " || $0 == "-" }.count
      if leading < indent, !line.allSatisfy({ $0 == " " }), index > first.line,
        !line.drop(while: { $0 == " " }).hasPrefix("#")
      {
        // Left the mapping: the duplicate was not where block syntax would put it.
        return nil
      }
      let rest = line.dropFirst(indent)
      if leading <= indent, rest.hasPrefix(key),
        rest.dropFirst(key.count).drop(while: { $0 == " " }).hasPrefix(":")
      {
        return SourceLocation(file: first.file, line: index + 1, column: first.column)
      }
    }
    return nil
  }
}

/// Converts Yams' nodes into `YAMLNode`s, counting the values that aliases expand to so that
/// they cannot expand forever. Values written out in the file are not counted: the file-size
/// limit bounds those.
///
/// Yams substitutes the anchored node for each alias (and holds anchors weakly, so they are
/// gone once composing ends); an expanded value is recognised by its place in the file, which
/// it shares with the value it copies. Only the first value met at a place is free.
private struct Converter {
  let file: String
  var budget: Int
  var diagnostics: [Diagnostic] = []
  private var placesSeen: Set<Int> = []

  init(file: String, budget: Int) {
    self.file = file
    self.budget = budget
  }

  private func location(_ mark: Mark?) -> SourceLocation {
    guard let mark else { return .startOf(file) }
    return SourceLocation(file: file, line: mark.line, column: mark.column)
  }

  mutating func convert(_ node: Node) -> YAMLNode? {
    let firstAtItsPlace = node.mark.map { placesSeen.insert($0.line << 32 | $0.column).inserted } ?? false
    if !firstAtItsPlace {
      budget -= 1
      guard budget >= 0 else {
        if diagnostics.isEmpty { diagnostics.append(LoadDiagnostics.aliasExpansion(location(node.mark))) }
        return nil
      }
    }
    switch node {
    case .scalar(let scalar):
      return YAMLNode(
        content: .scalar(scalar.string, isPlain: scalar.style == .plain),
        location: location(scalar.mark))
    case .alias(let alias):
      return YAMLNode(
        content: .scalar("*" + alias.anchor.rawValue, isPlain: false), location: location(alias.mark))
    case .sequence(let sequence):
      var items: [YAMLNode] = []
      items.reserveCapacity(sequence.count)
      for item in sequence {
        guard let converted = convert(item) else { return nil }
        items.append(converted)
      }
      return YAMLNode(content: .sequence(items), location: location(sequence.mark))
    case .mapping(let mapping):
      var entries: [YAMLNode.Entry] = []
      entries.reserveCapacity(mapping.count)
      for (key, value) in mapping {
        guard case .scalar(let keyScalar) = key else {
          diagnostics.append(LoadDiagnostics.complexKey(location(key.mark)))
          return nil
        }
        guard let converted = convert(value) else { return nil }
        entries.append(.init(key: keyScalar.string, keyLocation: location(keyScalar.mark), value: converted))
      }
      return YAMLNode(content: .mapping(entries), location: location(mapping.mark))
    }
  }
}

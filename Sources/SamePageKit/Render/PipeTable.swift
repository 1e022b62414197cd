/// Tables in the pipe syntax GitHub, Notion and Google Docs read (`| a | b |` over `| --- |`),
/// for the documents SamePage's templates write.
///
/// libcmark implements CommonMark, which has no tables; cmark-gfm is not what this project links.
/// So tables are found in the Markdown source, where an escaped `\|` is still visible (after
/// libcmark's inline pass it is not), each is replaced by a placeholder paragraph, and the
/// cells are parsed by libcmark one by one and put back into the tree as custom blocks
/// (`<table>`, `<tr>`, `<th>`/`<td>`). Cell text is ordinary CommonMark, so links, emphasis and
/// the sanitizer work in cells as anywhere else.
struct PipeTable: Equatable {
  enum Alignment: Equatable { case none, left, center, right }

  var header: [String]
  var alignments: [Alignment]
  var rows: [[String]]
  /// The table's first line in the source (1-based) and how many lines it spans.
  var line: Int
  var lineCount: Int

  /// The source with every table replaced by a placeholder line (followed by blank lines, so
  /// the lines after keep their numbers), and the tables in order.
  static func extract(from markdown: String, placeholder: (Int) -> String) -> (String, [PipeTable]) {
    let lines = markdown.components(separatedBy: "\n")
    var output: [String] = []
    var tables: [PipeTable] = []
    var fence: String?
    var index = 0
    while index < lines.count {
      let line = lines[index]
      let trimmed = line.drop { $0 == " " }
      if let open = fence {
        if trimmed.hasPrefix(open) { fence = nil }
        output.append(line)
        index += 1
        continue
      }
      if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
        fence = String(trimmed.prefix(3))
        output.append(line)
        index += 1
        continue
      }
      let startsParagraph = index == 0 || lines[index - 1].allSatisfy { $0 == " " }
      if startsParagraph, index + 1 < lines.count, let header = row(line),
        let alignments = delimiterRow(lines[index + 1]), alignments.count == header.count
      {
        var body: [[String]] = []
        var end = index + 2
        while end < lines.count, let cells = row(lines[end]) {
          // GitHub's rule: a short row is padded, a long one cut to the header's width.
          body.append(
            Array(
              (cells + Array(repeating: "", count: max(0, header.count - cells.count))).prefix(header.count)))
          end += 1
        }
        tables.append(
          PipeTable(
            header: header, alignments: alignments, rows: body, line: index + 1, lineCount: end - index))
        output.append(placeholder(tables.count - 1))
        output += Array(repeating: "", count: end - index - 1)
        index = end
        continue
      }
      output.append(line)
      index += 1
    }
    return (output.joined(separator: "\n"), tables)
  }

  /// The cells of `| a | b |`, or nil when the line is not a table row. Rows start and end
  /// with a pipe (indented at most three spaces), so prose with a `|` in it is never a table.
  static func row(_ line: String) -> [String]? {
    let leading = line.prefix { $0 == " " }.count
    guard leading <= 3 else { return nil }
    var text = Substring(line.dropFirst(leading))
    while text.last == " " || text.last == "\t" { text.removeLast() }
    guard text.count >= 2, text.first == "|", text.last == "|", !text.hasSuffix("\\|") else { return nil }
    text = text.dropFirst().dropLast()
    var cells: [String] = []
    var cell = ""
    var escaped = false
    for character in text {
      if character == "|" && !escaped {
        cells.append(cell.trimmingSpaces)
        cell = ""
      } else {
        cell.append(character)
      }
      escaped = character == "\\" && !escaped
    }
    cells.append(cell.trimmingSpaces)
    return cells
  }

  static func delimiterRow(_ line: String) -> [Alignment]? {
    guard let cells = row(line) else { return nil }
    var alignments: [Alignment] = []
    for cell in cells {
      let left = cell.hasPrefix(":")
      let right = cell.hasSuffix(":")
      let dashes = cell.dropFirst(left ? 1 : 0).dropLast(right && cell.count > 1 ? 1 : 0)
      guard !dashes.isEmpty, dashes.allSatisfy({ $0 == "-" }) else { return nil }
      alignments.append(left && right ? .center : right ? .right : left ? .left : .none)
    }
    return alignments
  }
}

extension String {
  fileprivate var trimmingSpaces: String {
    var text = Substring(self)
    while text.first == " " || text.first == "\t" { text.removeFirst() }
    while text.last == " " || text.last == "\t" { text.removeLast() }
    return String(text)
  }
}

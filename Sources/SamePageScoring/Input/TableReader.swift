import Foundation

/// Rows of a table file with named columns: CSV with a header, or JSON Lines (`.jsonl`,
/// `.ndjson`) with the same field names. Hands over the requested columns, in the order asked.
struct TableReader {
  struct Row {
    let fields: UnsafeBufferPointer<UnsafeBufferPointer<UInt8>>
    let line: Int
    /// The bytes the row took in the file, line break included.
    let bytes: Int
    /// Why the row cannot be used as a whole, if so.
    let problem: String?

    subscript(_ column: Int) -> UnsafeBufferPointer<UInt8> { fields[column] }
    func string(_ column: Int) -> String { String(decoding: fields[column], as: UTF8.self) }
  }

  let url: URL
  let columns: [String]
  let required: Set<String>
  /// The file's header for each of our column names it names differently (a column mapping,
  /// `score --columns`); compared trimmed and lowercased, like every header.
  var renamed: [String: String] = [:]

  /// The header a column is looked up by.
  func header(for column: String) -> String {
    renamed[column].map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? column
  }

  /// How a message names a column: ours, and the file's when the mapping renames it.
  func describe(_ column: String) -> String {
    renamed[column].map { "'\($0)' (\(column))" } ?? "'\(column)'"
  }

  var isJSONLines: Bool { ["jsonl", "ndjson"].contains(url.pathExtension.lowercased()) }
  var name: String { url.lastPathComponent }

  func forEachRow(_ body: (Row) throws -> Void) throws {
    if isJSONLines { try jsonLines(body) } else { try csv(body) }
  }

  private func failure(_ description: String) -> CSVReader.Failure {
    CSVReader.Failure(description: description)
  }

  /// Where each requested column is in the header, or why the header cannot be used.
  func positions(inHeader record: CSVReader.Record) throws -> [Int?] {
    let header = (0..<record.count).map {
      record.string($0).trimmingCharacters(in: .whitespaces).lowercased()
    }
    let prefix = "\(name): line \(record.line)"
    // A bare CR in the header means the whole file is one "line": say so, not "no column".
    if record.text.contains(0x0D) {
      throw failure(
        "\(prefix): the header contains a carriage return: the file has CR-only line endings; convert them to LF or CRLF"
      )
    }
    for column in columns where required.contains(column) && !header.contains(self.header(for: column)) {
      throw failure(
        "\(prefix): no column \(describe(column)) (the header reads '\(UserText.quote(record.text))'); the file needs \(columns.filter(required.contains).map(describe).joined(separator: ", "))\(renamed.isEmpty ? "" : ", or a column mapping that names them")"
      )
    }
    // Which of two same-named columns to read is a guess; refuse rather than guess silently.
    for column in columns {
      let found = header.indices.filter { header[$0] == self.header(for: column) }.map { String($0 + 1) }
      guard found.count > 1 else { continue }
      let times = found.count == 2 ? "twice" : "\(found.count) times"
      let list = found.dropLast().joined(separator: ", ") + " and " + found.last!
      throw failure(
        "\(prefix): column \(describe(column)) appears \(times) (columns \(list)); keep one and score again")
    }
    return columns.map { header.firstIndex(of: self.header(for: $0)) }
  }

  /// The CSV file in pieces for reading on several threads (`CSVChunks`), with where each
  /// requested column is; the header is checked as `forEachRow` checks it.
  func csvChunks(pieceBytes: Int) throws -> (chunks: CSVChunks, positions: [Int?]) {
    guard FileManager.default.isReadableFile(atPath: url.path) else {
      throw failure("cannot read \(url.path)")
    }
    var positions: [Int?] = []
    guard
      let chunks = try CSVChunks(
        url: url, chunkBytes: pieceBytes, header: { positions = try self.positions(inHeader: $0) })
    else { throw noHeader }
    return (chunks, positions)
  }

  private var noHeader: CSVReader.Failure {
    failure(
      "\(name) is empty: it has no header line (expected \(columns.filter(required.contains).joined(separator: ", ")), …)"
    )
  }

  private func csv(_ body: (Row) throws -> Void) throws {
    var positions: [Int?]?
    var fields: [UnsafeBufferPointer<UInt8>] = []
    let empty = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
    var headerCount = 0
    try CSVReader(url: url).forEachRecord { record in
      guard let positions else {
        positions = try self.positions(inHeader: record)
        headerCount = record.count
        return
      }
      fields.removeAll(keepingCapacity: true)
      for position in positions { fields.append(position.map { record.field($0) } ?? empty) }
      let problem =
        record.isMalformed
        ? "misplaced quote"
        : record.count != headerCount ? "expected \(headerCount) fields, found \(record.count)" : nil
      try fields.withUnsafeBufferPointer {
        try body(Row(fields: $0, line: record.line, bytes: record.byteCount, problem: problem))
      }
    }
    guard positions != nil else { throw noHeader }
  }

  private func jsonLines(_ body: (Row) throws -> Void) throws {
    var scratch: [UInt8] = []
    var fields: [UnsafeBufferPointer<UInt8>] = []
    var ranges: [Range<Int>] = []
    try LineReader(url: url).forEachLine { line, number in
      scratch.removeAll(keepingCapacity: true)
      ranges.removeAll(keepingCapacity: true)
      var problem: String?
      if let object = (try? JSONSerialization.jsonObject(with: line)) as? [String: Any] {
        for column in columns {
          let start = scratch.count
          switch object[renamed[column] ?? column] {
          case let text as String: scratch.append(contentsOf: text.utf8)
          case let number as NSNumber: scratch.append(contentsOf: number.stringValue.utf8)
          case nil, is NSNull: if required.contains(column) { problem = "no '\(column)'" }
          default: problem = "'\(column)' is not text or a number"
          }
          ranges.append(start..<scratch.count)
        }
      } else {
        problem = "not a JSON object"
        ranges = Array(repeating: 0..<0, count: columns.count)
      }
      try scratch.withUnsafeBufferPointer { storage in
        fields.removeAll(keepingCapacity: true)
        for range in ranges { fields.append(UnsafeBufferPointer(rebasing: storage[range])) }
        try fields.withUnsafeBufferPointer {
          try body(Row(fields: $0, line: number, bytes: line.count + 1, problem: problem))
        }
      }
    }
  }
}

/// Lines of a file as Data, for JSON Lines; blank lines skipped. A line may be at most 16 MiB,
/// as a CSV record (docs/SCORING.md), so input without line breaks cannot fill memory.
struct LineReader {
  let url: URL
  var maxLineBytes = 16 << 20

  func forEachLine(_ body: (Data, Int) throws -> Void) throws {
    guard let handle = FileHandle(forReadingAtPath: url.path) else {
      throw CSVReader.Failure(description: "cannot open \(url.path)")
    }
    defer { try? handle.close() }
    var pending = Data()
    var number = 0
    while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty {
      pending.append(chunk)
      while let newline = pending.firstIndex(of: 0x0A) {
        number += 1
        let line = pending[pending.startIndex..<newline]
        if !line.allSatisfy({ $0 == 0x20 || $0 == 0x0D }) { try body(Data(line), number) }
        pending = pending[(newline + 1)...]
      }
      pending = Data(pending)
      if pending.count >= maxLineBytes {
        throw CSVReader.Failure(
          description:
            "\(url.lastPathComponent): line \(number + 1): a line longer than \(maxLineBytes >> 20) MiB; is this a JSON Lines file?"
        )
      }
    }
    if !pending.isEmpty, !pending.allSatisfy({ $0 == 0x20 || $0 == 0x0D }) { try body(pending, number + 1) }
  }
}

import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A CSV file cut into pieces of about `chunkBytes` that threads parse at the same time, into
/// exactly the records, and with the line numbers, that the streaming `CSVReader` gives.
///
/// Piece `k` is the records that *start* in the byte range `[nominalStart(k),
/// nominalStart(k + 1))`. Where its first record starts is a guess (`guessStart`): after the
/// first line break at or after `nominalStart(k) − 1`. The guess is wrong only when that line
/// break is inside a quoted field, and the piece before knows it: it ends where its last
/// record ends, so when that is not where the next piece began, the next piece is parsed again
/// from there. A quoted field across a boundary therefore never splits a record. Line numbers
/// are counted from the piece's start and made absolute when the pieces are put in order.
struct CSVChunks: Sendable {
  /// Why a piece stopped early; its records up to there are valid.
  enum Stop: Error, Sendable {
    /// A record longer than the bound starts on this line (relative to the piece).
    case tooLong(relativeLine: Int)
    case unreadable
  }

  let path: String
  let name: String
  let fileSize: Int
  let chunkBytes: Int
  let maxRecordBytes: Int
  /// The header's field count, which a quoted record spanning lines must match.
  let headerFields: Int
  /// Where the first record after the header starts, and its line.
  let dataStart: Int
  let dataLine: Int

  var count: Int { fileSize > dataStart ? (fileSize - dataStart + chunkBytes - 1) / chunkBytes : 0 }

  func nominalStart(_ piece: Int) -> Int { min(dataStart + piece * chunkBytes, fileSize) }

  /// Opens the file and parses its header; `header` sees the header record. Throws
  /// `CSVReader.Failure` like the streaming reader, and returns nil for a file without a header.
  init?(
    url: URL, chunkBytes: Int, maxRecordBytes: Int = CSVReader.defaultMaxRecordBytes,
    header: (CSVReader.Record) throws -> Void
  ) throws {
    path = url.path
    name = url.lastPathComponent
    self.chunkBytes = max(chunkBytes, 16)
    self.maxRecordBytes = maxRecordBytes
    let descriptor = open(path, O_RDONLY)
    guard descriptor >= 0 else { throw CSVReader.Failure(description: "cannot open \(path)") }
    defer { close(descriptor) }
    var status = stat()
    guard fstat(descriptor, &status) == 0 else { throw CSVReader.Failure(description: "cannot read \(path)") }
    fileSize = Int(status.st_size)
    // A byte-order mark is skipped, as the streaming reader does.
    var mark = [UInt8](repeating: 0, count: 3)
    let start = pread(descriptor, &mark, 3, 0) == 3 && mark == [0xEF, 0xBB, 0xBF] ? 3 : 0
    var fields: Int?
    let parsed: (end: Int, lines: Int)
    do {
      parsed = try Self.parse(
        descriptor: descriptor, fileSize: fileSize, from: start, limit: fileSize, headerFields: nil,
        maxRecordBytes: maxRecordBytes, maxRecords: 1, firstLine: 1
      ) { record, _ in
        fields = record.count
        try header(record)
      }
    } catch Stop.tooLong(let line) {
      throw CSVReader.tooLong(name, line: 1 + line, maxRecordBytes: maxRecordBytes)
    } catch Stop.unreadable {
      throw CSVReader.Failure(description: "cannot read \(path)")
    }
    guard let fields else { return nil }
    headerFields = fields
    dataStart = parsed.end
    dataLine = 1 + parsed.lines
  }

  /// Where piece `k` would start if no quoted field spans its nominal start: after the first
  /// line break at or after `nominalStart(k) − 1` (the end of the file when there is none).
  func guessStart(_ piece: Int, descriptor: Int32) throws -> Int {
    guard piece > 0 else { return dataStart }
    var offset = nominalStart(piece) - 1
    var block = [UInt8](repeating: 0, count: 64 << 10)
    while offset < fileSize {
      let got = block.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, $0.count, off_t(offset)) }
      guard got > 0 else { throw Stop.unreadable }
      if let newline = block.prefix(got).firstIndex(of: 0x0A) { return offset + newline + 1 }
      offset += got
    }
    return fileSize
  }

  /// Parses the records that start at or after `from` (a record start) and before `limit`.
  /// `body` gets each record with its line relative to `from`, counted from 0 (the record's
  /// `line` is that too). Returns where the next record starts and the lines consumed.
  func parse(
    descriptor: Int32, from: Int, limit: Int, body: (CSVReader.Record, Int) throws -> Void
  ) throws -> (end: Int, lines: Int) {
    try Self.parse(
      descriptor: descriptor, fileSize: fileSize, from: from, limit: limit, headerFields: headerFields,
      maxRecordBytes: maxRecordBytes, maxRecords: .max, firstLine: 0, body: body)
  }

  private static func parse(
    descriptor: Int32, fileSize: Int, from: Int, limit: Int, headerFields: Int?, maxRecordBytes: Int,
    maxRecords: Int, firstLine: Int, body: (CSVReader.Record, Int) throws -> Void
  ) throws -> (end: Int, lines: Int) {
    var parser = CSVRecordParser(headerFields: headerFields)
    // The piece and a little more, so the record across its end is usually read at once (a
    // header, only a little: it grows as needed).
    var capacity = maxRecords == 1 ? 1 << 16 : max(min(limit - from, fileSize - from) + (64 << 10), 1 << 16)
    var buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
    defer { buffer.deallocate() }
    var windowStart = from  // the file offset of buffer[0]
    var filled = 0
    var position = 0
    var lines = 0
    var records = 0
    var endOfFile = from >= fileSize

    func readMore() throws {
      if position > 0 {
        // Keep only the unfinished record, at the front.
        (buffer).update(from: buffer + position, count: filled - position)
        windowStart += position
        filled -= position
        position = 0
      }
      if filled == capacity { buffer = doubled(buffer, capacity: &capacity, keeping: filled) }
      let got = pread(descriptor, buffer + filled, capacity - filled, off_t(windowStart + filled))
      guard got >= 0 else { throw Stop.unreadable }
      filled += got
      if got == 0 || windowStart + filled >= fileSize { endOfFile = true }
    }

    while windowStart + position < limit, records < maxRecords {
      if position == filled {
        if endOfFile { break }
        try readMore()
        continue
      }
      let parsed = try parser.parse(
        UnsafePointer(buffer + position), count: filled - position, complete: endOfFile,
        line: firstLine + lines
      ) { record in
        records += 1
        try body(record, record.line)
      }
      guard let parsed else {
        // The record continues past the buffer. Past the bound the file is refused, at the
        // line the record starts on, as the streaming reader does.
        if filled - position >= maxRecordBytes { throw Stop.tooLong(relativeLine: lines) }
        try readMore()
        continue
      }
      position += parsed.bytes
      lines += parsed.lines
    }
    return (windowStart + position, lines)
  }
}

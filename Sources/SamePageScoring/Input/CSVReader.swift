import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reads CSV (RFC 4180: quoted fields, doubled quotes, newlines inside quotes, CRLF or LF)
/// through a fixed-size buffer, so memory stays constant however large the file. Each record is
/// handed over as byte ranges with the line it starts on.
///
/// Lines without a quote (nearly all of them in exported data) take a fast path: `memchr` finds
/// the line end and the fields are split in place, without copying. Only records with quotes
/// go through the quote-aware state machine into a scratch buffer.
///
/// Two bounds keep bad input from costing more than itself (docs/SCORING.md, Inputs): a record
/// may be at most `maxRecordBytes` long, or the file is refused; and a record whose quotes span
/// line breaks is taken only when it is well formed, has the header's number of fields and
/// spans at most `maxQuotedLineBreaks` of them. Otherwise the quote was stray: the line it
/// is on becomes one malformed record and reading resynchronises at the next line, instead of
/// the rest of the file vanishing into one "field".
public struct CSVReader {
  public struct Failure: Error, CustomStringConvertible {
    public var description: String
  }

  /// One record's fields, valid only during the callback.
  public struct Record {
    let base: UnsafePointer<UInt8>
    let ends: UnsafeBufferPointer<Int>
    /// The line the record starts on (the header is line 1).
    public let line: Int
    /// Set when a quote was misplaced; the fields hold a best effort.
    public let isMalformed: Bool
    /// The bytes the record took in the file, line breaks included.
    public let byteCount: Int

    public var count: Int { ends.count }

    /// The bytes of field `index` (empty past the last field).
    public func field(_ index: Int) -> UnsafeBufferPointer<UInt8> {
      guard index < ends.count else { return UnsafeBufferPointer(start: nil, count: 0) }
      let start = index == 0 ? 0 : ends[index - 1] + 1
      return UnsafeBufferPointer(start: base + start, count: ends[index] - start)
    }

    public func string(_ index: Int) -> String { String(decoding: field(index), as: UTF8.self) }

    /// All fields with the commas between them, for quoting a header back to the user.
    public var text: UnsafeBufferPointer<UInt8> {
      UnsafeBufferPointer(start: base, count: ends.last ?? 0)
    }
  }

  /// Line breaks a quoted field may span before the quote is taken for a stray one.
  public static let maxQuotedLineBreaks = 1_000
  /// The longest record a file may have (docs/SCORING.md, "What the reader refuses").
  public static let defaultMaxRecordBytes = 16 << 20

  private let url: URL
  private let bufferSize: Int
  private let maxRecordBytes: Int
  /// The file's name as messages show it.
  private var name: String { url.lastPathComponent }

  public init(url: URL, chunkSize: Int = 1 << 20, maxRecordBytes: Int = defaultMaxRecordBytes) throws {
    guard FileManager.default.isReadableFile(atPath: url.path) else {
      throw Failure(description: "cannot read \(url.path)")
    }
    self.url = url
    bufferSize = max(chunkSize, 16)
    self.maxRecordBytes = maxRecordBytes
  }

  /// Calls `body` for every record, the header included (line 1). Blank lines are skipped.
  public func forEachRecord(_ body: (Record) throws -> Void) throws {
    let descriptor = open(url.path, O_RDONLY)
    guard descriptor >= 0 else { throw Failure(description: "cannot open \(url.path)") }
    defer { close(descriptor) }

    var capacity = bufferSize
    var buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
    defer { buffer.deallocate() }
    var filled = 0
    var line = 1
    var parser = CSVRecordParser()
    var atStart = true
    var endOfFile = false

    while !endOfFile {
      if filled == capacity {
        // One record longer than the buffer: grow it (records are short; this is rare).
        buffer = doubled(buffer, capacity: &capacity, keeping: filled)
      }
      let got = read(descriptor, buffer + filled, capacity - filled)
      guard got >= 0 else { throw Failure(description: "cannot read \(url.path)") }
      if got == 0 { endOfFile = true }
      filled += got
      var position = 0
      if atStart, filled >= 3, buffer[0] == 0xEF, buffer[1] == 0xBB, buffer[2] == 0xBF { position = 3 }
      if atStart, filled >= 3 || endOfFile { atStart = false }

      while position < filled {
        guard
          let consumed = try parser.parse(
            UnsafePointer(buffer + position), count: filled - position, complete: endOfFile, line: line,
            body: body)
        else { break }  // the record continues past the buffer: read more
        position += consumed.bytes
        line += consumed.lines
      }
      // Keep the unconsumed tail at the front of the buffer.
      let tail = filled - position
      if tail > 0, position > 0 { (buffer).update(from: buffer + position, count: tail) }
      filled = tail
      if endOfFile { break }
      // The tail is one unfinished record: past the bound, the input is not line-based text
      // (`/dev/zero`, a binary file), and reading on would only fill memory.
      if tail >= maxRecordBytes { throw Self.tooLong(name, line: line, maxRecordBytes: maxRecordBytes) }
    }
  }

  static func tooLong(_ name: String, line: Int, maxRecordBytes: Int) -> Failure {
    Failure(
      description:
        "\(name): line \(line): a record longer than \(size(maxRecordBytes)) (no line break, or a quote never closed); is this a CSV file?"
    )
  }

  private static func size(_ bytes: Int) -> String {
    bytes >= 1 << 20 && bytes % (1 << 20) == 0 ? "\(bytes >> 20) MiB" : "\(bytes) bytes"
  }
}

/// The record grammar of `CSVReader`, one record at a time over bytes in memory, so that the
/// streaming reader and the chunked one (`CSVChunks`) split a file into the same records.
struct CSVRecordParser {
  var ends: [Int] = []
  var scratch: [UInt8] = []
  /// The header's field count, once it has been read: what a multi-line quoted record must match.
  var headerFields: Int?

  init(headerFields: Int? = nil) {
    self.headerFields = headerFields
    ends.reserveCapacity(64)
  }

  /// Parses the record (or skips the blank line) at `start`; `complete` says that no bytes
  /// follow the `count` given. Calls `body` for a record. Returns the bytes and lines consumed,
  /// or nil when the record may continue past them.
  mutating func parse(
    _ start: UnsafePointer<UInt8>, count remaining: Int, complete: Bool, line: Int,
    body: (CSVReader.Record) throws -> Void
  ) rethrows -> (bytes: Int, lines: Int)? {
    let newline = memchr(start, 0x0A, remaining)?.assumingMemoryBound(to: UInt8.self)
    if newline == nil && !complete { return nil }  // incomplete line: read more
    let lineLength = newline.map { UnsafePointer($0) - start } ?? remaining
    if memchr(start, 0x22, lineLength) == nil {
      var length = lineLength
      if length > 0, start[length - 1] == 0x0D { length -= 1 }
      let byteCount = lineLength + (newline == nil ? 0 : 1)
      if length > 0 {
        ends.removeAll(keepingCapacity: true)
        var fieldStart = 0
        while let comma = memchr(start + fieldStart, 0x2C, length - fieldStart) {
          let offset = UnsafePointer(comma.assumingMemoryBound(to: UInt8.self)) - start
          ends.append(offset)
          fieldStart = offset + 1
        }
        ends.append(length)
        try ends.withUnsafeBufferPointer { fieldEnds in
          try body(
            CSVReader.Record(
              base: start, ends: fieldEnds, line: line, isMalformed: false, byteCount: byteCount))
        }
        if headerFields == nil { headerFields = ends.count }
      }
      return (byteCount, 1)
    }
    // A quote: parse the record with the state machine; it may span lines.
    guard
      let consumed = try quotedRecord(
        UnsafeBufferPointer(start: start, count: remaining), complete: complete, line: line, body: body)
    else { return nil }  // the record continues past the buffer: read more
    if headerFields == nil { headerFields = ends.count }
    return consumed
  }

  /// Parses one record that contains a quote. Returns the bytes and lines consumed, or nil when
  /// the record does not end within `bytes` and more input may follow.
  private mutating func quotedRecord(
    _ bytes: UnsafeBufferPointer<UInt8>, complete: Bool, line: Int, body: (CSVReader.Record) throws -> Void
  ) rethrows -> (bytes: Int, lines: Int)? {
    var scan = Self.scanQuoted(bytes, complete: complete, oneLine: false, ends: &ends, scratch: &scratch)
    guard let whole = scan else { return nil }
    var lines = whole.lineBreaks + 1
    // A record that spans lines must look like a real one; else the quote was stray.
    if whole.lineBreaks > 0,
      whole.malformed || whole.gaveUp || headerFields.map({ ends.count != $0 }) ?? false
    {
      scan = Self.scanQuoted(bytes, complete: true, oneLine: true, ends: &ends, scratch: &scratch)
      lines = 1
    }
    let record = scan!
    try scratch.withUnsafeBufferPointer { storage in
      try ends.withUnsafeBufferPointer { fieldEnds in
        try body(
          CSVReader.Record(
            base: storage.baseAddress ?? UnsafePointer(bitPattern: 1)!, ends: fieldEnds, line: line,
            isMalformed: record.malformed, byteCount: record.bytes))
      }
    }
    return (record.bytes, lines)
  }

  /// The quote-aware state machine over one record, into `scratch` and `ends`. With `oneLine`,
  /// a line break ends the record even inside quotes (resynchronising). Nil when the record
  /// does not end within `bytes` and more input may follow. `gaveUp` means the scan stopped
  /// early because the record, spanning lines, can no longer be taken as one.
  private static func scanQuoted(
    _ bytes: UnsafeBufferPointer<UInt8>, complete: Bool, oneLine: Bool, ends: inout [Int],
    scratch: inout [UInt8]
  ) -> (bytes: Int, lineBreaks: Int, malformed: Bool, gaveUp: Bool)? {
    enum State { case fieldStart, unquoted, quoted, quoteInQuoted }
    var state = State.fieldStart
    var malformed = false
    var lineBreaks = 0
    scratch.removeAll(keepingCapacity: true)
    ends.removeAll(keepingCapacity: true)
    var index = 0
    var finished = false
    var gaveUp = false
    scan: while index < bytes.count {
      let byte = bytes[index]
      index += 1
      switch state {
      case .fieldStart, .unquoted:
        switch byte {
        case 0x2C:
          ends.append(scratch.count)
          scratch.append(0x2C)  // keeps offsets in step with Record.field's "+1"
          state = .fieldStart
        case 0x0A:
          finished = true
          break scan
        case 0x0D: break
        case 0x22 where state == .fieldStart: state = .quoted
        default:
          if byte == 0x22 { malformed = true }
          scratch.append(byte)
          state = .unquoted
        }
      case .quoted:
        if byte == 0x22 {
          state = .quoteInQuoted
        } else if byte == 0x0A {
          if oneLine {
            malformed = true
            finished = true
            break scan
          }
          lineBreaks += 1
          scratch.append(byte)
          if lineBreaks > CSVReader.maxQuotedLineBreaks {
            gaveUp = true
            break scan
          }
        } else {
          scratch.append(byte)
        }
      case .quoteInQuoted:
        switch byte {
        case 0x22:
          scratch.append(0x22)
          state = .quoted
        case 0x2C:
          ends.append(scratch.count)
          scratch.append(0x2C)
          state = .fieldStart
        case 0x0A:
          finished = true
          break scan
        case 0x0D: break
        default:
          malformed = true
          scratch.append(byte)
          state = .unquoted
        }
      }
      // Spanning lines and already malformed: it will be resynchronised, so stop reading it.
      if malformed && lineBreaks > 0 {
        gaveUp = true
        break scan
      }
    }
    if !finished && !gaveUp {
      guard complete else { return nil }
      if state == .quoted { malformed = true }
    }
    ends.append(scratch.count)
    return (index, lineBreaks, malformed, gaveUp)
  }
}

/// A buffer of twice the capacity holding the first `filled` bytes of `buffer`, which is freed:
/// how both CSV readers make room for a record longer than their buffer.
func doubled(
  _ buffer: UnsafeMutablePointer<UInt8>, capacity: inout Int, keeping filled: Int
) -> UnsafeMutablePointer<UInt8> {
  capacity *= 2
  let larger = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
  larger.update(from: buffer, count: filled)
  buffer.deallocate()
  return larger
}

extension UnsafeBufferPointer<UInt8> {
  /// Byte-wise equality with ASCII text, without making a String.
  public func equals(_ text: StaticString) -> Bool {
    guard count == text.utf8CodeUnitCount else { return false }
    let other = UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount)
    return elementsEqual(other)
  }

  /// An integer, or nil when the bytes are not one (empty is nil too).
  public func integer() -> Int64? {
    guard !isEmpty else { return nil }
    var value: Int64 = 0
    var index = startIndex
    var negative = false
    if self[index] == UInt8(ascii: "-") {
      negative = true
      index += 1
      guard index < endIndex else { return nil }
    }
    while index < endIndex {
      let digit = self[index] &- UInt8(ascii: "0")
      guard digit < 10 else { return nil }
      let (product, overflow1) = value.multipliedReportingOverflow(by: 10)
      let (sum, overflow2) = product.addingReportingOverflow(Int64(digit))
      guard !overflow1, !overflow2 else { return nil }
      value = sum
      index += 1
    }
    return negative ? -value : value
  }

  /// Whether `needle` occurs in these bytes (memchr finds candidates for its first byte).
  public func contains(bytes needle: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let base = baseAddress, let first = needle.first else { return needle.isEmpty }
    guard needle.count <= count else { return false }
    var offset = 0
    let last = count - needle.count
    while offset <= last {
      guard let hit = memchr(base + offset, Int32(first), last - offset + 1) else { return false }
      let position = UnsafePointer(hit.assumingMemoryBound(to: UInt8.self)) - base
      if memcmp(base + position, needle.baseAddress!, needle.count) == 0 { return true }
      offset = position + 1
    }
    return false
  }

  /// A decimal number (integers take the fast path).
  public func number() -> Double? {
    if let integer = integer() { return Double(integer) }
    guard !isEmpty else { return nil }
    return Double(String(decoding: self, as: UTF8.self))
  }
}

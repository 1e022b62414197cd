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
public struct CSVReader {
  public struct Failure: Error, CustomStringConvertible {
    public var description: String
  }

  /// One record's fields, valid only during the callback.
  public struct Record {
    fileprivate let base: UnsafePointer<UInt8>
    fileprivate let ends: UnsafeBufferPointer<Int>
    /// The line the record starts on (the header is line 1).
    public let line: Int
    /// Set when a quote was misplaced; the fields hold a best effort.
    public let isMalformed: Bool

    public var count: Int { ends.count }

    /// The bytes of field `index` (empty past the last field).
    public func field(_ index: Int) -> UnsafeBufferPointer<UInt8> {
      guard index < ends.count else { return UnsafeBufferPointer(start: nil, count: 0) }
      let start = index == 0 ? 0 : ends[index - 1] + 1
      return UnsafeBufferPointer(start: base + start, count: ends[index] - start)
    }

    public func string(_ index: Int) -> String { String(decoding: field(index), as: UTF8.self) }
  }

  private let url: URL
  private let bufferSize: Int

  public init(url: URL, chunkSize: Int = 1 << 20) throws {
    guard FileManager.default.isReadableFile(atPath: url.path) else {
      throw Failure(description: "cannot read \(url.path)")
    }
    self.url = url
    bufferSize = max(chunkSize, 16)
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
    var ends: [Int] = []
    ends.reserveCapacity(64)
    var scratch: [UInt8] = []
    var atStart = true
    var endOfFile = false

    while !endOfFile {
      if filled == capacity {
        // One record longer than the buffer: grow it (records are short; this is rare).
        capacity *= 2
        let larger = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
        larger.update(from: buffer, count: filled)
        buffer.deallocate()
        buffer = larger
      }
      let got = read(descriptor, buffer + filled, capacity - filled)
      guard got >= 0 else { throw Failure(description: "cannot read \(url.path)") }
      if got == 0 { endOfFile = true }
      filled += got
      var position = 0
      if atStart, filled >= 3, buffer[0] == 0xEF, buffer[1] == 0xBB, buffer[2] == 0xBF { position = 3 }
      if atStart, filled >= 3 || endOfFile { atStart = false }

      while position < filled {
        let remaining = filled - position
        let start = buffer + position
        let newline = memchr(start, 0x0A, remaining)?.assumingMemoryBound(to: UInt8.self)
        if newline == nil && !endOfFile { break }  // incomplete line: read more
        let lineLength = newline.map { $0 - start } ?? remaining
        if memchr(start, 0x22, lineLength) == nil {
          var length = lineLength
          if length > 0, start[length - 1] == 0x0D { length -= 1 }
          if length > 0 {
            ends.removeAll(keepingCapacity: true)
            var fieldStart = 0
            while let comma = memchr(start + fieldStart, 0x2C, length - fieldStart) {
              let offset = comma.assumingMemoryBound(to: UInt8.self) - start
              ends.append(offset)
              fieldStart = offset + 1
            }
            ends.append(length)
            try ends.withUnsafeBufferPointer { fieldEnds in
              try body(Record(base: UnsafePointer(start), ends: fieldEnds, line: line, isMalformed: false))
            }
          }
          position += lineLength + (newline == nil ? 0 : 1)
          line += 1
          continue
        }
        // A quote: parse the record with the state machine; it may span lines.
        guard
          let consumed = try quotedRecord(
            UnsafeBufferPointer(start: start, count: remaining), complete: endOfFile, line: line, ends: &ends,
            scratch: &scratch, body: body)
        else { break }  // the record continues past the buffer: read more
        position += consumed.bytes
        line += consumed.lines
      }
      // Keep the unconsumed tail at the front of the buffer.
      let tail = filled - position
      if tail > 0, position > 0 { (buffer).update(from: buffer + position, count: tail) }
      filled = tail
      if endOfFile { break }
    }
  }

  /// Parses one record that contains a quote. Returns the bytes and lines consumed, or nil when
  /// the record does not end within `bytes` and more input may follow.
  private func quotedRecord(
    _ bytes: UnsafeBufferPointer<UInt8>, complete: Bool, line: Int, ends: inout [Int], scratch: inout [UInt8],
    body: (Record) throws -> Void
  ) throws -> (bytes: Int, lines: Int)? {
    enum State { case fieldStart, unquoted, quoted, quoteInQuoted }
    var state = State.fieldStart
    var malformed = false
    var lines = 0
    scratch.removeAll(keepingCapacity: true)
    ends.removeAll(keepingCapacity: true)
    var index = 0
    var finished = false
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
        } else {
          if byte == 0x0A { lines += 1 }
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
    }
    if !finished {
      guard complete else { return nil }
      if state == .quoted { malformed = true }
    }
    ends.append(scratch.count)
    try scratch.withUnsafeBufferPointer { storage in
      try ends.withUnsafeBufferPointer { fieldEnds in
        try body(
          Record(
            base: storage.baseAddress ?? UnsafePointer(bitPattern: 1)!, ends: fieldEnds, line: line,
            isMalformed: malformed))
      }
    }
    return (index, lines + 1)
  }
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

import Foundation

/// Reads CSV (RFC 4180: quoted fields, doubled quotes, newlines inside quotes, CRLF or LF) in
/// fixed-size chunks, so memory stays constant however large the file. Each record is handed
/// over as byte ranges into a reused buffer, with the line it starts on, and no allocation per
/// field.
public struct CSVReader {
  public struct Failure: Error, CustomStringConvertible {
    public var description: String
  }

  /// One record's fields, valid only during the callback.
  public struct Record {
    fileprivate let bytes: UnsafeBufferPointer<UInt8>
    fileprivate let ends: UnsafeBufferPointer<Int>
    /// The line the record starts on (the header is line 1).
    public let line: Int
    /// Set when a quote was misplaced; the fields hold a best effort.
    public let isMalformed: Bool

    public var count: Int { ends.count }

    /// The bytes of field `index` (empty past the last field).
    public func field(_ index: Int) -> UnsafeBufferPointer<UInt8> {
      guard index < ends.count else { return UnsafeBufferPointer(start: nil, count: 0) }
      let start = index == 0 ? 0 : ends[index - 1]
      return UnsafeBufferPointer(rebasing: bytes[start..<ends[index]])
    }

    public func string(_ index: Int) -> String { String(decoding: field(index), as: UTF8.self) }
  }

  private let handle: FileHandle
  private let chunkSize: Int

  public init(url: URL, chunkSize: Int = 1 << 20) throws {
    do {
      handle = try FileHandle(forReadingFrom: url)
    } catch {
      throw Failure(description: "cannot open \(url.path): \(error.localizedDescription)")
    }
    self.chunkSize = chunkSize
  }

  /// Calls `body` for every record, the header included (line 1).
  public func forEachRecord(_ body: (Record) throws -> Void) throws {
    defer { try? handle.close() }
    var record: [UInt8] = []
    record.reserveCapacity(4_096)
    var ends: [Int] = []
    ends.reserveCapacity(32)

    enum State { case fieldStart, unquoted, quoted, quoteInQuoted }
    var state = State.fieldStart
    var line = 1
    var recordLine = 1
    var malformed = false
    var sawBOMCheck = false

    func emit() throws {
      ends.append(record.count)
      // A blank line is no record.
      if !(ends.count == 1 && record.isEmpty) {
        try record.withUnsafeBufferPointer { bytes in
          try ends.withUnsafeBufferPointer { fieldEnds in
            try body(Record(bytes: bytes, ends: fieldEnds, line: recordLine, isMalformed: malformed))
          }
        }
      }
      record.removeAll(keepingCapacity: true)
      ends.removeAll(keepingCapacity: true)
      malformed = false
      state = .fieldStart
    }

    while true {
      let chunk: Data
      do {
        guard let data = try handle.read(upToCount: chunkSize), !data.isEmpty else { break }
        chunk = data
      } catch {
        throw Failure(description: "cannot read: \(error.localizedDescription)")
      }
      try chunk.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
        var bytes = raw.bindMemory(to: UInt8.self)[...]
        if !sawBOMCheck {
          sawBOMCheck = true
          if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        }
        for byte in bytes {
          switch state {
          case .fieldStart, .unquoted:
            switch byte {
            case UInt8(ascii: ","):
              ends.append(record.count)
              state = .fieldStart
            case UInt8(ascii: "\n"):
              try emit()
              line += 1
              recordLine = line
            case UInt8(ascii: "\r"):
              break
            case UInt8(ascii: "\"") where state == .fieldStart:
              state = .quoted
            default:
              if state == .fieldStart { recordLine = ends.isEmpty && record.isEmpty ? line : recordLine }
              record.append(byte)
              state = .unquoted
            }
          case .quoted:
            if byte == UInt8(ascii: "\"") {
              state = .quoteInQuoted
            } else {
              if byte == UInt8(ascii: "\n") { line += 1 }
              record.append(byte)
            }
          case .quoteInQuoted:
            switch byte {
            case UInt8(ascii: "\""):
              record.append(byte)
              state = .quoted
            case UInt8(ascii: ","):
              ends.append(record.count)
              state = .fieldStart
            case UInt8(ascii: "\n"):
              try emit()
              line += 1
              recordLine = line
            case UInt8(ascii: "\r"):
              break
            default:
              malformed = true  // text after a closing quote
              record.append(byte)
              state = .unquoted
            }
          }
        }
      }
    }
    if state == .quoted { malformed = true }
    if !record.isEmpty || !ends.isEmpty || state != .fieldStart { try emit() }
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

  /// A decimal number (integers take the fast path).
  public func number() -> Double? {
    if let integer = integer() { return Double(integer) }
    guard !isEmpty else { return nil }
    return Double(String(decoding: self, as: UTF8.self))
  }
}

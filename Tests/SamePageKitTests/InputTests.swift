import Foundation
import SamePageScoring
import Testing

@Suite struct InputTests {
  func records(_ csv: String, chunkSize: Int = 7) throws -> [(line: Int, fields: [String], malformed: Bool)] {
    let directory = try TemporaryDirectory()
    try directory.write(csv, to: "in.csv")
    var out: [(Int, [String], Bool)] = []
    try CSVReader(url: directory.url.appendingPathComponent("in.csv"), chunkSize: chunkSize).forEachRecord {
      record in
      out.append((record.line, (0..<record.count).map(record.string), record.isMalformed))
    }
    return out
  }

  @Test(arguments: [3, 7, 1 << 20])
  func quotedFieldsAcrossChunkBoundaries(_ chunkSize: Int) throws {
    let rows = try records(
      "id,url,note\r\nL1,\"https://x.example/a,b\",\"said \"\"hi\"\"\"\nL2,/blog/,\"two\nlines\"\n\nL3,,\n",
      chunkSize: chunkSize)
    #expect(rows.map(\.line) == [1, 2, 3, 6])
    #expect(rows[1].fields == ["L1", "https://x.example/a,b", "said \"hi\""])
    #expect(rows[2].fields == ["L2", "/blog/", "two\nlines"])
    #expect(rows[3].fields == ["L3", "", ""])
    #expect(rows.allSatisfy { !$0.malformed })
  }

  @Test func strayQuoteMarksTheRecordMalformed() throws {
    let rows = try records("a,b\n\"x\"y,2\n\"unterminated,3\n")
    #expect(rows[1].malformed)
    #expect(rows[2].malformed)
  }

  @Test(arguments: [3, 7, 1 << 20])
  func strayQuoteCostsOneLineAndTheReaderResynchronises(_ chunkSize: Int) throws {
    // A stray quote at the start of a line used to swallow the rest of the file as one record.
    let rows = try records("a,b\n\"x,1\ny,2\nz,3\n", chunkSize: chunkSize)
    #expect(rows.map(\.line) == [1, 2, 3, 4])
    #expect(rows.map(\.malformed) == [false, true, false, false])
    try #require(rows.count == 4)
    #expect(rows[2].fields == ["y", "2"] && rows[3].fields == ["z", "3"])
  }

  @Test func twoStrayQuotesDoNotPairUpAcrossLines() throws {
    // The quote on line 4 would close line 2's field; the record that makes is malformed.
    let rows = try records("a,b\n\"x,1\ny,2\nz,\"3\nw,4\n")
    #expect(rows.map(\.line) == [1, 2, 3, 4, 5])
    #expect(rows.map(\.malformed) == [false, true, false, true, false])
  }

  @Test func aQuotedRecordWithTheWrongFieldCountIsResynchronised() throws {
    // Well-formed quotes, but the record they make has 3 fields where the header has 2.
    let rows = try records("a,b\n\"x,1\ny,2\nz\",3,4\nw,4\n")
    #expect(rows.map(\.line) == [1, 2, 3, 4, 5])
    #expect(rows.map(\.malformed) == [false, true, false, true, false])
  }

  @Test func aQuotedFieldMaySpanAtMostAThousandLineBreaks() throws {
    let within = String(repeating: "x\n", count: 1_000)
    let accepted = try records("a,b\n\"\(within)\",1\nz,2\n", chunkSize: 1 << 20)
    #expect(accepted.map(\.line) == [1, 2, 1_003])
    #expect(accepted.allSatisfy { !$0.malformed })
    let past = String(repeating: "x\n", count: 1_001)
    let refused = try records("a,b\n\"\(past)\",1\nz,2\n", chunkSize: 1 << 20)
    try #require(refused.count > 2)
    #expect(refused[1].line == 2 && refused[1].malformed)
    #expect(refused.last?.fields == ["z", "2"])
  }

  @Test func aRecordPastTheLengthLimitIsRefusedWithFileAndLine() throws {
    let directory = try TemporaryDirectory()
    try directory.write("id\nL1\n" + String(repeating: "x", count: 300), to: "in.csv")
    let reader = try CSVReader(
      url: directory.url.appendingPathComponent("in.csv"), chunkSize: 16, maxRecordBytes: 256)
    #expect {
      try reader.forEachRecord { _ in }
    } throws: { error in
      "\(error)".hasPrefix("in.csv: line 3: a record longer than 256 bytes")
    }
  }

  @Test func recordsKnowTheirSizeInBytes() throws {
    let directory = try TemporaryDirectory()
    try directory.write("a,b\r\n\"x\ny\",1\n2,3", to: "in.csv")
    var sizes: [Int] = []
    try CSVReader(url: directory.url.appendingPathComponent("in.csv"), chunkSize: 4).forEachRecord {
      sizes.append($0.byteCount)
    }
    #expect(sizes == [5, 8, 3])
  }

  @Test func lastLineWithoutNewlineAndByteOrderMark() throws {
    let rows = try records("\u{FEFF}id\nL1")
    #expect(rows.map(\.fields) == [["id"], ["L1"]])
  }

  @Test(arguments: [
    ("2026-10-05T14:03:00Z", "2026-10-05T14:03:00Z"),
    ("2026-10-05T09:03:00-05:00", "2026-10-05T14:03:00Z"),
    ("2026-10-05 16:03:00.999+0200", "2026-10-05T14:03:00.999Z"),
    ("2026-10-05 16:03:00.9999+0200", "2026-10-05T14:03:00.999Z"),
    ("2026-10-05t16:03:00.5z", "2026-10-05T16:03:00.500Z"),
    ("2026-10-05T14:03Z", "2026-10-05T14:03:00Z"),
    ("2026-10-05T19:48:00+05:45", "2026-10-05T14:03:00Z"),
    ("2026-10-05T14:03:00,25Z", "2026-10-05T14:03:00.250Z"),
    ("1969-12-31T23:59:59.999Z", "1969-12-31T23:59:59.999Z"),
    ("1969-12-31T23:59:59Z", "1969-12-31T23:59:59Z"),
  ])
  func timestampsWithOffsetsParse(_ input: String, _ utc: String) throws {
    let instant = try #require(Timestamp.parse(input))
    #expect(Timestamp.format(instant) == utc)
  }

  @Test(arguments: ["2026-10-05T14:03:00", "2026-13-05T14:03:00Z", "yesterday", "2026-10-05T14:03:00+5", ""])
  func timestampsWithoutOffsetsOrMalformedAreRefused(_ input: String) {
    #expect(Timestamp.parse(input) == nil)
  }

  @Test(arguments: [
    "2026-02-31T10:00:00Z", "2026-11-31T10:00:00Z", "2026-02-29T10:00:00Z", "2100-02-29T10:00:00Z",
    "2026-04-31T10:00:00Z", "2026-10-00T10:00:00Z", "2026-10-05T14:03:00+99:99", "2026-10-05T14:03:00+24:00",
    "2026-10-05T14:03:00-05:60", "2026-10-05T14:03:00+0575", "2026-10-05T14:03:00.Z",
    "2026-10-05T23:59:60Z", "2026-10-05T24:00:00Z", "2026-10-05T14:60Z", "2026-10-05T14:03:00.5",
  ])
  func impossibleDatesAndOffsetsAreRefusedNotRolledOver(_ input: String) {
    #expect(Timestamp.parse(input) == nil)
  }

  @Test func leapDaysExistInLeapYearsOnly() throws {
    #expect(Timestamp.parse("2028-02-29T12:00:00Z").map(Timestamp.format) == "2028-02-29T12:00:00Z")
    #expect(Timestamp.parse("2000-02-29T12:00:00+23:59") != nil)
    #expect(CivilDate.parse("2026-12-31") != nil)
    #expect(CivilDate.parse("2026-02-31") == nil && CivilDate.parse("2026-11-31") == nil)
  }

  @Test func userBytesAreQuotedBoundedAndEscaped() {
    #expect(UserText.quote(Array("X".utf8) + [0xFF]) == "X\\xFF")
    #expect(UserText.quote([0x00, 0x09, 0x22] + Array("é".utf8)) == "\\x00\\x09\"é")
    let long = UserText.quote(Array(String(repeating: "ab", count: 100).utf8))
    #expect(long == String(repeating: "ab", count: 40) + "…")
    #expect(UserText.quote(Array(String(repeating: "\u{0}", count: 1_000_000).utf8)).count <= 81)
  }

  @Test func numbersParseFromBytes() {
    var text = "-1234"
    #expect(text.withUTF8 { $0.integer() } == -1234)
    text = "12.5"
    #expect(text.withUTF8 { $0.number() } == 12.5)
    text = "12a"
    #expect(text.withUTF8 { $0.number() } == nil)
    text = "99999999999999999999"
    #expect(text.withUTF8 { $0.integer() } == nil)
  }
}

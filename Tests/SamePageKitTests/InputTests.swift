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

  @Test func lastLineWithoutNewlineAndByteOrderMark() throws {
    let rows = try records("\u{FEFF}id\nL1")
    #expect(rows.map(\.fields) == [["id"], ["L1"]])
  }

  @Test(arguments: [
    ("2026-10-05T14:03:00Z", "2026-10-05T14:03:00Z"),
    ("2026-10-05T09:03:00-05:00", "2026-10-05T14:03:00Z"),
    ("2026-10-05 16:03:00.999+0200", "2026-10-05T14:03:00Z"),
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

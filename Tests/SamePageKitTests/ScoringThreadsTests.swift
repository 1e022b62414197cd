import Foundation
import SamePageKit
import Testing

@testable import SamePageScoring

/// `score --threads`: the events file is read in pieces on several threads, and the results
/// must be byte for byte those of one thread, for any piece size: records with quoted line
/// breaks across piece boundaries, malformed rows, and the lines that issues name.
@Suite struct ScoringThreadsTests {
  static let config = ScoringEngineTests.starterConfig
  static let asOf = Timestamp.parse("2026-11-20T17:00:00-06:00")!

  /// Sample data whose events file has, every few rows, a record of a difficult kind; the
  /// lines of the rows that must be reported, in file order.
  static func data(in directory: TemporaryDirectory) throws -> (events: URL, issueLines: [Int]) {
    try SampleData(leads: 300, events: 6_000, activities: 300, seed: 3, asOf: asOf).write(
      to: directory.url, config: config)
    let events = directory.url.appendingPathComponent("events.csv")
    let rows = try String(contentsOf: events, encoding: .utf8).split(separator: "\n").map(String.init)
    var out = rows[0] + "\n"
    var line = 2
    var issueLines: [Int] = []
    for (number, row) in rows.dropFirst().enumerated() {
      let fields = row.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
      if number % 41 == 0, fields.count == 4 {
        let (lead, type, time) = (fields[0], fields[1], fields[2])
        switch number / 41 % 9 {
        case 0:  // a URL with a line break in quotes: one record over two lines
          out += "\(lead),\(type),\(time),\"https://keystone.example/products/a\nb, c\"\n"
          line += 2
        case 1:  // a stray quote
          out += "\(lead),\(type),\(time),https://x\"y\n"
          issueLines.append(line)
          line += 1
        case 2:  // well-formed quotes over two lines but five fields: two malformed lines
          out += "\(lead),\(type),\"\(time)\nmore\",url,extra\n"
          issueLines += [line, line + 1]
          line += 2
        case 3:
          out += "\(lead),\(type),\(time)\n"
          issueLines.append(line)
          line += 1
        case 4:
          out += "nobody-\(number),\(type),\(time),\n"
          issueLines.append(line)
          line += 1
        case 5:
          out += "\(lead),\(type),2026-02-31T10:00:00Z,\n"
          issueLines.append(line)
          line += 1
        case 6:  // ignored, not an issue
          out += "\(lead),email_open,\(time),\n"
          line += 1
        case 7:  // doubled quotes and CRLF inside quotes, over three lines
          out += "\(lead),\(type),\(time),\"a \"\"b\"\"\r\nc\r\nd\"\r\n"
          line += 3
        default:  // a blank line still counts as a line
          out += "\n"
          line += 1
        }
      }
      out += row + "\n"
      line += 1
    }
    try Data(out.utf8).write(to: events)
    return (events, issueLines)
  }

  struct Output: Equatable {
    var leads: Data
    var summary: Data
    var issues: [ScoringRun.RowIssue]
  }

  static func score(
    _ directory: TemporaryDirectory, threads: Int, pieceBytes: Int? = nil, maxErrors: Int = 1_000
  ) throws -> Output {
    var options = ScoringRun.Options(
      asOf: asOf, maxErrors: maxErrors, maxSkippedPercent: 100, threads: threads)
    if let pieceBytes { options.eventPieceBytes = pieceBytes }
    let run = try ScoringRun(config: config, options: options)
    try run.loadLeads(directory.url.appendingPathComponent("leads.csv"))
    try run.scoreEvents(directory.url.appendingPathComponent("events.csv"))
    try run.countActivities(directory.url.appendingPathComponent("activities.csv"))
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    return Output(leads: run.leadsCSV(), summary: try encoder.encode(run.summary()), issues: run.issues)
  }

  @Test func anyThreadsAndPieceSizeGiveTheOutputOfOneThread() throws {
    let directory = try TemporaryDirectory()
    let (_, issueLines) = try Self.data(in: directory)
    let reference = try Self.score(directory, threads: 1)
    let eventIssues = reference.issues.filter { $0.file == "events.csv" }
    // The issues name the lines a reader of the file sees, quoted line breaks counted (the
    // sample data has a few unreadable rows of its own besides).
    let reported = eventIssues.map(\.line)
    #expect(Set(issueLines).isSubset(of: Set(reported)), "\(Set(issueLines).subtracting(reported).sorted())")
    #expect(reported == reported.sorted())
    #expect(reported.count >= issueLines.count && reported.count <= issueLines.count + 5)
    #expect(issueLines.count > 30)
    let summary = try JSONSerialization.jsonObject(with: reference.summary) as? [String: Any]
    let events = summary?["events"] as? [String: Any]
    #expect((events?["used"] as? Int ?? 0) > 4_000)
    #expect((events?["ignored"] as? Int ?? 0) > 0)
    // Pieces of 64 bytes put a boundary in nearly every record, and in every quoted one.
    for (threads, pieceBytes) in [(1, 64), (2, 64), (2, 333), (3, 4_096), (2, nil)] as [(Int, Int?)] {
      let output = try Self.score(directory, threads: threads, pieceBytes: pieceBytes)
      #expect(output.leads == reference.leads, "threads \(threads), pieces of \(pieceBytes ?? 0) bytes")
      #expect(output.summary == reference.summary, "threads \(threads), pieces of \(pieceBytes ?? 0) bytes")
      #expect(output.issues == reference.issues, "threads \(threads), pieces of \(pieceBytes ?? 0) bytes")
    }
  }

  /// A pipe (`--events <(zcat events.csv.gz)`) cannot be read at offsets nor sized: it is
  /// streamed, and must give what the file gives.
  @Test func eventsFromAPipeGiveWhatTheFileGives() throws {
    let directory = try TemporaryDirectory()
    let (events, _) = try Self.data(in: directory)
    let reference = try Self.score(directory, threads: 2, pieceBytes: 333)
    let pipe = directory.url.appendingPathComponent("events.fifo")
    #expect(mkfifo(pipe.path, 0o600) == 0)
    let contents = try Data(contentsOf: events)
    let writer = Thread {
      // Opening blocks until the run opens the pipe to read it.
      guard let handle = FileHandle(forWritingAtPath: pipe.path) else { return }
      handle.write(contents)
      try? handle.close()
    }
    writer.start()
    let run = try ScoringRun(
      config: Self.config,
      options: .init(asOf: Self.asOf, maxErrors: 1_000, maxSkippedPercent: 100, threads: 2))
    try run.loadLeads(directory.url.appendingPathComponent("leads.csv"))
    try run.scoreEvents(pipe)
    try run.countActivities(directory.url.appendingPathComponent("activities.csv"))
    #expect(run.leadsCSV() == reference.leads)
    // The summary and issues name the file; only its name differs.
    #expect(
      run.issues.map { ["\($0.line)", $0.reason] } == reference.issues.map { ["\($0.line)", $0.reason] })
    #expect(run.eventCounts.rows > 6_000 && run.eventCounts.used > 4_000)
  }

  @Test func tooManyErrorsStopsAtTheSameRowsWithAnyThreads() throws {
    let directory = try TemporaryDirectory()
    let (_, issueLines) = try Self.data(in: directory)
    func failure(threads: Int, pieceBytes: Int?) -> String? {
      do {
        _ = try Self.score(directory, threads: threads, pieceBytes: pieceBytes, maxErrors: 5)
        return nil
      } catch {
        return "\(error)"
      }
    }
    let reference = try #require(failure(threads: 1, pieceBytes: nil))
    #expect(reference.contains("more than 5 rows could not be read"))
    #expect(reference.contains("First: line \(issueLines[0]):"))
    for (threads, pieceBytes) in [(2, 64), (2, 1_000), (3, 200)] as [(Int, Int?)] {
      #expect(failure(threads: threads, pieceBytes: pieceBytes) == reference)
    }
  }

  @Test func theCommandWritesTheSameFilesWithOneAndTwoThreads() throws {
    let directory = try TemporaryDirectory()
    let (events, _) = try Self.data(in: directory)
    let config = directory.url.appendingPathComponent("config.json")
    try Self.config.encoded().write(to: config)
    func score(_ threads: String) throws -> ProcessRunner.Result {
      try ProcessRunner.run(
        CLITests.binary,
        [
          "score", "--config", config.path, "--leads", directory.url.appendingPathComponent("leads.csv").path,
          "--events", events.path, "--activities",
          directory.url.appendingPathComponent("activities.csv").path,
          "--as-of", "2026-11-20T17:00:00-06:00", "--max-skipped-percent", "100", "--threads", threads,
          "--out",
          directory.url.appendingPathComponent("out-\(threads)").path,
        ])
    }
    for threads in ["1", "2"] {
      let run = try score(threads)
      #expect(run.status == 0, "\(run.error)")
    }
    for file in ["leads.csv", "summary.json"] {
      let one = try Data(contentsOf: directory.url.appendingPathComponent("out-1/\(file)"))
      let two = try Data(contentsOf: directory.url.appendingPathComponent("out-2/\(file)"))
      #expect(one == two, "\(file)")
      #expect(one.count > 1_000)
    }
    let refused = try score("0")
    #expect(refused.status == 2)
    #expect(refused.error.contains("--threads must be at least 1"))
  }

  /// The byte-level search for `contains_any` fit rules answers as Foundation's `contains`,
  /// which it replaces for printable ASCII (and falls back to otherwise).
  @Test func fitTextSearchAnswersAsFoundation() {
    let texts = [
      "maintenance manager", "plant manager", "", "kimya müdürü", "cafe\u{301} owner", "a\r\nb", "MANAGER",
    ]
    let parts = ["manager", "", "müdür", "cafe", "café", "\n", "a\r", "r m", "manager!"]
    for text in texts {
      for part in parts {
        #expect(FieldValue.contains(text, part) == text.contains(part), "'\(text)' contains '\(part)'")
      }
    }
    #expect(FieldValue.contains("plant maintenance manager", "manager"))
    #expect(!FieldValue.contains("plant maintenance", "manager"))
  }
}

import Foundation
import SamePageKit
import SamePageScoring

/// The scoring core's readers under a fuzzer: the input is one of the three files of a
/// `score` run (leads, events or activities, as CSV or JSON Lines), the other two a small valid
/// sample; the CSV reader also reads it at a small chunk size, and the timestamp parser reads
/// each of its lines.
///
/// The first byte picks the role (bits 0–1), JSON Lines (bit 2) and the chunk size (the
/// rest); the remaining bytes are the file.
public enum ScoringInputFuzzing {
  public enum Role: Int, CaseIterable, Sendable {
    case leads, events, activities
    var name: String { ["leads", "events", "activities"][rawValue] }
  }

  public static func run(_ input: [UInt8]) {
    guard let selector = input.first else { return }
    let role = Role(rawValue: Int(selector & 0b11) % Role.allCases.count)!
    let jsonLines = selector & 0b100 != 0
    let bytes = Data(input.dropFirst())
    let fuzzed = workspace.appendingPathComponent("fuzzed-\(role.name)." + (jsonLines ? "jsonl" : "csv"))
    guard FileManager.default.createFile(atPath: fuzzed.path, contents: bytes) else {
      fatalError("cannot write \(fuzzed.path)")
    }

    // The reader alone, at a chunk size that puts record boundaries everywhere.
    if let reader = try? CSVReader(url: fuzzed, chunkSize: 16 + Int(selector >> 3), maxRecordBytes: 1 << 16) {
      try? reader.forEachRecord { record in
        for index in 0..<record.count { _ = Timestamp.parse(record.field(index)) }
      }
    }
    for line in bytes.split(separator: UInt8(ascii: "\n")).prefix(64) {
      _ = Timestamp.parse(String(decoding: line, as: UTF8.self))
    }

    // A whole run; any thrown error is a refusal the CLI reports, which is fine.
    let files = Role.allCases.map { $0 == role ? fuzzed : sample.appendingPathComponent("\($0.name).csv") }
    guard let run = try? ScoringRun(config: config, options: .init(asOf: asOf, maxErrors: 50)) else {
      fatalError("the starter config does not start a run")
    }
    do {
      try run.loadLeads(files[0])
      try run.scoreEvents(files[1])
      try run.countActivities(files[2])
    } catch {
      return
    }
    let summary = run.summary()
    _ = run.humanSummary(summary)
    _ = run.leadsCSV()
  }

  static let asOf = Timestamp.parse("2026-11-20T17:00:00-06:00")!

  static let config: ScoringConfig = ScoringConfigEmitter.config(for: GlossaryLoader.starterGlossary)

  static let workspace: URL = {
    let base = FileManager.default.fileExists(atPath: "/dev/shm") ? "/dev/shm" : NSTemporaryDirectory()
    let url = URL(fileURLWithPath: base).appendingPathComponent("samepage-fuzz-\(getpid())")
    try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }()

  /// A small valid sample the fuzzed file is scored against.
  static let sample: URL = {
    let url = workspace.appendingPathComponent("sample")
    do {
      try SampleData(leads: 40, events: 400, activities: 40, seed: 7, asOf: asOf).write(
        to: url, config: config)
    } catch {
      fatalError("cannot write the sample data: \(error)")
    }
    return url
  }()

  /// The corpus form of a file: the selector byte, then the bytes.
  public static func input(_ role: Role, jsonLines: Bool = false, chunkSize: Int = 16, _ bytes: [UInt8])
    -> [UInt8]
  {
    [UInt8(role.rawValue) | (jsonLines ? 0b100 : 0) | UInt8(((chunkSize - 16) & 0x1F) << 3)] + bytes
  }
}

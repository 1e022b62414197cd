import Foundation

/// A JSON document for scripts: `{"diagnostics": [...], "errors": n, "warnings": n}`.
public struct JSONDiagnosticWriter: DiagnosticWriter {
  public init() {}

  private struct Report: Encodable {
    var diagnostics: [Diagnostic]
    var errors: Int
    var warnings: Int
  }

  public func write(_ diagnostics: [Diagnostic]) -> String {
    let report = Report(
      diagnostics: diagnostics, errors: diagnostics.errorCount, warnings: diagnostics.warningCount)
    return encodeJSON(report) + "\n"
  }
}

/// Stable, readable JSON: sorted keys so that output diffs cleanly between runs.
func encodeJSON<T: Encodable>(_ value: T) -> String {
  let encoder = JSONEncoder()
  encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
  // Encoding plain structs of strings and numbers cannot fail.
  let data = try! encoder.encode(value)
  return String(decoding: data, as: UTF8.self)
}

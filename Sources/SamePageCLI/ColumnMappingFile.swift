import ArgumentParser
import Foundation
import SamePageKit
import SamePageScoring

/// Reads `score --columns`: a bundled mapping by name, or a YAML file of the form
///
/// ```yaml
/// leads:
///   id: Record ID          # our column: the header in your export
///   created_at: Create Date
/// events: {}
/// activities:
///   rep: Assigned To
/// ```
///
/// Anything else (an unknown file section, one of our columns that does not exist, a header
/// that is not text, two of our columns on one header) is refused with its line and column.
func loadColumnMapping(_ argument: String, for command: String) throws -> ColumnMapping {
  if let bundled = ColumnMapping.bundled[argument] { return bundled }
  func fail(_ message: String) -> ExitCode {
    printError("samepage \(command): \(message)")
    return ExitCode(2)
  }
  guard FileManager.default.fileExists(atPath: argument) else {
    throw fail(
      "--columns '\(argument)' is neither a file nor a bundled mapping (\(ColumnMapping.bundled.keys.sorted().joined(separator: ", ")))"
    )
  }
  let root: YAMLNode
  switch YAMLLoader().load(contentsOf: URL(fileURLWithPath: argument), displayPath: argument) {
  case .loaded(let file): root = file.root
  case .failed(let diagnostics):
    throw fail(TextDiagnosticWriter().write(diagnostics).trimmingCharacters(in: .newlines))
  }
  guard case .mapping(let sections) = root.content else {
    throw fail(
      "\(root.location): a column mapping is a mapping with the sections leads, events and activities")
  }
  var mapping = ColumnMapping()
  for section in sections {
    guard let file = ColumnMapping.File(rawValue: section.key) else {
      throw fail(
        "\(section.keyLocation): unknown section '\(section.key)'; a column mapping has leads, events and activities"
      )
    }
    guard case .mapping(let entries) = section.value.content else {
      throw fail("\(section.value.location): '\(section.key)' must map our column names to your headers")
    }
    var renamed: [String: String] = [:]
    var byHeader: [String: String] = [:]
    for entry in entries {
      let known = ColumnMapping.knownColumns[file] ?? []
      // Lead attributes are named by the glossary, so any lead column name may be mapped.
      if file != .leads, !known.contains(entry.key) {
        throw fail(
          "\(entry.keyLocation): '\(entry.key)' is not a column of \(section.key) (\(known.joined(separator: ", ")))"
        )
      }
      guard case .scalar(let header, _) = entry.value.content,
        !header.trimmingCharacters(in: .whitespaces).isEmpty
      else {
        throw fail(
          "\(entry.value.location): the header for '\(entry.key)' must be the column's name in your export")
      }
      let key = header.trimmingCharacters(in: .whitespaces).lowercased()
      if let other = byHeader[key] {
        throw fail("\(entry.value.location): '\(header)' is mapped to both '\(other)' and '\(entry.key)'")
      }
      byHeader[key] = entry.key
      renamed[entry.key] = header
    }
    switch file {
    case .leads: mapping.leads = renamed
    case .events: mapping.events = renamed
    case .activities: mapping.activities = renamed
    }
  }
  return mapping
}

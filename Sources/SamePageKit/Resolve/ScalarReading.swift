import Foundation

extension YAMLNode {
  /// The text of a scalar, or nil for lists and mappings.
  var scalarText: String? {
    if case .scalar(let text, _) = content { return text }
    return nil
  }
}

extension String: YAMLReadable {
  static var expectation: String { "text" }
  static func read(_ node: YAMLNode, field: String?, in context: ReadContext) -> String? {
    guard let text = node.scalarText else {
      context.wrongType(node, expected: expectation, field: field)
      return nil
    }
    return text
  }
}

/// A number read into a range: a value outside it is reported where it was written
/// (`glossary.out-of-range`) and never reaches a rule, the renderer or the scoring config.
protocol YAMLBoundedNumber: YAMLReadable, Comparable {
  /// The range a field gets when its reader names none.
  static var anyValue: ClosedRange<Self> { get }
  static func read(_ node: YAMLNode, field: String?, in context: ReadContext, range: ClosedRange<Self>)
    -> Self?
}

extension YAMLBoundedNumber {
  static func read(_ node: YAMLNode, field: String?, in context: ReadContext) -> Self? {
    read(node, field: field, in: context, range: anyValue)
  }
}

extension Int: YAMLBoundedNumber {
  static var expectation: String { "a whole number" }
  static var anyValue: ClosedRange<Int> { NumberLimits.wholeNumber }

  static func read(_ node: YAMLNode, field: String?, in context: ReadContext, range: ClosedRange<Int>) -> Int?
  {
    guard let text = node.scalarText else {
      context.wrongType(node, expected: expectation, field: field)
      return nil
    }
    let digits = text.replacingOccurrences(of: "_", with: "")
    if let value = Int(digits) {
      if range.contains(value) { return value }
    } else if Double(digits).map({ $0.isNaN || $0.rounded() != $0 }) ?? true {
      // Not a whole number at all; 1e19 or 99999999999999999999 is one, too large for Int.
      context.wrongType(node, expected: expectation, field: field)
      return nil
    }
    context.outOfRange(node, field: field, text: text, range: "\(range.lowerBound) to \(range.upperBound)")
    return nil
  }
}

extension Double: YAMLBoundedNumber {
  static var expectation: String { "a number" }
  static var anyValue: ClosedRange<Double> { NumberLimits.number }

  static func read(_ node: YAMLNode, field: String?, in context: ReadContext, range: ClosedRange<Double>)
    -> Double?
  {
    guard let text = node.scalarText, let value = Double(yamlNumber: text), !value.isNaN else {
      context.wrongType(node, expected: expectation, field: field)
      return nil
    }
    guard range.contains(value) else {
      context.outOfRange(
        node, field: field, text: text,
        range: "\(formatNumber(range.lowerBound)) to \(formatNumber(range.upperBound))")
      return nil
    }
    return value
  }

  /// A YAML number: `1_000`, `1e6`, and YAML's `.inf`, `-.inf` and `.nan` spellings.
  init?(yamlNumber text: String) {
    switch text {
    case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF": self = .infinity
    case "-.inf", "-.Inf", "-.INF": self = -.infinity
    case ".nan", ".NaN", ".NAN": self = .nan
    default:
      guard let value = Double(text.replacingOccurrences(of: "_", with: "")) else { return nil }
      self = value
    }
  }
}

extension Bool: YAMLReadable {
  static var expectation: String { "true or false" }
  static func read(_ node: YAMLNode, field: String?, in context: ReadContext) -> Bool? {
    // Only true and false: YAML 1.1's yes/no/on/off surprise people (the "Norway problem").
    switch node.scalarText {
    case "true", "True", "TRUE": return true
    case "false", "False", "FALSE": return false
    default:
      context.wrongType(node, expected: expectation, field: field)
      return nil
    }
  }
}

/// Enumerations spelled in YAML as their raw values; a typo gets "did you mean".
protocol YAMLEnumeration: YAMLReadable, RawRepresentable<String>, CaseIterable {}

extension YAMLEnumeration {
  static var expectation: String {
    "one of " + allCases.map { "'\($0.rawValue)'" }.joined(separator: ", ")
  }

  static func read(_ node: YAMLNode, field: String?, in context: ReadContext) -> Self? {
    guard let text = node.scalarText else {
      context.wrongType(node, expected: expectation, field: field)
      return nil
    }
    if let value = Self(rawValue: text) { return value }
    let suggestion = Suggestion.nearest(to: text, in: allCases.map(\.rawValue))
    context.invalidValue(
      node,
      "'\(text)' is not a valid \(field.map { "'\($0)'" } ?? "value")"
        + (suggestion.map { "; did you mean '\($0)'?" } ?? ""),
      fix: "use \(expectation)")
    return nil
  }
}

/// A stable identifier: lowercase letters, digits, '-' and '_', starting with a letter.
///
/// Ids become anchors, file names and config keys, so anything else (spaces, '/', '..') is refused
/// when read: an id like `../../etc` must never reach a path.
public struct Slug: Hashable, Sendable, Comparable, CustomStringConvertible, YAMLReadable {
  public let rawValue: String

  public init?(_ text: String) {
    guard Slug.isValid(text) else { return nil }
    rawValue = text
  }

  public static func isValid(_ text: String) -> Bool {
    guard let first = text.unicodeScalars.first, ("a"..."z").contains(first), text.utf8.count <= 64 else {
      return false
    }
    return text.unicodeScalars.allSatisfy {
      ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_"
    }
  }

  public var description: String { rawValue }
  public static func < (lhs: Slug, rhs: Slug) -> Bool { lhs.rawValue < rhs.rawValue }

  static var expectation: String { "an id (lowercase letters, digits, '-' or '_')" }

  static func read(_ node: YAMLNode, field: String?, in context: ReadContext) -> Slug? {
    guard let text = node.scalarText else {
      context.wrongType(node, expected: expectation, field: field)
      return nil
    }
    guard let slug = Slug(text) else {
      let suggestion = Slug.suggest(for: text)
      let isNotLatin =
        suggestion == nil && text.unicodeScalars.contains { $0.properties.isAlphabetic && !$0.isASCII }
      context.report(
        Diagnostic(
          id: "glossary.invalid-id", severity: .error, location: node.location,
          summary: "'\(text)' is not a valid id",
          explanation:
            "Ids become web anchors, file names and keys in the scoring config, so they may hold only lowercase letters, digits, '-' and '_', start with a letter, and be at most 64 characters. They stay the same in every language; the label carries the words.",
          fix: suggestion.map { "use '\($0)'" }
            ?? (isNotLatin
              ? "choose an id in ASCII letters (for example the English or transliterated name) and keep '\(text)' as the label"
              : "use lowercase letters, digits and '-'")))
      return nil
    }
    return slug
  }

  /// A slug close to what the user wrote: "Returned — Not Ready" → "returned-not-ready",
  /// "zwrócono-brak-gotowości" → "zwrocono-brak-gotowosci", "Łódź" → "lodz" (ICU's Latin-ASCII
  /// transliteration, which also folds ł, ß, æ that stripping accents would drop). Scripts
  /// with no Latin form (Thai) give no suggestion.
  static func suggest(for text: String) -> String? {
    var result = ""
    let latin = text.applyingTransform(StringTransform("Latin-ASCII"), reverse: false) ?? text
    for scalar in latin.lowercased().unicodeScalars {
      if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) || scalar == "_" {
        result.unicodeScalars.append(scalar)
      } else if !result.isEmpty, !result.hasSuffix("-") {
        result += "-"
      }
    }
    while result.hasSuffix("-") { result.removeLast() }
    while let first = result.first, !first.isLetter { result.removeFirst() }
    return Slug(result)?.rawValue
  }
}

/// A calendar date written `YYYY-MM-DD`.
public struct CalendarDate: Hashable, Sendable, Comparable, CustomStringConvertible, YAMLReadable {
  public var year: Int
  public var month: Int
  public var day: Int

  public init?(_ text: String) {
    let parts = text.split(separator: "-", omittingEmptySubsequences: false)
    guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
      let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
      (1...12).contains(month), (1...CalendarDate.days(inMonth: month, year: year)).contains(day)
    else { return nil }
    self.year = year
    self.month = month
    self.day = day
  }

  static func days(inMonth month: Int, year: Int) -> Int {
    switch month {
    case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
    case 4, 6, 9, 11: 30
    default: 31
    }
  }

  public var description: String {
    let pad = { (value: Int, width: Int) in
      String(repeating: "0", count: max(0, width - String(value).count)) + String(value)
    }
    return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
  }

  public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
    (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
  }

  static var expectation: String { "a date written YYYY-MM-DD" }
  static func read(_ node: YAMLNode, field: String?, in context: ReadContext) -> CalendarDate? {
    guard let text = node.scalarText else {
      context.wrongType(node, expected: expectation, field: field)
      return nil
    }
    guard let date = CalendarDate(text) else {
      context.invalidValue(
        node, "'\(text)' is not a real date written YYYY-MM-DD", fix: "write for example 2026-01-31")
      return nil
    }
    return date
  }
}

/// A wall-clock time written `HH:MM`, 24-hour.
public struct TimeOfDay: Hashable, Sendable, Comparable, CustomStringConvertible, YAMLReadable {
  public var minutesSinceMidnight: Int

  public init?(_ text: String) {
    let parts = text.split(separator: ":", omittingEmptySubsequences: false)
    guard parts.count == 2, parts[1].count == 2, let hour = Int(parts[0]), let minute = Int(parts[1]),
      (0...24).contains(hour), (0...59).contains(minute), hour * 60 + minute <= 24 * 60
    else { return nil }
    minutesSinceMidnight = hour * 60 + minute
  }

  public var description: String {
    let hour = minutesSinceMidnight / 60
    let minute = minutesSinceMidnight % 60
    return (hour < 10 ? "0" : "") + "\(hour):" + (minute < 10 ? "0" : "") + "\(minute)"
  }

  public static func < (lhs: TimeOfDay, rhs: TimeOfDay) -> Bool {
    lhs.minutesSinceMidnight < rhs.minutesSinceMidnight
  }

  static var expectation: String { "a time written HH:MM (24-hour)" }
  static func read(_ node: YAMLNode, field: String?, in context: ReadContext) -> TimeOfDay? {
    guard let text = node.scalarText else {
      context.wrongType(node, expected: expectation, field: field)
      return nil
    }
    guard let time = TimeOfDay(text) else {
      context.invalidValue(
        node, "'\(text)' is not a time written HH:MM", fix: "write for example 08:30 or 17:00")
      return nil
    }
    return time
  }
}

/// A span of time in wall-clock or business time: `5 minutes`, `4 business hours`, `10 business days`.
public struct Deadline: Hashable, Sendable, CustomStringConvertible, YAMLReadable {
  public enum Unit: String, Sendable, CaseIterable {
    case minutes
    case hours
    case businessHours = "business hours"
    case days
    case businessDays = "business days"

    var singular: String { String(rawValue.dropLast()) }
  }

  public var amount: Double
  public var unit: Unit

  public init(amount: Double, unit: Unit) {
    self.amount = amount
    self.unit = unit
  }

  public init?(_ text: String) {
    let words = text.lowercased().split(separator: " ", omittingEmptySubsequences: true)
    guard words.count >= 2, let amount = Double(words[0]), NumberLimits.durationAmount.contains(amount) else {
      return nil
    }
    let unitText = words.dropFirst().joined(separator: " ")
    guard let unit = Unit.allCases.first(where: { $0.rawValue == unitText || $0.singular == unitText }) else {
      return nil
    }
    self.amount = amount
    self.unit = unit
  }

  public var description: String {
    return "\(formatNumber(amount)) \(amount == 1 ? unit.singular : unit.rawValue)"
  }

  /// Minutes of working time, for comparing deadlines of different units. A business day is
  /// `workingDayMinutes` long; wall-clock hours and days are counted in full.
  public func minutes(workingDayMinutes: Double) -> Double {
    switch unit {
    case .minutes: amount
    case .hours, .businessHours: amount * 60
    case .days: amount * 24 * 60
    case .businessDays: amount * workingDayMinutes
    }
  }

  static var expectation: String {
    "a duration such as '5 minutes', '4 business hours' or '10 business days'"
  }

  static func read(_ node: YAMLNode, field: String?, in context: ReadContext) -> Deadline? {
    guard let text = node.scalarText else {
      context.wrongType(node, expected: expectation, field: field)
      return nil
    }
    guard let deadline = Deadline(text) else {
      if let amount = text.split(separator: " ").first.flatMap({ Double(String($0)) }),
        amount > NumberLimits.durationAmount.upperBound
      {
        context.outOfRange(
          node, field: field, text: text,
          range: "0 to \(formatNumber(NumberLimits.durationAmount.upperBound)) of its unit")
        return nil
      }
      context.invalidValue(
        node, "'\(text)' is not a duration",
        fix: "write a number and one of: " + Unit.allCases.map(\.rawValue).joined(separator: ", "))
      return nil
    }
    return deadline
  }
}

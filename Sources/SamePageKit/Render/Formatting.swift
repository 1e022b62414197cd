import Foundation

/// Numbers, dates and durations as a signed document shows them. Kept out of templates.
enum Format {
  static let months = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
    "November", "December",
  ]

  /// "1 October 2026".
  static func date(_ date: CalendarDate) -> String { "\(date.day) \(months[date.month - 1]) \(date.year)" }

  /// "+5", "−10" (a true minus sign reads better than a hyphen in print).
  static func points(_ value: Int) -> String { value >= 0 ? "+\(value)" : "−\(-value)" }

  /// "120", "2.5", "10,000,000".
  static func number(_ value: Double) -> String {
    let formatter = NumberFormatter()
    formatter.numberStyle = .decimal
    formatter.locale = Locale(identifier: "en_US")
    formatter.maximumFractionDigits = 2
    return formatter.string(from: NSNumber(value: value)) ?? formatNumber(value)
  }

  /// "$10 million", "$2 billion", "$750,000".
  static func money(_ value: Double) -> String {
    for (size, word) in [(1e9, "billion"), (1e6, "million")] where abs(value) >= size {
      return "$\(number(value / size)) \(word)"
    }
    return "$" + number(value)
  }

  static func commitmentQuantity(_ commitment: Commitment) -> String {
    guard let quantity = commitment.quantity?.value, let unit = commitment.unit?.value else { return "" }
    if let deadline = unit.deadline(quantity) { return deadline.description }
    switch unit {
    case .percent: return "\(number(quantity))%"
    case .mqls: return "\(number(quantity)) MQL\(quantity == 1 ? "" : "s")"
    case .leads: return "\(number(quantity)) lead\(quantity == 1 ? "" : "s")"
    case .attempts: return "\(number(quantity)) attempt\(quantity == 1 ? "" : "s")"
    default: return number(quantity)
    }
  }

  static func title(_ text: String) -> String {
    text.prefix(1).uppercased() + text.dropFirst()
  }

  static func owner(_ owner: TermOwner?) -> String {
    switch owner {
    case .marketing: "Marketing"
    case .sales: "Sales"
    case .shared: "Marketing and sales"
    case nil: ""
    }
  }

  static func forecast(_ category: DealStages.ForecastCategory?) -> String {
    switch category {
    case .pipeline: "Pipeline"
    case .bestCase: "Best case"
    case .commit: "Commit"
    case .closed: "Closed"
    case .omitted: "Omitted"
    case nil: ""
    }
  }

  static func words(_ raw: String) -> String { title(raw.replacingOccurrences(of: "_", with: " ")) }

  /// Criteria as one sentence: "A; or B."
  static func sentences(_ items: [String]) -> String {
    let joined = items.map { $0.hasSuffix(".") ? String($0.dropLast()) : $0 }.joined(separator: "; or ")
    return joined.isEmpty ? "" : joined + "."
  }

  /// The first sentence of Markdown prose, without emphasis markers, for one-line summaries.
  static func firstSentence(_ markdown: String) -> String {
    let plain = markdown.replacingOccurrences(of: "**", with: "").replacingOccurrences(of: "\n", with: " ")
    guard let end = plain.range(of: ". ") else { return plain.trimmingCharacters(in: .whitespaces) }
    return String(plain[..<end.lowerBound]) + "."
  }

  /// "a, b and c" (or "a, b or c").
  static func list(_ items: [String], conjunction: String = "and") -> String {
    switch items.count {
    case 0: ""
    case 1: items[0]
    default: items.dropLast().joined(separator: ", ") + " \(conjunction) " + items.last!
    }
  }
}

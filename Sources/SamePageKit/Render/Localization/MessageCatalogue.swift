import Foundation

/// The words of one language for SamePage's documents: `Templates/locales/<language>.yaml`.
///
/// A message is text with `{{name}}` placeholders. Templates include one with
/// `{{>t.<key>}}`, where it sees the template's values like any partial; SamePage fills the
/// messages it formats itself (units, headlines) with plain values. A message whose wording
/// depends on a number has one form per CLDR plural category (`one`, `few`, `many`, `other`).
public struct MessageCatalogue: Sendable {
  public enum Message: Sendable, Equatable {
    case text(String)
    case plural([PluralCategory: String])
  }

  /// The language the file is for (`pl`), from its name.
  public var language: String
  public var messages: [String: Message]
  /// Where each message was read, for diagnostics.
  public var locations: [String: SourceLocation]

  public static let directory = "locales"

  /// Parses `text` (a catalogue file shown to users as `displayPath`).
  static func parse(_ text: String, language: String, displayPath: String) -> (
    MessageCatalogue?, [Diagnostic]
  ) {
    switch YAMLLoader().parse(Array(text.utf8), displayPath: displayPath) {
    case .failed(let diagnostics): return (nil, diagnostics)
    case .loaded(let file):
      var diagnostics: [Diagnostic] = []
      var catalogue = MessageCatalogue(language: language, messages: [:], locations: [:])
      guard case .mapping(let top) = file.root.content,
        let entries = top.first(where: { $0.key == "messages" }).map(\.value),
        case .mapping(let items) = entries.content
      else {
        return (
          nil,
          [
            Diagnostic(
              id: "catalogue.malformed", severity: .error, location: file.root.location,
              summary: "a message catalogue is a mapping with 'messages:', a mapping of keys to texts",
              fix: "start from the bundled catalogue: samepage templates eject")
          ]
        )
      }
      for item in items {
        catalogue.locations[item.key] = item.keyLocation
        switch item.value.content {
        case .scalar(let text, _):
          catalogue.messages[item.key] = .text(text)
        case .mapping(let forms):
          var plural: [PluralCategory: String] = [:]
          for form in forms {
            guard let category = PluralCategory(rawValue: form.key),
              case .scalar(let text, _) = form.value.content
            else {
              diagnostics.append(
                Diagnostic(
                  id: "catalogue.malformed", severity: .error, location: form.keyLocation,
                  summary: "'\(form.key)' is not a plural form with a text",
                  fix: "use the CLDR plural categories: zero, one, two, few, many, other"))
              continue
            }
            plural[category] = text
          }
          if plural[.other] == nil {
            diagnostics.append(
              Diagnostic(
                id: "catalogue.malformed", severity: .error, location: item.keyLocation,
                summary: "plural message '\(item.key)' has no 'other' form", fix: "add 'other:'"))
          }
          catalogue.messages[item.key] = .plural(plural)
        case .sequence:
          diagnostics.append(
            Diagnostic(
              id: "catalogue.malformed", severity: .error, location: item.value.location,
              summary: "message '\(item.key)' is a list; it must be a text or plural forms",
              fix: "write the text on one line"))
        }
      }
      return (catalogue, diagnostics)
    }
  }

  /// This catalogue with `other`'s messages in place of its own, key by key.
  func overridden(by other: MessageCatalogue) -> MessageCatalogue {
    var merged = self
    merged.messages.merge(other.messages) { $1 }
    merged.locations.merge(other.locations) { $1 }
    return merged
  }
}

/// Formats what a document shows in one locale: words from the catalogue, and dates, numbers
/// and lists through Foundation's locale data (ICU).
public struct Localizer: Sendable {
  public let locale: Locale
  public let catalogue: MessageCatalogue
  private let formats: Formats

  public init(locale: Locale, catalogue: MessageCatalogue) {
    self.locale = locale
    self.catalogue = catalogue
    formats = Formats(locale: locale)
  }

  /// The locale's formatters, made once: a document formats a number or a date for nearly
  /// every entry, and making an ICU formatter costs far more than using one. Formatters are
  /// not thread-safe, and one localizer may serve several renders at once, hence the lock.
  private final class Formats: @unchecked Sendable {
    private let lock = NSLock()
    private let decimal = NumberFormatter()
    private let percent = NumberFormatter()
    private let date = DateFormatter()

    init(locale: Locale) {
      for (formatter, style) in [(decimal, NumberFormatter.Style.decimal), (percent, .percent)] {
        formatter.numberStyle = style
        formatter.locale = locale
        formatter.maximumFractionDigits = 2
      }
      date.locale = locale
      date.timeZone = TimeZone(identifier: "UTC")
      date.setLocalizedDateFormatFromTemplate("dMMMMy")
    }

    func number(_ value: Double) -> String? { lock.withLock { decimal.string(from: NSNumber(value: value)) } }
    func percent(_ value: Double) -> String? {
      lock.withLock { percent.string(from: NSNumber(value: value)) }
    }
    func date(_ instant: Date) -> String { lock.withLock { date.string(from: instant) } }
  }

  /// The BCP 47 tag for `<html lang>` (`pl-PL`).
  public var languageTag: String { locale.identifier.replacingOccurrences(of: "_", with: "-") }

  /// Right-to-left scripts set `dir="rtl"`; the bundled languages are all left-to-right.
  public var isRightToLeft: Bool { ["ar", "he", "fa", "ur"].contains(catalogue.language) }

  /// The message `key` with `values` in its placeholders; the key itself when it is missing
  /// (never silently English: `DocumentRenderer` reports missing keys before rendering).
  public func text(_ key: String, _ values: [String: String] = [:]) -> String {
    switch catalogue.messages[key] {
    case .text(let text): fill(text, values)
    case .plural(let forms): fill(forms[.other] ?? key, values)
    case nil: key
    }
  }

  /// The plural message `key` for `count`, with `{{n}}` the count in the locale's digits.
  public func plural(_ key: String, count: Double, _ values: [String: String] = [:]) -> String {
    var values = values
    values["n"] = number(count)
    switch catalogue.messages[key] {
    case .plural(let forms):
      let category = PluralRules.category(of: count, language: catalogue.language)
      return fill(forms[category] ?? forms[.other] ?? key, values)
    case .text(let text): return fill(text, values)
    case nil: return key
    }
  }

  /// `{{name}}` replaced by its value, in one pass over the bytes (a value that itself holds
  /// braces is never read again); a placeholder without a value stays as written.
  private func fill(_ text: String, _ values: [String: String]) -> String {
    guard !values.isEmpty, text.containsBytes("{{") else { return text }
    let bytes = text.utf8
    var result = ""
    var copied = bytes.startIndex
    var index = bytes.startIndex
    let brace = UInt8(ascii: "{")
    let closing = UInt8(ascii: "}")
    while let open = bytes[index...].firstIndex(of: brace) {
      let nameStart = bytes.index(after: open)
      guard nameStart < bytes.endIndex, bytes[nameStart] == brace else {
        index = nameStart
        continue
      }
      let afterBraces = bytes.index(after: nameStart)
      guard let close = bytes[afterBraces...].firstIndex(of: closing) else { break }
      let end = bytes.index(after: close)
      if end < bytes.endIndex, bytes[end] == closing,
        let value = values[String(text[afterBraces..<close])]
      {
        result += text[copied..<open]
        result += value
        copied = bytes.index(after: end)
        index = copied
      } else {
        index = afterBraces
      }
    }
    result += text[copied...]
    return result
  }

  /// "1 October 2026", "1 października 2026", "1 Ekim 2026", "1 ตุลาคม 2569": the locale's long
  /// date in its own calendar (Thai documents count Buddhist-era years, as th-TH expects; a
  /// team that wants Gregorian years writes `th-TH-u-ca-gregory`).
  public func date(_ date: CalendarDate) -> String {
    var gregorian = Calendar(identifier: .gregorian)
    gregorian.timeZone = TimeZone(identifier: "UTC")!
    let instant = gregorian.date(
      from: DateComponents(year: date.year, month: date.month, day: date.day, hour: 12))!
    return formats.date(instant)
  }

  /// "10,000", "10 000", "10.000", "2.5", "2,5".
  public func number(_ value: Double) -> String {
    formats.number(value) ?? "\(value)"
  }

  /// "90%", "90 %", "%90".
  public func percent(_ value: Double) -> String {
    formats.percent(value / 100) ?? "\(value)%"
  }

  /// "a, b and c" in the locale's words for the last join (`list.and`, `list.or`).
  public func list(_ items: [String], conjunction: String = "and") -> String {
    switch items.count {
    case 0: return ""
    case 1: return items[0]
    default:
      return items.dropLast().joined(separator: text("list.separator"))
        + text("list.\(conjunction)") + items.last!
    }
  }

  /// "$10 million", "$750,000", "10 mln zł", "750 000 zł": an ISO 4217 amount as the locale
  /// writes it; millions and billions in the catalogue's words (`money.million`).
  public func money(_ value: Double, currency: String) -> String {
    let formatter = NumberFormatter()
    formatter.numberStyle = .currency
    formatter.locale = locale
    formatter.currencyCode = currency
    for (size, key) in [(1e9, "money.billion"), (1e6, "money.million")] where abs(value) >= size {
      // A symbol that is a code (PLN, USD in Poland) keeps a no-break space from the number
      // on either side; a sign ($, zł) sits as the catalogue puts it.
      let symbol = formatter.currencySymbol ?? currency
      let spaced =
        symbol.last?.isLetter == true && symbol.first?.isLetter == true ? symbol + "\u{00A0}" : symbol
      let name = locale.localizedString(forCurrencyCode: currency) ?? currency
      let words = text(key, ["amount": number(value / size), "currency": spaced, "currencyName": name])
      return words.trimmingCharacters(in: .whitespaces.union(CharacterSet(charactersIn: "\u{00A0}")))
    }
    formatter.minimumFractionDigits = 0
    formatter.maximumFractionDigits = value.rounded() == value ? 0 : 2
    return formatter.string(from: NSNumber(value: value)) ?? "\(number(value)) \(currency)"
  }

  /// "5 minutes", "4 godziny robocze", "10 iş günü".
  ///
  /// - Parameter within: the form that follows "within" or "after" in a sentence, where some
  ///   languages decline the noun ("w ciągu 4 godzin roboczych", not "4 godziny robocze"):
  ///   `unit.within.<unit>` when the catalogue has it, else the plain form.
  public func duration(_ deadline: Deadline, within: Bool = false) -> String {
    let declined = "unit.within.\(deadline.unit.key)"
    let key = within && catalogue.messages[declined] != nil ? declined : "unit.\(deadline.unit.key)"
    return plural(key, count: deadline.amount)
  }
}

extension Localizer {
  /// The bundled English catalogue, for callers with no glossary locale to go by.
  static let bundledEnglish: Localizer = {
    guard case .loaded(let set) = TemplateSet.bundled(), let english = set.localizer(for: "en-US") else {
      preconditionFailure("the bundled templates lack locales/en.yaml")
    }
    return english
  }()
}

extension Deadline.Unit {
  /// The unit's name in catalogues and configs.
  var key: String { rawValue.replacingOccurrences(of: " ", with: "_") }
}

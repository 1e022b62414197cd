import Foundation

/// The codes a glossary may use for places and zones: IANA time zone ids and ISO 3166-1 alpha-2
/// country codes that exist. Foundation alone is too forgiving for a contract: it accepts
/// abbreviations (`CST`, `PST`) and offsets (`GMT+1`), which do not follow daylight saving
/// time, so every deadline would be an hour off for half the year.
enum RealCodes {
  static let timeZones: Set<String> = Set(TimeZone.knownTimeZoneIdentifiers).union(["UTC", "Etc/UTC"])

  /// Whether `id` is an IANA zone id (region zones, `UTC`, and the `Etc/` zones).
  static func isTimeZone(_ id: String) -> Bool {
    timeZones.contains(id) || (id.hasPrefix("Etc/") && TimeZone(identifier: id) != nil)
  }

  /// The zone an abbreviation stands for (`CST` → `America/Chicago`), to suggest.
  static func zone(forAbbreviation text: String) -> String? {
    TimeZone(abbreviation: text.uppercased()).map(\.identifier).flatMap { timeZones.contains($0) ? $0 : nil }
  }

  /// ISO 3166-1 alpha-2 codes in use, from the system's region list, without groupings such as
  /// EU or UN that are no country.
  static let countries: Set<String> = Set(
    Locale.Region.isoRegions.map(\.identifier).filter { $0.count == 2 && $0.allSatisfy(\.isLetter) }
  ).subtracting(["EU", "EZ", "UN", "QO", "XA", "XB"])

  /// Codes people write for a country whose ISO code is another.
  static let commonMistakes = ["UK": "GB", "EL": "GR"]

  /// ISO 4217 codes in use (ICU's list through Foundation), for money in the glossary.
  static let currencies: Set<String> = Set(Locale.commonISOCurrencyCodes)
}

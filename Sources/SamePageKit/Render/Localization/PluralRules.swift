/// CLDR cardinal plural categories (Unicode TR35, "Language Plural Rules"), for choosing
/// "1 godzina / 2 godziny / 5 godzin".
///
/// Written here because Foundation on Linux does not expose ICU's plural rules (`uplrules_*`
/// is not in any module Swift can import, and `String(localized:)` inflection needs the
/// Apple-only stringsdict machinery). The rules below are CLDR 44's for the bundled languages;
/// any other language falls back to English's one/other, which a team's catalogue can still
/// fill with a single `other` form.
public enum PluralCategory: String, Sendable, CaseIterable {
  case zero, one, two, few, many, other
}

public enum PluralRules {
  /// The category of `value` in `language` (an ISO 639 code such as `pl`).
  ///
  /// Operands as CLDR defines them: `i` the integer digits, `v` the number of visible fraction
  /// digits (`1.5` has v = 1; documents print at most two).
  public static func category(of value: Double, language: String) -> PluralCategory {
    let magnitude = abs(value)
    let integer = Int(magnitude.rounded(.towardZero))
    let fractionDigits = visibleFractionDigits(magnitude)
    switch language {
    case "th", "ja", "zh", "ko", "vi", "id": return .other
    case "pl":
      guard fractionDigits == 0 else { return .other }
      if integer == 1 { return .one }
      let (last, lastTwo) = (integer % 10, integer % 100)
      if (2...4).contains(last) && !(12...14).contains(lastTwo) { return .few }
      return .many
    case "tr":
      // Turkish: one for exactly 1 (the noun itself stays singular after any number).
      return magnitude == 1 ? .one : .other
    default:
      // English and the fallback: one for 1 with no visible fraction.
      return integer == 1 && fractionDigits == 0 ? .one : .other
    }
  }

  static func visibleFractionDigits(_ value: Double) -> Int {
    let hundredths = Int((value * 100).rounded()) % 100
    return hundredths == 0 ? 0 : hundredths % 10 == 0 ? 1 : 2
  }
}

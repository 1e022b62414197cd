extension IdealCustomerProfile {
  static func read(_ reader: MappingReader) -> IdealCustomerProfile {
    IdealCustomerProfile(
      header: .read(reader),
      segments: reader.items("segments", required: true) { segment in
        guard let id: Located<Slug> = segment.required("id") else { return nil }
        let revenue = segment.revenue()
        return Segment(
          id: id,
          label: segment.required("label"),
          definition: segment.optional("definition"),
          tier: segment.optional("tier"),
          industries: segment.values("industries"),
          employees: segment.range("employees"),
          annualRevenue: revenue?.range,
          revenueCurrency: revenue?.currency,
          countries: segment.countryCodes("countries"),
          technologies: segment.values("technologies"),
          location: segment.location)
      },
      exclusions: reader.nested("exclusions") { exclusions in
        Exclusions(
          emailDomains: exclusions.values("email_domains"),
          emailSuffixes: exclusions.values("email_suffixes"),
          competitorDomains: exclusions.values("competitor_domains"),
          countries: exclusions.countryCodes("countries"))
      } ?? Exclusions(emailDomains: [], emailSuffixes: [], competitorDomains: [], countries: []))
  }
}

extension MappingReader {
  /// `annual_revenue: {min, max, currency}`, or the older `annual_revenue_usd: {min, max}`,
  /// which is still read (as USD) with a warning saying how to write it now.
  func revenue() -> (range: NumberRange, currency: Located<String>)? {
    let current = nested("annual_revenue") { reader -> (NumberRange, Located<String>)? in
      let range = NumberRange(
        min: reader.optional("min"), max: reader.optional("max"), location: reader.location)
      return reader.currency("currency").map { (range, $0) }
    }
    guard let legacyNode = value("annual_revenue_usd"), let legacy = range("annual_revenue_usd") else {
      return current
    }
    context.report(
      Diagnostic(
        id: "glossary.deprecated-field", severity: .warning, location: legacyNode.location,
        summary: current == nil
          ? "'annual_revenue_usd' is the old way to write revenue; it is read as USD"
          : "'annual_revenue_usd' is ignored: 'annual_revenue' is also written",
        explanation:
          "Revenue now carries its ISO 4217 currency, so a glossary can speak in złoty, lira or baht.",
        fix: "replace it with 'annual_revenue: {min: …, max: …, currency: USD}'"))
    return current ?? (legacy, Located("USD", at: legacyNode.location))
  }

  /// An ISO 4217 currency code that exists (`PLN`, `USD`); lower case is read as upper case.
  func currency(_ key: String) -> Located<String>? {
    guard let code: Located<String> = required(key) else { return nil }
    let upper = code.value.uppercased()
    guard RealCodes.currencies.contains(upper) else {
      let nearest = Suggestion.nearest(to: upper, in: RealCodes.currencies)
      context.invalidValue(
        value(key) ?? node,
        "'\(code.value)' is not an ISO 4217 currency code"
          + (nearest.map { "; did you mean '\($0)'?" } ?? ""),
        fix: nearest.map { "use '\($0)'" } ?? "use a three-letter ISO 4217 code such as USD, EUR or PLN")
      return nil
    }
    return Located(upper, at: code.location)
  }

  /// Country codes, two letters read as upper case: `us` and `US` are the same code, and a team
  /// that writes lower case should not be refused for it. Anything else stays as written, for
  /// the finding to quote.
  func countryCodes(_ key: String) -> [Located<String>] {
    values(key, of: String.self).map { code in
      let isTwoLetters = code.value.count == 2 && code.value.allSatisfy { $0.isASCII && $0.isLetter }
      return isTwoLetters ? Located(code.value.uppercased(), at: code.location) : code
    }
  }
}

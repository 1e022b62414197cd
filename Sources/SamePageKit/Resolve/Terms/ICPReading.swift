extension IdealCustomerProfile {
  static func read(_ reader: MappingReader) -> IdealCustomerProfile {
    IdealCustomerProfile(
      header: .read(reader),
      segments: reader.items("segments", required: true) { segment in
        guard let id: Located<Slug> = segment.required("id") else { return nil }
        return Segment(
          id: id,
          label: segment.required("label"),
          definition: segment.optional("definition"),
          tier: segment.optional("tier"),
          industries: segment.values("industries"),
          employees: segment.range("employees"),
          annualRevenueUSD: segment.range("annual_revenue_usd"),
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

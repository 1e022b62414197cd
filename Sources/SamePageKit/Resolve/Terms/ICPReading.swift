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
          countries: segment.values("countries"),
          technologies: segment.values("technologies"),
          location: segment.location)
      },
      exclusions: reader.nested("exclusions") { exclusions in
        Exclusions(
          emailDomains: exclusions.values("email_domains"),
          emailSuffixes: exclusions.values("email_suffixes"),
          competitorDomains: exclusions.values("competitor_domains"),
          countries: exclusions.values("countries"))
      } ?? Exclusions(emailDomains: [], emailSuffixes: [], competitorDomains: [], countries: []))
  }
}

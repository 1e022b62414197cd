extension BuyerPersonas {
  static func read(_ reader: MappingReader) -> BuyerPersonas {
    BuyerPersonas(
      header: .read(reader),
      personas: reader.items("personas", required: true) { persona in
        guard let id: Located<Slug> = persona.required("id") else { return nil }
        return Persona(
          id: id,
          name: persona.required("name"),
          label: persona.required("label"),
          bio: persona.optional("bio"),
          titlePatterns: persona.values("title_patterns"),
          seniority: persona.optional("seniority"),
          location: persona.optional("location"),
          experienceYears: persona.optional("experience_years", in: NumberLimits.experienceYears),
          behaviours: persona.values("behaviours"),
          interests: persona.values("interests"),
          needs: persona.values("needs"),
          painPoints: persona.values("pain_points"),
          decisionRole: persona.required("decision_role"),
          segments: persona.values("segments", required: true),
          sourceLocation: persona.location)
      })
  }
}

extension LeadTypes {
  static func read(_ reader: MappingReader) -> LeadTypes {
    LeadTypes(
      header: .read(reader),
      types: reader.items("types", required: true) { type in
        guard let id: Located<Slug> = type.required("id") else { return nil }
        return LeadType(
          id: id,
          label: type.required("label"),
          definition: type.optional("definition"),
          isDefault: type.flag("default"),
          pipeline: type.optional("pipeline"),
          skipsStages: type.values("skips_stages"),
          scored: type.flag("scored"),
          slaApplies: type.flag("sla_applies"),
          location: type.location)
      })
  }
}

extension LeadStatuses {
  static func read(_ reader: MappingReader) -> LeadStatuses {
    LeadStatuses(
      header: .read(reader),
      statuses: reader.items("statuses", required: true) { status in
        guard let id: Located<Slug> = status.required("id") else { return nil }
        return Status(
          id: id,
          label: status.required("label"),
          definition: status.optional("definition"),
          synonyms: status.values("synonyms"),
          stage: status.required("stage"),
          category: status.required("category"),
          isDefault: status.flag("default"),
          reasons: status.values("reasons"),
          recycleTo: status.optional("recycle_to"),
          location: status.location)
      })
  }
}

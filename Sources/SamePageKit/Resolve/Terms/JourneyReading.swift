extension BuyerJourney {
  static func read(_ reader: MappingReader) -> BuyerJourney {
    BuyerJourney(
      header: .read(reader),
      stages: reader.items("stages", required: true) { stage in
        guard let id: Located<Slug> = stage.required("id") else { return nil }
        return Stage(
          id: id,
          label: stage.required("label"),
          definition: stage.optional("definition"),
          buyerFocus: stage.optional("buyer_focus"),
          lifecycleStages: stage.values("lifecycle_stages", required: true),
          content: stage.values("content"),
          location: stage.location)
      })
  }
}

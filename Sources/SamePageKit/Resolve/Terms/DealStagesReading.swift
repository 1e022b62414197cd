extension DealStages {
  static func read(_ reader: MappingReader) -> DealStages {
    DealStages(
      header: .read(reader),
      pipelines: reader.items("pipelines", required: true) { pipeline in
        guard let id: Located<Slug> = pipeline.required("id") else { return nil }
        return Pipeline(
          id: id,
          label: pipeline.required("label"),
          stages: pipeline.items("stages", required: true) { stage in
            guard let id: Located<Slug> = stage.required("id") else { return nil }
            return Stage(
              id: id,
              label: stage.required("label"),
              definition: stage.optional("definition"),
              synonyms: stage.values("synonyms"),
              probability: stage.required("probability"),
              forecast: stage.required("forecast"),
              closed: stage.flag("closed"),
              won: stage.flag("won"),
              parked: stage.flag("parked"),
              staleAfterDays: stage.optional("stale_after_days", in: NumberLimits.staleAfterDays),
              lostReasons: stage.values("lost_reasons"),
              location: stage.location)
          },
          location: pipeline.location)
      })
  }
}

extension LifecycleStages {
  static func read(_ reader: MappingReader) -> LifecycleStages {
    LifecycleStages(
      header: .read(reader),
      stages: reader.items("stages", required: true) { stage in
        guard let id: Located<Slug> = stage.required("id") else { return nil }
        let explicitRole: Located<Role>? = stage.optional("role")
        return Stage(
          id: id,
          label: stage.required("label"),
          definition: stage.optional("definition"),
          synonyms: stage.values("synonyms"),
          order: stage.required("order"),
          role: explicitRole ?? Role(rawValue: id.value.rawValue).map { Located($0, at: id.location) },
          owner: stage.optional("owner"),
          entryCriteria: stage.values("entry"),
          exitCriteria: stage.values("exit"),
          optional: stage.flag("optional"),
          outOfFunnel: stage.flag("out_of_funnel"),
          terminal: stage.flag("terminal"),
          location: stage.location)
      },
      recycles: reader.items("recycles") { recycle in
        let from: Located<Slug>? = recycle.required("from")
        let to: Located<Slug>? = recycle.required("to")
        let reason: Located<String>? = recycle.optional("reason")
        guard let from, let to else { return nil }
        return Recycle(from: from, to: to, reason: reason, location: recycle.location)
      })
  }
}

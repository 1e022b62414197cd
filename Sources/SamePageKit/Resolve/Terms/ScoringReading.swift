extension LeadScoring {
  static func read(_ reader: MappingReader) -> LeadScoring {
    LeadScoring(
      header: .read(reader),
      attributes: reader.items("attributes", required: true) { attribute in
        guard let id: Located<Slug> = attribute.required("id") else { return nil }
        return Attribute(id: id, label: attribute.optional("label"), type: attribute.required("type"))
      },
      events: reader.items("events", required: true) { event in
        guard let id: Located<Slug> = event.required("id") else { return nil }
        return EventType(id: id, label: event.optional("label"))
      },
      fit: model(reader, "fit", target: "attribute"),
      engagement: model(reader, "engagement", target: "event"),
      thresholds: reader.items("thresholds", required: true) { threshold in
        guard let id: Located<Slug> = threshold.required("id") else { return nil }
        return Threshold(
          id: id, stage: threshold.required("stage"), fit: threshold.optional("fit", in: NumberLimits.score),
          engagement: threshold.optional("engagement", in: NumberLimits.score), location: threshold.location)
      },
      handRaises: reader.items("hand_raises") { handRaise in
        guard let event: Located<Slug> = handRaise.required("event") else { return nil }
        return HandRaise(
          event: event, stage: handRaise.required("stage"),
          minimumFit: handRaise.optional("minimum_fit", in: NumberLimits.score),
          location: handRaise.location)
      })
  }

  /// Fit and engagement share one shape; `target` is the field that names what a rule tests.
  private static func model(_ reader: MappingReader, _ key: String, target: String) -> Model {
    reader.nested(key, required: true) { model in
      Model(
        rules: model.items("rules", required: true) { rule in
          guard let id: Located<Slug> = rule.required("id") else { return nil }
          let subject: Located<Slug>? = rule.required(target)
          return Rule(
            id: id,
            label: rule.optional("label"),
            attribute: target == "attribute" ? subject : nil,
            event: target == "event" ? subject : nil,
            condition: Condition(
              anyOf: rule.values("any_of"),
              containsAny: rule.values(target == "event" ? "url_contains" : "contains_any"),
              atLeast: rule.optional("at_least"),
              atMost: rule.optional("at_most")),
            points: rule.required("points", in: NumberLimits.points),
            frequency: rule.nested("frequency") { frequency in
              Frequency(
                max: frequency.required("max", in: NumberLimits.frequency), per: frequency.required("per"),
                location: frequency.location)
            },
            location: rule.location)
        },
        cap: model.optional("cap", in: NumberLimits.score),
        floor: model.optional("floor", in: NumberLimits.score),
        decay: model.nested("decay") { decay in
          Decay(
            percent: decay.required("percent"), everyDays: decay.required("every_days"),
            location: decay.location)
        },
        location: model.location)
    } ?? Model(rules: [], cap: nil, floor: nil, decay: nil, location: reader.location)
  }
}

/// Builds the context a template renders: pre-formatted text, sorted lists and flags, with
/// links written for the page being rendered. Templates stay logic-less.
struct DocumentViewModel {
  let glossary: Glossary
  let page: Page
  /// Every word and number format on the page; English unless the renderer passes another.
  var l: Localizer = .bundledEnglish
  /// The catalogue's messages as templates for `{{t.KEY}}`, nested by the dots in their keys.
  var messages: [String: Any] = [:]
  /// Who has signed, worked out once per render: it hashes every term file.
  var signOff: SignOff? = nil

  /// Labels by id, the first entry winning as a linear search would: sections look labels up
  /// once per reference, which was quadratic in the number of entries.
  static func labels(_ entries: [(Slug, String?)]) -> [Slug: String] {
    var labels: [Slug: String] = [:]
    for (id, label) in entries where labels[id] == nil { labels[id] = label ?? id.rawValue }
    return labels
  }

  func link(_ anchor: AnchorRef, _ label: String) -> LinkView {
    LinkView(label: label, link: page.link(anchor))
  }

  func stageLink(_ id: Slug?) -> LinkView {
    guard let id else { return LinkView(label: "", link: "") }
    return link(.stage(id), glossary.stage(id)?.label?.value ?? id.rawValue)
  }

  func statusLink(_ id: Slug?) -> LinkView {
    guard let id else { return LinkView(label: "", link: "") }
    return link(.status(id), glossary.status(id)?.label?.value ?? id.rawValue)
  }

  static let termOrder = Glossary.termKinds

  func term(_ kind: GlossaryFileKind) -> TermView {
    let header = glossary.header(kind)
    return TermView(
      title: l.text("term.\(kind.rawValue)"), anchor: kind.rawValue, link: page.link(.term(kind)),
      page: kind.pageName + ".md",
      definition: UserMarkdown.safe(header.definition?.value ?? ""),
      summary: Format.firstSentence(header.definition?.value ?? ""),
      owner: owner(header.owner?.value))
  }

  /// The whole context. Term sections are lists of zero or one element, so a page shows
  /// exactly the terms it hosts with `{{#lifecycleStages}}…{{/lifecycleStages}}`.
  func context() -> [String: Any] {
    let manifest = glossary.manifest
    var root: [String: Any] = [
      "organization": manifest.organization?.value ?? "",
      "glossaryVersion": manifest.glossaryVersion?.value ?? "",
      "effectiveDate": manifest.effectiveDate.map { l.date($0.value) } ?? "",
      "locale": manifest.locale?.value ?? "",
      "marketingOwner": PersonView(manifest.marketingOwner),
      "salesOwner": PersonView(manifest.salesOwner),
      "terms": Self.termOrder.map(term),
      "sla": slaContext(),
      "isGlossary": page == .glossary,
      "isSLA": page == .sla,
      "isTermPage": { if case .term = page { return true } else { return false } }(),
      "pageTitle": pageTitle,
      "t": messages,
    ]
    let sections: [(String, GlossaryFileKind, () -> [String: Any])] = [
      ("slaTerm", .sla, slaTermSection),
      ("icp", .icp, icpSection),
      ("personas", .personas, personasSection),
      ("buyerJourney", .buyerJourney, journeySection),
      ("lifecycleStages", .lifecycleStages, lifecycleSection),
      ("leadTypes", .leadTypes, leadTypesSection),
      ("dealStages", .dealStages, dealStagesSection),
      ("leadStatuses", .leadStatuses, statusesSection),
      ("leadScoring", .leadScoring, scoringSection),
      ("connectAttempts", .connectAttempts, connectSection),
    ]
    for (key, kind, build) in sections {
      root[key] = page.hosts(kind) ? [build().merging(["term": term(kind)]) { $1 }] : [[String: Any]]()
    }
    return root
  }

  var pageTitle: String {
    switch page {
    case .home: glossary.manifest.organization?.value ?? l.text("page.home")
    case .sla: l.text("page.sla")
    case .glossary: l.text("page.glossary")
    case .term(let kind): l.text("term.\(kind.rawValue)")
    }
  }

  // MARK: - Terms

  private func lifecycleSection() -> [String: Any] {
    let stages = glossary.lifecycle.stages
    return [
      "stages": stages.enumerated().map { index, stage in
        // The status is at hand: looking it up again by id made this quadratic in statuses.
        let statuses = glossary.leadStatuses.statuses.filter { $0.stage?.value == stage.id.value }
          .map { link(.status($0.id.value), $0.label?.value ?? $0.id.value.rawValue) }.punctuated
        return StageView(
          anchor: AnchorRef.stage(stage.id.value).id, label: stage.label?.value ?? stage.id.value.rawValue,
          definition: UserMarkdown.safe(stage.definition?.value ?? ""),
          synonyms: stage.synonyms.map(\.value).joined(separator: ", "),
          hasSynonyms: !stage.synonyms.isEmpty, owner: owner(stage.owner?.value),
          position: l.text(
            "stage.position",
            ["position": l.number(Double(index + 1)), "count": l.number(Double(stages.count))]),
          entry: Format.sentences(stage.entryCriteria.map(\.value), or: l.text("list.or")),
          hasEntry: !stage.entryCriteria.isEmpty,
          exit: Format.sentences(stage.exitCriteria.map(\.value), or: l.text("list.or")),
          hasExit: !stage.exitCriteria.isEmpty,
          isOptional: stage.isOptional, isOutOfFunnel: stage.isOutOfFunnel, isTerminal: stage.isTerminal,
          statuses: statuses, hasStatuses: !statuses.isEmpty)
      },
      "recycles": glossary.lifecycle.recycles.map { recycle in
        RecycleView(
          from: stageLink(recycle.from.value), to: stageLink(recycle.to.value),
          reason: recycle.reason?.value ?? "", hasReason: recycle.reason != nil)
      },
      "hasRecycles": !glossary.lifecycle.recycles.isEmpty,
    ]
  }

  private func statusesSection() -> [String: Any] {
    [
      "statuses": glossary.leadStatuses.statuses.map { status in
        StatusView(
          anchor: AnchorRef.status(status.id.value).id,
          label: status.label?.value ?? status.id.value.rawValue,
          definition: UserMarkdown.safe(status.definition?.value ?? ""),
          synonyms: status.synonyms.map(\.value).joined(separator: ", "),
          hasSynonyms: !status.synonyms.isEmpty, stage: stageLink(status.stage?.value),
          category: status.category.map { l.text("category.\($0.value.rawValue)") } ?? "",
          isDefault: status.isDefault?.value ?? false,
          reasons: status.reasons.map(\.value), hasReasons: !status.reasons.isEmpty,
          recyclesTo: status.recycleTo.map { [stageLink($0.value)] } ?? [])
      }
    ]
  }

  private func dealStagesSection() -> [String: Any] {
    [
      "pipelines": glossary.dealStages.pipelines.map { pipeline in
        PipelineView(
          anchor: AnchorRef.pipeline(pipeline.id.value).id,
          label: pipeline.label?.value ?? pipeline.id.value.rawValue,
          stages: pipeline.stages.map { stage in
            let outcome =
              stage.isWon ? l.text("deal.closed_won") : stage.isClosed ? l.text("deal.closed_lost") : ""
            let stale = stage.staleAfterDays.map { l.plural("unit.days", count: Double($0.value)) } ?? ""
            return DealStageView(
              anchor: AnchorRef.deal(stage.id.value).id, label: stage.label?.value ?? stage.id.value.rawValue,
              definition: UserMarkdown.safe(stage.definition?.value ?? ""),
              synonyms: stage.synonyms.map(\.value).joined(separator: ", "),
              hasSynonyms: !stage.synonyms.isEmpty,
              probability: l.percent(Double(stage.probability?.value ?? 0)),
              forecast: stage.forecast.map { l.text("forecast.\($0.value.rawValue)") } ?? "",
              outcome: outcome,
              hasOutcome: !outcome.isEmpty,
              staleAfter: stale, hasStaleAfter: !stale.isEmpty,
              lostReasons: stage.lostReasons.map(\.value).joined(separator: "; "),
              hasLostReasons: !stage.lostReasons.isEmpty)
          })
      }
    ]
  }

  /// The ICP's exclusions that are set, for the ICP section and the SLA's definitions.
  func exclusionViews() -> [CriterionView] {
    let exclusions = glossary.icp.exclusions
    return
      [
        CriterionView(
          name: l.text("exclusion.email_domains"),
          value: exclusions.emailDomains.map(\.value).joined(separator: ", ")),
        CriterionView(
          name: l.text("exclusion.email_suffixes"),
          value: exclusions.emailSuffixes.map(\.value).joined(separator: ", ")),
        CriterionView(
          name: l.text("exclusion.competitors"),
          value: exclusions.competitorDomains.map(\.value).joined(separator: ", ")),
        CriterionView(
          name: l.text("exclusion.countries"),
          value: exclusions.countries.map(\.value).joined(separator: ", ")),
      ].filter { !$0.value.isEmpty }
  }

  func icpSection() -> [String: Any] {
    [
      "segments": glossary.icp.segments.map { segment in
        var criteria: [CriterionView] = []
        if let tier = segment.tier {
          criteria.append(.init(name: l.text("criterion.tier"), value: l.number(Double(tier.value))))
        }
        if !segment.industries.isEmpty {
          criteria.append(
            .init(
              name: l.text("criterion.industries"),
              value: segment.industries.map(\.value).joined(separator: ", ")))
        }
        if let range = segment.employees {
          criteria.append(.init(name: l.text("criterion.employees"), value: describe(range)))
        }
        if let range = segment.annualRevenue {
          criteria.append(
            .init(
              name: l.text("criterion.annual_revenue"),
              value: describe(range, currency: segment.revenueCurrency?.value ?? "USD")))
        }
        if !segment.countries.isEmpty {
          criteria.append(
            .init(
              name: l.text("criterion.countries"),
              value: segment.countries.map(\.value).joined(separator: ", ")))
        }
        if !segment.technologies.isEmpty {
          criteria.append(
            .init(
              name: l.text("criterion.technologies"),
              value: segment.technologies.map(\.value).joined(separator: ", ")))
        }
        return SegmentView(
          anchor: AnchorRef.segment(segment.id.value).id,
          label: segment.label?.value ?? segment.id.value.rawValue,
          definition: UserMarkdown.safe(segment.definition?.value ?? ""), criteria: criteria)
      },
      "exclusions": exclusionViews(),
    ]
  }

  private func describe(_ range: NumberRange, currency: String? = nil) -> String {
    let show: (Double) -> String = { value in currency.map { l.money(value, currency: $0) } ?? l.number(value)
    }
    return switch (range.min?.value, range.max?.value) {
    case (let low?, let high?): l.text("range.between", ["low": show(low), "high": show(high)])
    case (let low?, nil): l.text("range.at_least", ["low": show(low)])
    case (nil, let high?): l.text("range.at_most", ["high": show(high)])
    case (nil, nil): l.text("range.any")
    }
  }

  private func personasSection() -> [String: Any] {
    let segmentLabels = Self.labels(glossary.icp.segments.map { ($0.id.value, $0.label?.value) })
    return [
      "personas": glossary.personas.personas.map { persona in
        var facts: [CriterionView] = []
        if let role = persona.decisionRole {
          facts.append(.init(name: l.text("persona.role"), value: l.text("role.\(role.value.rawValue)")))
        }
        if let seniority = persona.seniority {
          facts.append(
            .init(name: l.text("persona.seniority"), value: l.text("seniority.\(seniority.value.rawValue)")))
        }
        if !persona.titlePatterns.isEmpty {
          facts.append(
            .init(
              name: l.text("persona.titles"),
              value: persona.titlePatterns.map(\.value).joined(separator: ", ")))
        }
        if let place = persona.location {
          facts.append(.init(name: l.text("persona.location"), value: place.value))
        }
        if let years = persona.experienceYears {
          facts.append(
            .init(
              name: l.text("persona.experience"), value: l.plural("unit.years", count: Double(years.value))))
        }
        let lists = [
          (l.text("persona.behaviours"), persona.behaviours),
          (l.text("persona.interests"), persona.interests),
          (l.text("persona.needs"), persona.needs), (l.text("persona.pain_points"), persona.painPoints),
        ].filter { !$0.1.isEmpty }.map { NamedListView(name: $0.0, items: $0.1.map(\.value)) }
        return PersonaView(
          anchor: AnchorRef.persona(persona.id.value).id,
          label: persona.label?.value ?? persona.id.value.rawValue,
          name: persona.name?.value ?? "", bio: UserMarkdown.safe(persona.bio?.value ?? ""), facts: facts,
          lists: lists,
          segments: persona.segments.map { id in
            link(.segment(id.value), segmentLabels[id.value] ?? id.value.rawValue)
          }.punctuated)
      }
    ]
  }

  private func journeySection() -> [String: Any] {
    [
      "phases": glossary.journey.stages.map { phase in
        JourneyPhaseView(
          anchor: AnchorRef.journey(phase.id.value).id, label: phase.label?.value ?? phase.id.value.rawValue,
          definition: UserMarkdown.safe(phase.definition?.value ?? ""),
          buyerFocus: phase.buyerFocus?.value ?? "",
          hasBuyerFocus: phase.buyerFocus != nil,
          stages: phase.lifecycleStages.map { stageLink($0.value) }.punctuated,
          content: phase.content.map(\.value).joined(separator: ", "), hasContent: !phase.content.isEmpty)
      }
    ]
  }

  private func leadTypesSection() -> [String: Any] {
    let pipelineLabels = Self.labels(glossary.dealStages.pipelines.map { ($0.id.value, $0.label?.value) })
    return [
      "types": glossary.leadTypes.types.map { type in
        var facts: [CriterionView] = []
        if let pipeline = type.pipeline {
          let label = pipelineLabels[pipeline.value]
          facts.append(.init(name: l.text("lead_type.pipeline"), value: label ?? pipeline.value.rawValue))
        }
        if !type.skipsStages.isEmpty {
          facts.append(
            .init(
              name: l.text("lead_type.skips"),
              value: l.list(type.skipsStages.map { stageLink($0.value).label })))
        }
        facts.append(
          .init(name: l.text("lead_type.scored"), value: l.text((type.scored?.value ?? true) ? "yes" : "no")))
        facts.append(
          .init(
            name: l.text("lead_type.sla_applies"),
            value: l.text((type.slaApplies?.value ?? true) ? "yes" : "no")))
        return LeadTypeView(
          anchor: AnchorRef.leadType(type.id.value).id, label: type.label?.value ?? type.id.value.rawValue,
          definition: UserMarkdown.safe(type.definition?.value ?? ""),
          isDefault: type.isDefault?.value ?? false, facts: facts)
      }
    ]
  }

  private func scoringSection() -> [String: Any] {
    let scoring = glossary.scoring
    func describe(_ model: LeadScoring.Model, subjects: [LeadScoring.Attribute]) -> [ScoringRuleView] {
      model.rules.map { rule in
        var condition: [String] = []
        if !rule.condition.anyOf.isEmpty {
          condition.append(
            l.text("condition.is", ["values": l.list(rule.condition.anyOf.map(\.value), conjunction: "or")]))
        }
        if !rule.condition.containsAny.isEmpty {
          let fragments = l.list(
            rule.condition.containsAny.map { l.text("quote.open") + $0.value + l.text("quote.close") },
            conjunction: "or")
          condition.append(
            l.text(
              rule.event != nil ? "condition.url_contains" : "condition.contains", ["fragments": fragments]))
        }
        if let low = rule.condition.atLeast {
          condition.append(l.text("condition.at_least", ["number": l.number(low.value)]))
        }
        if let high = rule.condition.atMost {
          condition.append(l.text("condition.at_most", ["number": l.number(high.value)]))
        }
        let subject =
          rule.attribute.map { id in
            subjects.first { $0.id.value == id.value }?.label?.value ?? id.value.rawValue
          }
          ?? rule.event.map { id in
            scoring.events.first { $0.id.value == id.value }?.label?.value ?? id.value.rawValue
          } ?? ""
        let frequency =
          rule.frequency.map { frequency in
            let times = l.plural("unit.times", count: Double(frequency.max?.value ?? 1))
            let per = l.text("period.\(frequency.per?.value.rawValue ?? "day")")
            return l.text("frequency", ["times": times, "period": per])
          } ?? ""
        return ScoringRuleView(
          label: rule.label?.value ?? rule.id.value.rawValue, points: points(rule.points?.value ?? 0),
          condition: condition.isEmpty ? subject : "\(subject) \(l.list(condition))",
          detail: rule.event != nil ? l.list(condition) : "",
          hasDetail: rule.event != nil && !condition.isEmpty,
          frequency: frequency, hasFrequency: !frequency.isEmpty)
      }
    }
    func limits(_ model: LeadScoring.Model) -> String {
      var parts: [String] = []
      if let cap = model.cap { parts.append(l.text("limits.cap", ["number": l.number(Double(cap.value))])) }
      if let floor = model.floor {
        parts.append(l.text("limits.floor", ["number": l.number(Double(floor.value))]))
      }
      if let decay = model.decay, let percent = decay.percent, let days = decay.everyDays {
        parts.append(
          l.text(
            "limits.decay",
            ["percent": l.percent(percent.value), "days": l.plural("unit.days", count: Double(days.value))]))
      }
      return Format.title(l.list(parts), locale: l.locale)
    }
    return [
      "fitRules": describe(scoring.fit, subjects: scoring.attributes),
      "fitLimits": limits(scoring.fit),
      "engagementRules": describe(scoring.engagement, subjects: scoring.attributes),
      "engagementLimits": limits(scoring.engagement),
      "thresholds": scoring.thresholds.map { threshold in
        var parts: [String] = []
        if let fit = threshold.fit {
          parts.append(l.text("threshold.fit", ["number": l.number(Double(fit.value))]))
        }
        if let engagement = threshold.engagement {
          parts.append(l.text("threshold.engagement", ["number": l.number(Double(engagement.value))]))
        }
        return ThresholdView(stage: stageLink(threshold.stage?.value), requirement: l.list(parts))
      },
      "handRaises": scoring.handRaises.map { handRaise in
        HandRaiseView(
          event: scoring.events.first { $0.id.value == handRaise.event.value }?.label?.value
            ?? handRaise.event.value.rawValue,
          stage: stageLink(handRaise.stage?.value),
          requirement: handRaise.minimumFit.map {
            l.text("threshold.fit", ["number": l.number(Double($0.value))])
          } ?? "")
      },
      "hasHandRaises": !scoring.handRaises.isEmpty,
    ]
  }

  /// The connect-attempt sequence's steps, for its section and the SLA's commitments.
  func stepViews() -> [StepView] {
    let connect = glossary.connectAttempts
    let channels = Dictionary(connect.channels.map { ($0.id.value, $0.label?.value ?? $0.id.value.rawValue) })
    { first, _ in first }
    return (connect.sequence?.steps ?? []).map { step in
      StepView(
        day: step.day.value, channel: channels[step.channel.value] ?? step.channel.value.rawValue,
        note: step.note?.value ?? "", hasNote: step.note != nil)
    }
  }

  func connectSection() -> [String: Any] {
    let connect = glossary.connectAttempts
    return [
      "channels": connect.channels.map { $0.label?.value ?? $0.id.value.rawValue }.joined(separator: ", "),
      "ownerOnly": connect.ownerOnly?.value ?? false,
      "dispositions": connect.dispositions.map { disposition in
        DispositionView(
          anchor: AnchorRef.disposition(disposition.id.value).id,
          label: disposition.label?.value ?? disposition.id.value.rawValue,
          counts: l.text(disposition.isConnected ? "disposition.connected" : "disposition.attempt"))
      },
      "window": connect.sequence?.window.map { l.duration($0.value, within: true) } ?? "",
      "requiredAttempts": connect.sequence?.requiredAttempts?.value ?? 0,
      "connectAttemptsText": l.plural(
        "unit.connect_attempts", count: Double(connect.sequence?.requiredAttempts?.value ?? 0)),
      "steps": stepViews(),
      "exhaustedStatus": statusLink(connect.exhaustedStatus?.value),
    ]
  }

  private func slaTermSection() -> [String: Any] {
    ["commitments": slaCommitments(party: nil)]
  }

  // MARK: - The SLA document

  func slaCommitments(party: Party?) -> [CommitmentView] {
    glossary.sla.commitments.filter { party == nil || $0.party?.value == party }.map { commitment in
      CommitmentView(
        headline: headline(commitment), description: commitment.description?.value ?? "",
        hasDescription: commitment.description != nil)
    }
  }

  func headline(_ commitment: Commitment) -> String {
    let quantity = commitmentQuantity(commitment)
    let per =
      commitment.per.map { l.text("commitment.per", ["period": l.text("period.\($0.value.rawValue)")]) } ?? ""
    let values = [
      "quantity": quantity, "per": per,
      "window": commitment.within.map { l.duration($0.value, within: true) } ?? "",
    ]
    switch commitment.kind.value {
    case .firstTouch:
      let priority = commitment.priority?.value == .handRaise ? "hand_raise" : "standard"
      return l.text("commitment.first_touch.\(priority)", values)
    case .other: return Format.title(l.text("commitment.other", values), locale: l.locale)
    default: return l.text("commitment.\(commitment.kind.value.rawValue)", values)
    }
  }

  // MARK: - Words and numbers

  func owner(_ owner: TermOwner?) -> String {
    owner.map { l.text("owner.\($0.rawValue)") } ?? ""
  }

  /// "+5", "−10" (a true minus sign reads better than a hyphen in print).
  func points(_ value: Int) -> String {
    value >= 0 ? "+" + l.number(Double(value)) : "−" + l.number(Double(-value))
  }

  /// "120 MQLs", "90%", "5 minutes", "6 connect attempts".
  /// - Parameter within: a deadline as it follows "within" in the headline.
  func commitmentQuantity(_ commitment: Commitment, within: Bool = true) -> String {
    guard let quantity = commitment.quantity?.value, let unit = commitment.unit?.value else { return "" }
    if let deadline = unit.deadline(quantity) { return l.duration(deadline, within: within) }
    switch unit {
    case .percent: return l.percent(quantity)
    case .attempts where commitment.kind.value == .connectAttempts:
      return l.plural("unit.connect_attempts", count: quantity)
    default: return l.plural("unit.\(unit.rawValue)", count: quantity)
    }
  }
}

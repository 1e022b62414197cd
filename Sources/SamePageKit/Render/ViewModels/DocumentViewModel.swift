/// Builds the context a template renders: pre-formatted text, sorted lists and flags, with
/// links written for the page being rendered. Templates stay logic-less.
struct DocumentViewModel {
  let glossary: Glossary
  let page: Page

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

  static let termOrder: [GlossaryFileKind] = [
    .sla, .icp, .personas, .buyerJourney, .lifecycleStages, .leadTypes, .dealStages, .leadStatuses,
    .leadScoring, .connectAttempts,
  ]

  func header(_ kind: GlossaryFileKind) -> TermHeader {
    switch kind {
    case .manifest: TermHeader(definition: nil, owner: nil, location: glossary.manifest.location)
    case .sla: glossary.sla.header
    case .icp: glossary.icp.header
    case .personas: glossary.personas.header
    case .buyerJourney: glossary.journey.header
    case .lifecycleStages: glossary.lifecycle.header
    case .leadTypes: glossary.leadTypes.header
    case .dealStages: glossary.dealStages.header
    case .leadStatuses: glossary.leadStatuses.header
    case .leadScoring: glossary.scoring.header
    case .connectAttempts: glossary.connectAttempts.header
    }
  }

  func term(_ kind: GlossaryFileKind) -> TermView {
    let header = header(kind)
    return TermView(
      title: kind.title, anchor: kind.rawValue, link: page.link(.term(kind)), page: kind.pageName + ".md",
      definition: UserMarkdown.safe(header.definition?.value ?? ""),
      summary: Format.firstSentence(header.definition?.value ?? ""),
      owner: Format.owner(header.owner?.value))
  }

  /// The whole context. Term sections are lists of zero or one element, so a page shows
  /// exactly the terms it hosts with `{{#lifecycleStages}}…{{/lifecycleStages}}`.
  func context() -> [String: Any] {
    let manifest = glossary.manifest
    var root: [String: Any] = [
      "organization": manifest.organization?.value ?? "",
      "glossaryVersion": manifest.glossaryVersion?.value ?? "",
      "effectiveDate": manifest.effectiveDate.map { Format.date($0.value) } ?? "",
      "locale": manifest.locale?.value ?? "",
      "marketingOwner": PersonView(manifest.marketingOwner),
      "salesOwner": PersonView(manifest.salesOwner),
      "terms": Self.termOrder.map(term),
      "sla": slaContext(),
      "isGlossary": page == .glossary,
      "isSLA": page == .sla,
      "isTermPage": { if case .term = page { return true } else { return false } }(),
      "pageTitle": pageTitle,
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
    case .home: glossary.manifest.organization?.value ?? "Home"
    case .sla: "Service level agreement"
    case .glossary: "Glossary"
    case .term(let kind): kind.title
    }
  }

  // MARK: - Terms

  private func lifecycleSection() -> [String: Any] {
    let stages = glossary.lifecycle.stages
    return [
      "stages": stages.enumerated().map { index, stage in
        let statuses = glossary.leadStatuses.statuses.filter { $0.stage?.value == stage.id.value }
          .map { statusLink($0.id.value) }.punctuated
        return StageView(
          anchor: AnchorRef.stage(stage.id.value).id, label: stage.label?.value ?? stage.id.value.rawValue,
          definition: UserMarkdown.safe(stage.definition?.value ?? ""),
          synonyms: stage.synonyms.map(\.value).joined(separator: ", "),
          hasSynonyms: !stage.synonyms.isEmpty, owner: Format.owner(stage.owner?.value),
          position: "\(index + 1) of \(stages.count)",
          entry: Format.sentences(stage.entryCriteria.map(\.value)), hasEntry: !stage.entryCriteria.isEmpty,
          exit: Format.sentences(stage.exitCriteria.map(\.value)), hasExit: !stage.exitCriteria.isEmpty,
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
          category: Format.title(status.category?.value.rawValue ?? ""),
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
            let outcome = stage.isWon ? "Closed, won" : stage.isClosed ? "Closed, lost" : ""
            let stale = stage.staleAfterDays.map { "\($0.value) days" } ?? ""
            return DealStageView(
              anchor: AnchorRef.deal(stage.id.value).id, label: stage.label?.value ?? stage.id.value.rawValue,
              definition: UserMarkdown.safe(stage.definition?.value ?? ""),
              synonyms: stage.synonyms.map(\.value).joined(separator: ", "),
              hasSynonyms: !stage.synonyms.isEmpty, probability: "\(stage.probability?.value ?? 0)%",
              forecast: Format.forecast(stage.forecast?.value), outcome: outcome,
              hasOutcome: !outcome.isEmpty,
              staleAfter: stale, hasStaleAfter: !stale.isEmpty,
              lostReasons: stage.lostReasons.map(\.value).joined(separator: "; "),
              hasLostReasons: !stage.lostReasons.isEmpty)
          })
      }
    ]
  }

  func icpSection() -> [String: Any] {
    let exclusions = glossary.icp.exclusions
    return [
      "segments": glossary.icp.segments.map { segment in
        var criteria: [CriterionView] = []
        if let tier = segment.tier { criteria.append(.init(name: "Tier", value: "\(tier.value)")) }
        if !segment.industries.isEmpty {
          criteria.append(
            .init(name: "Industries", value: segment.industries.map(\.value).joined(separator: ", ")))
        }
        if let range = segment.employees { criteria.append(.init(name: "Employees", value: describe(range))) }
        if let range = segment.annualRevenueUSD {
          criteria.append(.init(name: "Annual revenue", value: describe(range, money: true)))
        }
        if !segment.countries.isEmpty {
          criteria.append(
            .init(name: "Countries", value: segment.countries.map(\.value).joined(separator: ", ")))
        }
        if !segment.technologies.isEmpty {
          criteria.append(
            .init(name: "Technologies", value: segment.technologies.map(\.value).joined(separator: ", ")))
        }
        return SegmentView(
          anchor: AnchorRef.segment(segment.id.value).id,
          label: segment.label?.value ?? segment.id.value.rawValue,
          definition: UserMarkdown.safe(segment.definition?.value ?? ""), criteria: criteria)
      },
      "exclusions": [
        CriterionView(
          name: "Personal email domains", value: exclusions.emailDomains.map(\.value).joined(separator: ", ")),
        CriterionView(
          name: "Email suffixes", value: exclusions.emailSuffixes.map(\.value).joined(separator: ", ")),
        CriterionView(
          name: "Competitors", value: exclusions.competitorDomains.map(\.value).joined(separator: ", ")),
        CriterionView(
          name: "Countries not served", value: exclusions.countries.map(\.value).joined(separator: ", ")),
      ].filter { !$0.value.isEmpty },
    ]
  }

  private func describe(_ range: NumberRange, money: Bool = false) -> String {
    let show = money ? Format.money : Format.number
    return switch (range.min?.value, range.max?.value) {
    case (let low?, let high?): "\(show(low)) to \(show(high))"
    case (let low?, nil): "at least \(show(low))"
    case (nil, let high?): "at most \(show(high))"
    case (nil, nil): "any"
    }
  }

  private func personasSection() -> [String: Any] {
    [
      "personas": glossary.personas.personas.map { persona in
        var facts: [CriterionView] = []
        if let role = persona.decisionRole {
          facts.append(.init(name: "Role in the decision", value: Format.words(role.value.rawValue)))
        }
        if let seniority = persona.seniority {
          facts.append(.init(name: "Seniority", value: Format.words(seniority.value.rawValue)))
        }
        if !persona.titlePatterns.isEmpty {
          facts.append(
            .init(name: "Titles", value: persona.titlePatterns.map(\.value).joined(separator: ", ")))
        }
        if let place = persona.location { facts.append(.init(name: "Location", value: place.value)) }
        if let years = persona.experienceYears {
          facts.append(.init(name: "Experience", value: "\(years.value) years"))
        }
        let lists = [
          ("Behaviours", persona.behaviours), ("Interests", persona.interests), ("Needs", persona.needs),
          ("Pain points", persona.painPoints),
        ].filter { !$0.1.isEmpty }.map { NamedListView(name: $0.0, items: $0.1.map(\.value)) }
        return PersonaView(
          anchor: AnchorRef.persona(persona.id.value).id,
          label: persona.label?.value ?? persona.id.value.rawValue,
          name: persona.name?.value ?? "", bio: UserMarkdown.safe(persona.bio?.value ?? ""), facts: facts,
          lists: lists,
          segments: persona.segments.map { id in
            link(
              .segment(id.value),
              glossary.icp.segments.first { $0.id.value == id.value }?.label?.value ?? id.value.rawValue)
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
    [
      "types": glossary.leadTypes.types.map { type in
        var facts: [CriterionView] = []
        if let pipeline = type.pipeline {
          let label = glossary.dealStages.pipelines.first { $0.id.value == pipeline.value }?.label?.value
          facts.append(.init(name: "Deal pipeline", value: label ?? pipeline.value.rawValue))
        }
        if !type.skipsStages.isEmpty {
          facts.append(
            .init(name: "Skips", value: Format.list(type.skipsStages.map { stageLink($0.value).label })))
        }
        facts.append(.init(name: "Scored", value: (type.scored?.value ?? true) ? "Yes" : "No"))
        facts.append(
          .init(name: "First-touch SLA applies", value: (type.slaApplies?.value ?? true) ? "Yes" : "No"))
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
          condition.append("is " + Format.list(rule.condition.anyOf.map(\.value), conjunction: "or"))
        }
        if !rule.condition.containsAny.isEmpty {
          let fragments = Format.list(rule.condition.containsAny.map { "“\($0.value)”" }, conjunction: "or")
          condition.append((rule.event != nil ? "URL contains " : "contains ") + fragments)
        }
        if let low = rule.condition.atLeast { condition.append("at least \(Format.number(low.value))") }
        if let high = rule.condition.atMost { condition.append("at most \(Format.number(high.value))") }
        let subject =
          rule.attribute.map { id in
            subjects.first { $0.id.value == id.value }?.label?.value ?? id.value.rawValue
          }
          ?? rule.event.map { id in
            scoring.events.first { $0.id.value == id.value }?.label?.value ?? id.value.rawValue
          } ?? ""
        let frequency =
          rule.frequency.map { frequency in
            let times = frequency.max?.value ?? 1
            let per = frequency.per?.value.rawValue ?? "day"
            return "at most \(times == 1 ? "once" : "\(times) times") per \(per)"
          } ?? ""
        return ScoringRuleView(
          label: rule.label?.value ?? rule.id.value.rawValue, points: Format.points(rule.points?.value ?? 0),
          condition: condition.isEmpty ? subject : "\(subject) \(Format.list(condition))",
          detail: rule.event != nil ? Format.list(condition) : "",
          hasDetail: rule.event != nil && !condition.isEmpty,
          frequency: frequency, hasFrequency: !frequency.isEmpty)
      }
    }
    func limits(_ model: LeadScoring.Model) -> String {
      var parts: [String] = []
      if let cap = model.cap { parts.append("capped at \(cap.value)") }
      if let floor = model.floor { parts.append("never below \(floor.value)") }
      if let decay = model.decay, let percent = decay.percent, let days = decay.everyDays {
        parts.append("loses \(Format.number(percent.value))% every \(days.value) days without new activity")
      }
      return Format.title(Format.list(parts))
    }
    return [
      "fitRules": describe(scoring.fit, subjects: scoring.attributes),
      "fitLimits": limits(scoring.fit),
      "engagementRules": describe(scoring.engagement, subjects: scoring.attributes),
      "engagementLimits": limits(scoring.engagement),
      "thresholds": scoring.thresholds.map { threshold in
        var parts: [String] = []
        if let fit = threshold.fit { parts.append("fit of at least \(fit.value)") }
        if let engagement = threshold.engagement {
          parts.append("engagement of at least \(engagement.value)")
        }
        return ThresholdView(stage: stageLink(threshold.stage?.value), requirement: Format.list(parts))
      },
      "handRaises": scoring.handRaises.map { handRaise in
        HandRaiseView(
          event: scoring.events.first { $0.id.value == handRaise.event.value }?.label?.value
            ?? handRaise.event.value.rawValue,
          stage: stageLink(handRaise.stage?.value),
          requirement: handRaise.minimumFit.map { "fit of at least \($0.value)" } ?? "")
      },
      "hasHandRaises": !scoring.handRaises.isEmpty,
    ]
  }

  func connectSection() -> [String: Any] {
    let connect = glossary.connectAttempts
    let channels = Dictionary(connect.channels.map { ($0.id.value, $0.label?.value ?? $0.id.value.rawValue) })
    { first, _ in first }
    return [
      "channels": connect.channels.map { $0.label?.value ?? $0.id.value.rawValue }.joined(separator: ", "),
      "ownerOnly": connect.ownerOnly?.value ?? false,
      "dispositions": connect.dispositions.map { disposition in
        DispositionView(
          anchor: AnchorRef.disposition(disposition.id.value).id,
          label: disposition.label?.value ?? disposition.id.value.rawValue,
          counts: disposition.isConnected ? "a conversation (connected)" : "an attempt, not a conversation")
      },
      "window": connect.sequence?.window?.value.description ?? "",
      "requiredAttempts": connect.sequence?.requiredAttempts?.value ?? 0,
      "steps": (connect.sequence?.steps ?? []).map { step in
        StepView(
          day: step.day.value, channel: channels[step.channel.value] ?? step.channel.value.rawValue,
          note: step.note?.value ?? "", hasNote: step.note != nil)
      },
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
    let quantity = Format.commitmentQuantity(commitment)
    let per = commitment.per.map { " per \($0.value.rawValue)" } ?? ""
    switch commitment.kind.value {
    case .mqlVolume: return "\(quantity)\(per)"
    case .acceptanceRate: return "\(quantity) of MQLs accepted\(per)"
    case .firstTouch:
      let who = commitment.priority?.value == .handRaise ? "demo and quote requests" : "every other MQL"
      return "First touch on \(who) within \(quantity)"
    case .acceptReject: return "Accept or reject every MQL within \(quantity)"
    case .connectAttempts:
      return
        "\(quantity.replacingOccurrences(of: "attempt", with: "connect attempt")) within \(commitment.within?.value.description ?? "the window")"
    case .other: return Format.title("\(quantity)\(per)")
    }
  }
}

/// Every human-readable text of a glossary, each under a key that stays the same when the
/// text changes: `<file>/<kind>/<id>/<field>[/<n>]`, such as `lifecycle-stages/stage/mql/label`
/// or `lead-statuses/status/rejected/reasons/2`. Ids are the same in every language, so keys
/// (and the anchors built from the same ids) are too.
///
/// Values matched against CRM data (industries, countries, title patterns, URL fragments,
/// domains) are not texts: they must stay exactly as the CRM stores them.
extension Glossary {
  /// Calls `visit` with each text and its key, letting it replace the text in place.
  public mutating func visitTexts(_ visit: (String, inout Located<String>) -> Void) {
    func one(_ key: String, _ text: inout Located<String>?) {
      guard var value = text else { return }
      visit(key, &value)
      text = value
    }
    func list(_ key: String, _ texts: inout [Located<String>]) {
      for index in texts.indices { visit("\(key)/\(index + 1)", &texts[index]) }
    }
    func header(_ file: GlossaryFileKind, _ header: inout TermHeader) {
      one("\(file.rawValue)/definition", &header.definition)
    }

    header(.sla, &sla.header)
    one("sla/purpose", &sla.purpose)
    for index in sla.parties.indices {
      one("sla/party/\(sla.parties[index].party.value.rawValue)/team", &sla.parties[index].team)
    }
    for index in sla.commitments.indices {
      let key = "sla/commitment/\(sla.commitments[index].id.value)"
      one("\(key)/description", &sla.commitments[index].description)
      one("\(key)/if_missed", &sla.commitments[index].ifMissed)
    }
    if var handoff = sla.handoff {
      one("sla/handoff/escalation_owner", &handoff.escalationOwner)
      for index in handoff.escalation.indices {
        visit("sla/escalation/\(index + 1)/to", &handoff.escalation[index].to)
        one("sla/escalation/\(index + 1)/backup", &handoff.escalation[index].backup)
      }
      for index in handoff.turnaround.indices {
        visit("sla/turnaround/\(index + 1)/task", &handoff.turnaround[index].task)
      }
      sla.handoff = handoff
    }
    if var reporting = sla.reporting {
      visit("sla/reporting/system_of_record", &reporting.systemOfRecord)
      one("sla/reporting/prepared_by", &reporting.preparedBy)
      one("sla/reporting/reviewed_in", &reporting.reviewedIn)
      sla.reporting = reporting
    }
    if var calendar = sla.calendar {
      for index in calendar.holidays.indices {
        one("sla/holiday/\(calendar.holidays[index].date.value)/name", &calendar.holidays[index].name)
      }
      sla.calendar = calendar
    }
    for index in sla.changes.indices {
      visit("sla/change/\(sla.changes[index].version.value)/summary", &sla.changes[index].summary)
    }

    header(.icp, &icp.header)
    for index in icp.segments.indices {
      let key = "icp/segment/\(icp.segments[index].id.value)"
      one("\(key)/label", &icp.segments[index].label)
      one("\(key)/definition", &icp.segments[index].definition)
    }

    header(.personas, &personas.header)
    for index in personas.personas.indices {
      let key = "personas/persona/\(personas.personas[index].id.value)"
      one("\(key)/label", &personas.personas[index].label)
      one("\(key)/bio", &personas.personas[index].bio)
      one("\(key)/location", &personas.personas[index].location)
      list("\(key)/behaviours", &personas.personas[index].behaviours)
      list("\(key)/interests", &personas.personas[index].interests)
      list("\(key)/needs", &personas.personas[index].needs)
      list("\(key)/pain_points", &personas.personas[index].painPoints)
    }

    header(.buyerJourney, &journey.header)
    for index in journey.stages.indices {
      let key = "buyer-journey/phase/\(journey.stages[index].id.value)"
      one("\(key)/label", &journey.stages[index].label)
      one("\(key)/definition", &journey.stages[index].definition)
      one("\(key)/buyer_focus", &journey.stages[index].buyerFocus)
      list("\(key)/content", &journey.stages[index].content)
    }

    header(.lifecycleStages, &lifecycle.header)
    for index in lifecycle.stages.indices {
      let key = "lifecycle-stages/stage/\(lifecycle.stages[index].id.value)"
      one("\(key)/label", &lifecycle.stages[index].label)
      one("\(key)/definition", &lifecycle.stages[index].definition)
      list("\(key)/synonyms", &lifecycle.stages[index].synonyms)
      list("\(key)/entry", &lifecycle.stages[index].entryCriteria)
      list("\(key)/exit", &lifecycle.stages[index].exitCriteria)
    }
    for index in lifecycle.recycles.indices {
      let recycle = lifecycle.recycles[index]
      one(
        "lifecycle-stages/recycle/\(recycle.from.value)-\(recycle.to.value)/reason",
        &lifecycle.recycles[index].reason)
    }

    header(.leadTypes, &leadTypes.header)
    for index in leadTypes.types.indices {
      let key = "lead-types/type/\(leadTypes.types[index].id.value)"
      one("\(key)/label", &leadTypes.types[index].label)
      one("\(key)/definition", &leadTypes.types[index].definition)
    }

    header(.dealStages, &dealStages.header)
    for pipeline in dealStages.pipelines.indices {
      one(
        "deal-stages/pipeline/\(dealStages.pipelines[pipeline].id.value)/label",
        &dealStages.pipelines[pipeline].label)
      for index in dealStages.pipelines[pipeline].stages.indices {
        let key = "deal-stages/stage/\(dealStages.pipelines[pipeline].stages[index].id.value)"
        one("\(key)/label", &dealStages.pipelines[pipeline].stages[index].label)
        one("\(key)/definition", &dealStages.pipelines[pipeline].stages[index].definition)
        list("\(key)/synonyms", &dealStages.pipelines[pipeline].stages[index].synonyms)
        list("\(key)/lost_reasons", &dealStages.pipelines[pipeline].stages[index].lostReasons)
      }
    }

    header(.leadStatuses, &leadStatuses.header)
    for index in leadStatuses.statuses.indices {
      let key = "lead-statuses/status/\(leadStatuses.statuses[index].id.value)"
      one("\(key)/label", &leadStatuses.statuses[index].label)
      one("\(key)/definition", &leadStatuses.statuses[index].definition)
      list("\(key)/synonyms", &leadStatuses.statuses[index].synonyms)
      list("\(key)/reasons", &leadStatuses.statuses[index].reasons)
    }

    header(.leadScoring, &scoring.header)
    for index in scoring.attributes.indices {
      one(
        "lead-scoring/attribute/\(scoring.attributes[index].id.value)/label", &scoring.attributes[index].label
      )
    }
    for index in scoring.events.indices {
      one("lead-scoring/event/\(scoring.events[index].id.value)/label", &scoring.events[index].label)
    }
    for index in scoring.fit.rules.indices {
      one("lead-scoring/fit/\(scoring.fit.rules[index].id.value)/label", &scoring.fit.rules[index].label)
    }
    for index in scoring.engagement.rules.indices {
      one(
        "lead-scoring/engagement/\(scoring.engagement.rules[index].id.value)/label",
        &scoring.engagement.rules[index].label)
    }

    header(.connectAttempts, &connectAttempts.header)
    for index in connectAttempts.channels.indices {
      one(
        "connect-attempts/channel/\(connectAttempts.channels[index].id.value)/label",
        &connectAttempts.channels[index].label)
    }
    for index in connectAttempts.dispositions.indices {
      one(
        "connect-attempts/disposition/\(connectAttempts.dispositions[index].id.value)/label",
        &connectAttempts.dispositions[index].label)
    }
    if var sequence = connectAttempts.sequence {
      for index in sequence.steps.indices {
        one("connect-attempts/step/\(index + 1)/note", &sequence.steps[index].note)
      }
      connectAttempts.sequence = sequence
    }
  }

  /// Every text with its key, in glossary order.
  public var texts: [(key: String, text: Located<String>)] {
    var copy = self
    var found: [(String, Located<String>)] = []
    copy.visitTexts { key, text in found.append((key, text)) }
    return found
  }
}

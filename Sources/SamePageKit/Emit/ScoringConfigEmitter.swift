import SamePageScoring

/// Emit: the validated glossary as the scoring config the core consumes. Run only on a glossary
/// without check errors; the rules guarantee that every reference below resolves.
public enum ScoringConfigEmitter {
  public static func config(for glossary: Glossary) -> ScoringConfig {
    let scoring = glossary.scoring
    let calendar = glossary.sla.calendar
    let sequence = glossary.connectAttempts.sequence
    let commitments = glossary.sla.commitments
    func duration(_ deadline: Deadline) -> ScoringConfig.Duration {
      let unit: String
      switch deadline.unit {
      case .minutes: unit = "minutes"
      case .hours: unit = "hours"
      case .businessHours: unit = "business_hours"
      case .days: unit = "days"
      case .businessDays: unit = "business_days"
      }
      return ScoringConfig.Duration(amount: deadline.amount, unit: unit)
    }
    func score(_ model: LeadScoring.Model) -> ScoringConfig.Score {
      ScoringConfig.Score(
        cap: model.cap?.value, floor: model.floor?.value,
        decay: model.decay.flatMap { decay in
          decay.percent.flatMap { percent in
            decay.everyDays.map { ScoringConfig.Decay(percent: percent.value, everyDays: $0.value) }
          }
        },
        rules: model.rules.map { rule in
          ScoringConfig.Rule(
            id: rule.id.value.rawValue, attribute: rule.attribute?.value.rawValue,
            event: rule.event?.value.rawValue,
            anyOf: rule.condition.anyOf.map { $0.value.lowercased() },
            containsAny: rule.condition.containsAny.map { $0.value.lowercased() },
            atLeast: rule.condition.atLeast?.value, atMost: rule.condition.atMost?.value,
            points: rule.points?.value ?? 0,
            frequency: rule.frequency.map {
              ScoringConfig.Frequency(max: $0.max?.value ?? 1, per: $0.per?.value.rawValue ?? "day")
            })
        })
    }
    let weekdays: [BusinessCalendar.Weekday] = [
      .monday, .tuesday, .wednesday, .thursday, .friday, .saturday, .sunday,
    ]

    return ScoringConfig(
      schemaVersion: ScoringConfig.currentSchemaVersion,
      organization: glossary.manifest.organization?.value ?? "",
      glossaryVersion: glossary.manifest.glossaryVersion?.value ?? "",
      glossaryHash: GlossaryHash.of(glossary.files),
      lifecycle: ScoringConfig.Lifecycle(
        stages: glossary.lifecycle.stages.map {
          ScoringConfig.Stage(
            id: $0.id.value.rawValue, order: $0.order?.value ?? 0, role: $0.role?.value.rawValue,
            outOfFunnel: $0.isOutOfFunnel)
        },
        recycles: glossary.lifecycle.recycles.map {
          ScoringConfig.Recycle(from: $0.from.value.rawValue, to: $0.to.value.rawValue)
        }),
      statuses: glossary.leadStatuses.statuses.map {
        ScoringConfig.Status(
          id: $0.id.value.rawValue, stage: $0.stage?.value.rawValue ?? "",
          category: $0.category?.value.rawValue ?? "",
          isDefault: $0.isDefault?.value ?? false, recycleTo: $0.recycleTo?.value.rawValue)
      },
      leadTypes: glossary.leadTypes.types.map {
        ScoringConfig.LeadType(
          id: $0.id.value.rawValue, isDefault: $0.isDefault?.value ?? false, scored: $0.scored?.value ?? true,
          slaApplies: $0.slaApplies?.value ?? true, skipsStages: $0.skipsStages.map(\.value.rawValue))
      },
      exclusions: ScoringConfig.Exclusions(
        emailDomains: glossary.icp.exclusions.emailDomains.map { $0.value.lowercased() },
        emailSuffixes: glossary.icp.exclusions.emailSuffixes.map { suffix in
          let lowered = suffix.value.lowercased()
          return lowered.hasPrefix(".") ? lowered : "." + lowered
        },
        competitorDomains: glossary.icp.exclusions.competitorDomains.map { $0.value.lowercased() },
        countries: glossary.icp.exclusions.countries.map { $0.value.uppercased() }),
      attributes: scoring.attributes.map {
        ScoringConfig.Attribute(id: $0.id.value.rawValue, type: $0.type?.value.rawValue ?? "text")
      },
      events: scoring.events.map(\.id.value.rawValue),
      fit: score(scoring.fit),
      engagement: score(scoring.engagement),
      thresholds: scoring.thresholds.map {
        ScoringConfig.Threshold(
          id: $0.id.value.rawValue, stage: $0.stage?.value.rawValue ?? "", fit: $0.fit?.value,
          engagement: $0.engagement?.value)
      },
      handRaises: scoring.handRaises.map {
        ScoringConfig.HandRaise(
          event: $0.event.value.rawValue, stage: $0.stage?.value.rawValue ?? "",
          minimumFit: $0.minimumFit?.value ?? 0)
      },
      sla: ScoringConfig.SLA(
        firstTouch: commitments.filter { $0.kind.value == .firstTouch }.compactMap { commitment in
          guard let priority = commitment.priority?.value.rawValue, let deadline = commitment.deadline else {
            return nil
          }
          return ScoringConfig.Clock(priority: priority, within: duration(deadline))
        },
        acceptReject: commitments.first { $0.kind.value == .acceptReject }?.deadline.map(duration),
        mqlVolume: commitments.first { $0.kind.value == .mqlVolume }.flatMap { commitment in
          commitment.quantity.map {
            ScoringConfig.Volume(quantity: $0.value, per: commitment.per?.value.rawValue ?? "month")
          }
        },
        acceptanceRate: commitments.first { $0.kind.value == .acceptanceRate }?.quantity?.value,
        acceptedStatus: glossary.sla.handoff?.acceptedStatus?.value.rawValue),
      calendar: ScoringConfig.Calendar(
        timeZone: calendar?.timeZone?.value ?? "UTC",
        workingDays: (calendar?.workingDays ?? []).compactMap { day in
          weekdays.firstIndex(of: day.value).map { $0 + 1 }
        }
        .sorted(),
        start: calendar?.start?.value.description ?? "09:00",
        end: calendar?.end?.value.description ?? "17:00",
        holidays: (calendar?.holidays ?? []).map(\.date.value.description).sorted()),
      connectAttempts: ScoringConfig.ConnectAttempts(
        channels: glossary.connectAttempts.channels.map(\.id.value.rawValue),
        dispositions: glossary.connectAttempts.dispositions.map {
          ScoringConfig.Disposition(id: $0.id.value.rawValue, connected: $0.isConnected)
        },
        ownerOnly: glossary.connectAttempts.ownerOnly?.value ?? false,
        requiredAttempts: sequence?.requiredAttempts?.value ?? 0,
        window: sequence?.window.map { duration($0.value) }
          ?? ScoringConfig.Duration(amount: 0, unit: "business_days"),
        exhaustedStatus: glossary.connectAttempts.exhaustedStatus?.value.rawValue ?? ""))
  }
}

/// The SLA document's values. Everything it binds comes from structured fields, so the signed
/// text cannot drift from the numbers `check`, `emit-config` and `score` use. Words stay in the
/// template: the view model passes numbers, links and flags for which sentence applies.
extension DocumentViewModel {
  func slaContext() -> [String: Any] {
    let sla = glossary.sla
    let calendar = sla.calendar
    let weekdays = calendar?.workingDays.map(\.value) ?? []
    let days = weekdays.map { l.text("weekday.\($0.rawValue)") }
    let handoff = sla.handoff
    let signOff = self.signOff ?? SignOff(glossary)
    let exclusions = exclusionViews()
    let rejected = handoff?.rejectedStatus.flatMap { glossary.status($0.value) }
    return [
      "purpose": UserMarkdown.safe(sla.purpose?.value ?? ""),
      "isDraft": !signOff.isComplete,
      "signatories": signatories(signOff),
      "qualifiedStages": qualifiedStages(),
      "exclusions": exclusions,
      "hasExclusions": !exclusions.isEmpty,
      "uncoveredTypes": glossary.leadTypes.types.filter { !($0.slaApplies?.value ?? true) }.map { type in
        link(.leadType(type.id.value), type.label?.value ?? type.id.value.rawValue)
      }.punctuated,
      "hasUncoveredTypes": glossary.leadTypes.types.contains { !($0.slaApplies?.value ?? true) },
      "otherTerms": Self.termOrder.filter { ![.sla, .lifecycleStages].contains($0) }.map(term),
      "commitments": sla.commitments.map(commitmentRow),
      "marketingCommitments": slaCommitments(party: .marketing),
      "salesCommitments": slaCommitments(party: .sales),
      "missed": sla.commitments.compactMap { commitment in
        commitment.ifMissed.map { CriterionView(name: headline(commitment), value: $0.value) }
      },
      "hasMissed": sla.commitments.contains { $0.ifMissed != nil },
      "steps": stepViews(),
      "requiredAttempts": glossary.connectAttempts.sequence?.requiredAttempts?.value ?? 0,
      "attemptsText": l.plural(
        "unit.attempts", count: Double(glossary.connectAttempts.sequence?.requiredAttempts?.value ?? 0)),
      "attemptWindow": glossary.connectAttempts.sequence?.window.map { l.duration($0.value, within: true) }
        ?? "",
      "exhaustedStatus": statusLink(glossary.connectAttempts.exhaustedStatus?.value),
      "connectAttempts": term(.connectAttempts),
      "channel": handoff.map {
        $0.channel.map { l.text("channel.\($0.value.rawValue)") } ?? ""
      } ?? "",
      "acceptedStatus": statusLink(handoff?.acceptedStatus?.value),
      "rejectedStatus": statusLink(handoff?.rejectedStatus?.value),
      "rejectionReasons": (rejected?.reasons.map(\.value) ?? []).joined(separator: "; "),
      "hasRejectionReasons": !(rejected?.reasons.isEmpty ?? true),
      "rejectionReview": handoff?.rejectionReview.map { review in
        [
          CriterionView(
            name: owner(review.owner.map { TermOwner(party: $0.value) }),
            value: l.duration(review.within.value, within: true))
        ]
      } ?? [],
      "escalation": (handoff?.escalationTiers ?? []).map { tier in
        EscalationTierView(
          after: l.duration(tier.after.value, within: true), to: tier.to.value,
          backup: tier.backup?.value ?? "",
          hasBackup: tier.backup != nil)
      },
      "hasEscalation": !(handoff?.escalationTiers.isEmpty ?? true),
      // The first tier under the names templates used before tiers, so ejected templates still render.
      "escalationOwner": handoff?.escalationTiers.first?.to.value ?? "",
      "escalateAfter": handoff?.escalationTiers.first.map { l.duration($0.after.value) } ?? "",
      "turnaround": (handoff?.turnaround ?? []).map { item in
        CriterionView(
          name:
            "\(item.owner.map { l.text("party.\($0.value.rawValue)") } ?? l.text("party.both")), \(l.text("sla.within", ["duration": l.duration(item.within.value, within: true)]))",
          value: item.task.value.prefix(1).lowercased(with: l.locale) + item.task.value.dropFirst())
      },
      "hasTurnaround": !(handoff?.turnaround.isEmpty ?? true),
      "reporting": sla.reporting.map { [reportingView($0)] } ?? [],
      "workingDays": weekdays == [.monday, .tuesday, .wednesday, .thursday, .friday]
        ? l.text("weekdays.range", ["first": days[0], "last": days[4]]) : l.list(days),
      "hours": calendar.flatMap { calendar in
        calendar.start.flatMap { start in calendar.end.map { "\(start.value)–\($0.value)" } }
      } ?? "",
      "timeZone": calendar?.timeZone?.value ?? "",
      "holidays": (calendar?.holidays ?? []).map {
        CriterionView(name: l.date($0.date.value), value: $0.name?.value ?? "")
      },
      "hasHolidays": !(calendar?.holidays.isEmpty ?? true),
      "reviewCadence": sla.review?.cadence.map { l.text("cadence.\($0.value.rawValue)") } ?? "",
      "nextReview": sla.review?.nextReview.map { l.date($0.value) } ?? "",
      "hasNextReview": sla.review?.nextReview != nil,
      "amendmentNotice": sla.review?.amendmentNotice.map { l.duration($0.value, within: true) } ?? "",
      "hasAmendmentNotice": sla.review?.amendmentNotice != nil,
      "contacts": sla.contacts.map { PersonView($0) },
      "hasContacts": !sla.contacts.isEmpty,
      "changes": sla.changes.map {
        ChangeView(version: $0.version.value, date: l.date($0.date.value), summary: $0.summary.value)
      },
      "hasChanges": !sla.changes.isEmpty,
      "definitions": Self.termOrder.map(term),
    ]
  }

  private func signatories(_ signOff: SignOff) -> [SignatoryView] {
    glossary.sla.parties.map { party in
      let signature = signOff.currentSignatures.first { $0.party.value == party.party.value }
      return SignatoryView(
        party: l.text("party.\(party.party.value.rawValue)"),
        team: party.team?.value ?? l.text("party.\(party.party.value.rawValue)"),
        person: PersonView(party.signatory),
        isSigned: signature != nil,
        signedOn: signature.map { l.date($0.date.value) } ?? "",
        signedVersion: signature?.version?.value ?? "")
    }
  }

  /// MQL, SAL (when the funnel has one) and SQL, each with what puts a lead there: the scoring
  /// thresholds and hand-raises that target it, and the stage's own entry criteria.
  private func qualifiedStages() -> [QualifiedStageView] {
    let scoring = glossary.scoring
    return glossary.lifecycle.stages.filter { [.mql, .sal, .sql].contains($0.role?.value) }.map { stage in
      let thresholds = scoring.thresholds.filter { $0.stage?.value == stage.id.value }.map { threshold in
        ThresholdRequirementView(
          fit: threshold.fit.map { "\($0.value)" } ?? "", hasFit: threshold.fit != nil,
          engagement: threshold.engagement.map { "\($0.value)" } ?? "",
          hasEngagement: threshold.engagement != nil)
      }
      let handRaises = scoring.handRaises.filter { $0.stage?.value == stage.id.value }.map { handRaise in
        HandRaiseGateView(
          event: scoring.events.first { $0.id.value == handRaise.event.value }?.label?.value
            ?? handRaise.event.value.rawValue,
          minimumFit: handRaise.minimumFit.map { "\($0.value)" } ?? "",
          hasMinimumFit: handRaise.minimumFit != nil)
      }
      let isAcceptance = stage.role?.value == .sal
      return QualifiedStageView(
        stage: stageLink(stage.id.value), anchor: AnchorRef.stage(stage.id.value).id,
        definition: UserMarkdown.safe(stage.definition?.value ?? ""),
        thresholds: thresholds, hasThresholds: !thresholds.isEmpty,
        handRaises: handRaises, hasHandRaises: !handRaises.isEmpty,
        isAccepted: isAcceptance,
        entry: stage.entryCriteria.map(\.value), hasEntry: !stage.entryCriteria.isEmpty)
    }
  }

  private func commitmentRow(_ commitment: Commitment) -> CommitmentRowView {
    let kind = commitment.kind.value
    let mql = glossary.stage(role: .mql)
    return CommitmentRowView(
      party: owner(commitment.party.map { TermOwner(party: $0.value) }),
      headline: headline(commitment), description: commitment.description?.value ?? "",
      hasDescription: commitment.description != nil,
      isMQLVolume: kind == .mqlVolume, isAcceptanceRate: kind == .acceptanceRate,
      isFirstTouch: kind == .firstTouch, isAcceptReject: kind == .acceptReject,
      isConnectAttempts: kind == .connectAttempts, isOther: kind == .other,
      mqlStage: mql.map { [stageLink($0.id.value)] } ?? [])
  }

  private func reportingView(_ reporting: Reporting) -> ReportingView {
    let commitments = glossary.sla.commitments
    return ReportingView(
      systemOfRecord: reporting.systemOfRecord.value,
      preparedBy: reporting.preparedBy?.value ?? "", hasPreparedBy: reporting.preparedBy != nil,
      cadence: reporting.cadence.map { l.text("cadence.\($0.value.rawValue)") } ?? "",
      hasCadence: reporting.cadence != nil,
      reviewedIn: reporting.reviewedIn?.value ?? "", hasReviewedIn: reporting.reviewedIn != nil,
      figures: reporting.figures.map { figure in
        let targets = commitments.filter { $0.kind.value == figure.value.commitmentKind }
        return ReportedFigureView(
          isMQLVolume: figure.value == .mqlVolume, isAcceptanceRate: figure.value == .acceptanceRate,
          isFirstTouch: figure.value == .firstTouch, isConnectAttempts: figure.value == .connectAttempts,
          target: targets.map(headline).joined(separator: "; "))
      })
  }
}

extension TermOwner {
  init(party: Party) {
    switch party {
    case .marketing: self = .marketing
    case .sales: self = .sales
    }
  }
}

struct QualifiedStageView {
  var stage: LinkView
  var anchor: String
  var definition: String
  var thresholds: [ThresholdRequirementView]
  var hasThresholds: Bool
  var handRaises: [HandRaiseGateView]
  var hasHandRaises: Bool
  /// SAL: entered by sales accepting the lead, not by a score.
  var isAccepted: Bool
  var entry: [String]
  var hasEntry: Bool
}

struct ThresholdRequirementView {
  var fit: String
  var hasFit: Bool
  var engagement: String
  var hasEngagement: Bool
}

struct HandRaiseGateView {
  var event: String
  var minimumFit: String
  var hasMinimumFit: Bool
}

struct CommitmentRowView {
  var party: String
  var headline: String
  var description: String
  var hasDescription: Bool
  var isMQLVolume: Bool
  var isAcceptanceRate: Bool
  var isFirstTouch: Bool
  var isAcceptReject: Bool
  var isConnectAttempts: Bool
  var isOther: Bool
  var mqlStage: [LinkView]
}

struct EscalationTierView {
  var after: String
  var to: String
  var backup: String
  var hasBackup: Bool
}

struct ReportingView {
  var systemOfRecord: String
  var preparedBy: String
  var hasPreparedBy: Bool
  var cadence: String
  var hasCadence: Bool
  var reviewedIn: String
  var hasReviewedIn: Bool
  var figures: [ReportedFigureView]
}

struct ReportedFigureView {
  var isMQLVolume: Bool
  var isAcceptanceRate: Bool
  var isFirstTouch: Bool
  var isConnectAttempts: Bool
  var target: String
}

import Mustache

/// A view that templates read by name through a `switch` instead of reflection.
///
/// swift-mustache asks a `MustacheParent` for `child(named:)` before it falls back to `Mirror`,
/// and the `Mirror` walk was half of the time to render a large glossary (issue 14). The switch
/// must name every stored property: debug builds check it against `Mirror` on every miss, so a
/// field left out fails the rendering tests instead of rendering empty.
protocol TemplateView: MustacheParent {
  /// The stored property with this name, or nil when there is none.
  func field(named name: String) -> Any?
}

extension TemplateView {
  func child(named name: String) -> Any? {
    if let value = field(named: name) { return value }
    #if DEBUG
      // A miss is normal (Mustache climbs the context stack), unless the property exists.
      let labels = Mirror(reflecting: self).children.compactMap(\.label)
      precondition(!labels.contains(name), "\(Self.self).field(named:) does not list '\(name)'")
    #endif
    return nil
  }
}

extension LinkView: TemplateView {
  func field(named name: String) -> Any? {
    switch name {
    case "label": self.label
    case "link": self.link
    case "separator": self.separator
    default: nil
    }
  }
}

extension PersonView: TemplateView {
  func field(named name: String) -> Any? {
    switch name {
    case "name": self.name
    case "title": self.title
    case "hasTitle": self.hasTitle
    case "email": self.email
    case "hasEmail": self.hasEmail
    default: nil
    }
  }
}

extension TermView: TemplateView {
  func field(named name: String) -> Any? {
    switch name {
    case "title": self.title
    case "anchor": self.anchor
    case "link": self.link
    case "page": self.page
    case "definition": self.definition
    case "summary": self.summary
    case "owner": self.owner
    default: nil
    }
  }
}

extension StageView: TemplateView {
  func field(named name: String) -> Any? {
    switch name {
    case "anchor": self.anchor
    case "label": self.label
    case "definition": self.definition
    case "synonyms": self.synonyms
    case "hasSynonyms": self.hasSynonyms
    case "owner": self.owner
    case "position": self.position
    case "entry": self.entry
    case "hasEntry": self.hasEntry
    case "exit": self.exit
    case "hasExit": self.hasExit
    case "isOptional": self.isOptional
    case "isOutOfFunnel": self.isOutOfFunnel
    case "isTerminal": self.isTerminal
    case "statuses": self.statuses
    case "hasStatuses": self.hasStatuses
    default: nil
    }
  }
}

extension RecycleView: TemplateView {
  func field(named name: String) -> Any? {
    switch name {
    case "from": self.from
    case "to": self.to
    case "reason": self.reason
    case "hasReason": self.hasReason
    default: nil
    }
  }
}

extension StatusView: TemplateView {
  func field(named name: String) -> Any? {
    switch name {
    case "anchor": self.anchor
    case "label": self.label
    case "definition": self.definition
    case "synonyms": self.synonyms
    case "hasSynonyms": self.hasSynonyms
    case "stage": self.stage
    case "category": self.category
    case "isDefault": self.isDefault
    case "reasons": self.reasons
    case "hasReasons": self.hasReasons
    case "recyclesTo": self.recyclesTo
    default: nil
    }
  }
}

extension PipelineView: TemplateView {
  func field(named name: String) -> Any? {
    switch name {
    case "anchor": self.anchor
    case "label": self.label
    case "stages": self.stages
    default: nil
    }
  }
}

extension DealStageView: TemplateView {
  func field(named name: String) -> Any? {
    switch name {
    case "anchor": self.anchor
    case "label": self.label
    case "definition": self.definition
    case "synonyms": self.synonyms
    case "hasSynonyms": self.hasSynonyms
    case "probability": self.probability
    case "forecast": self.forecast
    case "outcome": self.outcome
    case "hasOutcome": self.hasOutcome
    case "staleAfter": self.staleAfter
    case "hasStaleAfter": self.hasStaleAfter
    case "lostReasons": self.lostReasons
    case "hasLostReasons": self.hasLostReasons
    default: nil
    }
  }
}

extension SegmentView: TemplateView {
  func field(named name: String) -> Any? {
    switch name {
    case "anchor": self.anchor
    case "label": self.label
    case "definition": self.definition
    case "criteria": self.criteria
    default: nil
    }
  }
}

extension CriterionView: TemplateView {
  func field(named name: String) -> Any? {
    switch name {
    case "name": self.name
    case "value": self.value
    default: nil
    }
  }
}

extension PersonaView: TemplateView {
  func field(named name: String) -> Any? {
    switch name {
    case "anchor": self.anchor
    case "label": self.label
    case "name": self.name
    case "bio": self.bio
    case "facts": self.facts
    case "lists": self.lists
    case "segments": self.segments
    default: nil
    }
  }
}

extension NamedListView: TemplateView {
  func field(named name: String) -> Any? {
    switch name {
    case "name": self.name
    case "items": self.items
    default: nil
    }
  }
}

extension JourneyPhaseView: TemplateView {
  func field(named name: String) -> Any? {
    switch name {
    case "anchor": self.anchor
    case "label": self.label
    case "definition": self.definition
    case "buyerFocus": self.buyerFocus
    case "hasBuyerFocus": self.hasBuyerFocus
    case "stages": self.stages
    case "content": self.content
    case "hasContent": self.hasContent
    default: nil
    }
  }
}

extension LeadTypeView: TemplateView {
  func field(named name: String) -> Any? {
    switch name {
    case "anchor": self.anchor
    case "label": self.label
    case "definition": self.definition
    case "isDefault": self.isDefault
    case "facts": self.facts
    default: nil
    }
  }
}

extension ScoringRuleView: TemplateView {
  func field(named name: String) -> Any? {
    switch name {
    case "label": self.label
    case "points": self.points
    case "condition": self.condition
    case "detail": self.detail
    case "hasDetail": self.hasDetail
    case "frequency": self.frequency
    case "hasFrequency": self.hasFrequency
    default: nil
    }
  }
}

extension ThresholdView: TemplateView {
  func field(named name: String) -> Any? {
    switch name {
    case "stage": self.stage
    case "requirement": self.requirement
    default: nil
    }
  }
}

extension HandRaiseView: TemplateView {
  func field(named name: String) -> Any? {
    switch name {
    case "event": self.event
    case "stage": self.stage
    case "requirement": self.requirement
    default: nil
    }
  }
}

extension CommitmentView: TemplateView {
  func field(named name: String) -> Any? {
    switch name {
    case "headline": self.headline
    case "description": self.description
    case "hasDescription": self.hasDescription
    default: nil
    }
  }
}

extension StepView: TemplateView {
  func field(named name: String) -> Any? {
    switch name {
    case "day": self.day
    case "channel": self.channel
    case "note": self.note
    case "hasNote": self.hasNote
    default: nil
    }
  }
}

extension DispositionView: TemplateView {
  func field(named name: String) -> Any? {
    switch name {
    case "anchor": self.anchor
    case "label": self.label
    case "counts": self.counts
    default: nil
    }
  }
}

extension SignatoryView: TemplateView {
  func field(named name: String) -> Any? {
    switch name {
    case "party": self.party
    case "team": self.team
    case "person": self.person
    case "isSigned": self.isSigned
    case "signedOn": self.signedOn
    case "signedVersion": self.signedVersion
    default: nil
    }
  }
}

extension ChangeView: TemplateView {
  func field(named name: String) -> Any? {
    switch name {
    case "version": self.version
    case "date": self.date
    case "summary": self.summary
    default: nil
    }
  }
}

extension QualifiedStageView: TemplateView {
  func field(named name: String) -> Any? {
    switch name {
    case "stage": self.stage
    case "anchor": self.anchor
    case "definition": self.definition
    case "thresholds": self.thresholds
    case "hasThresholds": self.hasThresholds
    case "handRaises": self.handRaises
    case "hasHandRaises": self.hasHandRaises
    case "isAccepted": self.isAccepted
    case "entry": self.entry
    case "hasEntry": self.hasEntry
    default: nil
    }
  }
}

extension ThresholdRequirementView: TemplateView {
  func field(named name: String) -> Any? {
    switch name {
    case "fit": self.fit
    case "hasFit": self.hasFit
    case "engagement": self.engagement
    case "hasEngagement": self.hasEngagement
    default: nil
    }
  }
}

extension HandRaiseGateView: TemplateView {
  func field(named name: String) -> Any? {
    switch name {
    case "event": self.event
    case "minimumFit": self.minimumFit
    case "hasMinimumFit": self.hasMinimumFit
    default: nil
    }
  }
}

extension CommitmentRowView: TemplateView {
  func field(named name: String) -> Any? {
    switch name {
    case "party": self.party
    case "headline": self.headline
    case "description": self.description
    case "hasDescription": self.hasDescription
    case "isMQLVolume": self.isMQLVolume
    case "isAcceptanceRate": self.isAcceptanceRate
    case "isFirstTouch": self.isFirstTouch
    case "isAcceptReject": self.isAcceptReject
    case "isConnectAttempts": self.isConnectAttempts
    case "isOther": self.isOther
    case "mqlStage": self.mqlStage
    default: nil
    }
  }
}

extension EscalationTierView: TemplateView {
  func field(named name: String) -> Any? {
    switch name {
    case "after": self.after
    case "to": self.to
    case "backup": self.backup
    case "hasBackup": self.hasBackup
    default: nil
    }
  }
}

extension ReportingView: TemplateView {
  func field(named name: String) -> Any? {
    switch name {
    case "systemOfRecord": self.systemOfRecord
    case "preparedBy": self.preparedBy
    case "hasPreparedBy": self.hasPreparedBy
    case "cadence": self.cadence
    case "hasCadence": self.hasCadence
    case "reviewedIn": self.reviewedIn
    case "hasReviewedIn": self.hasReviewedIn
    case "figures": self.figures
    default: nil
    }
  }
}

extension ReportedFigureView: TemplateView {
  func field(named name: String) -> Any? {
    switch name {
    case "isMQLVolume": self.isMQLVolume
    case "isAcceptanceRate": self.isAcceptanceRate
    case "isFirstTouch": self.isFirstTouch
    case "isConnectAttempts": self.isConnectAttempts
    case "target": self.target
    default: nil
    }
  }
}

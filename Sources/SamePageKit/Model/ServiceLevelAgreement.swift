/// `sla.yaml`: what marketing and sales promise each other, and the clock that holds them to it.
public struct ServiceLevelAgreement: Sendable {
  public var header: TermHeader
  public var purpose: Located<String>?
  public var parties: [SLAParty]
  public var commitments: [Commitment]
  public var handoff: Handoff?
  public var calendar: BusinessCalendar?
  public var review: Review?
  public var reporting: Reporting?
  /// Who to ask about the agreement itself (usually revenue operations), beyond the signatories.
  public var contacts: [Person]
  public var changes: [Change]
}

public struct SLAParty: Sendable {
  public var party: Located<Party>
  public var team: Located<String>?
  public var signatory: Person?
  public var location: SourceLocation
}

/// One promise: who makes it, what, how much, in what unit.
public struct Commitment: Sendable {
  public enum Kind: String, Sendable, CaseIterable, YAMLEnumeration {
    case mqlVolume = "mql_volume"
    case acceptanceRate = "acceptance_rate"
    case firstTouch = "first_touch"
    case acceptReject = "accept_reject"
    case connectAttempts = "connect_attempts"
    case other
  }

  /// Which leads a first-touch deadline applies to.
  public enum Priority: String, Sendable, CaseIterable, YAMLEnumeration {
    case handRaise = "hand_raise"
    case standard
  }

  public enum Unit: String, Sendable, CaseIterable, YAMLEnumeration {
    case mqls
    case leads
    case percent
    case attempts
    case minutes
    case hours
    case businessHours = "business_hours"
    case days
    case businessDays = "business_days"

    /// The same quantity as a `Deadline`, for units of time.
    public func deadline(_ amount: Double) -> Deadline? {
      switch self {
      case .minutes: Deadline(amount: amount, unit: .minutes)
      case .hours: Deadline(amount: amount, unit: .hours)
      case .businessHours: Deadline(amount: amount, unit: .businessHours)
      case .days: Deadline(amount: amount, unit: .days)
      case .businessDays: Deadline(amount: amount, unit: .businessDays)
      case .mqls, .leads, .percent, .attempts: nil
      }
    }
  }

  public enum Period: String, Sendable, CaseIterable, YAMLEnumeration {
    case week
    case month
    case quarter
  }

  public var id: Located<Slug>
  public var party: Located<Party>?
  public var kind: Located<Kind>
  public var description: Located<String>?
  public var quantity: Located<Double>?
  public var unit: Located<Unit>?
  public var per: Located<Period>?
  public var priority: Located<Priority>?
  /// For connect attempts: the window the attempts must fit in.
  public var within: Located<Deadline>?
  /// What the party does when it misses the commitment (a recovery plan, a review, a credit).
  public var ifMissed: Located<String>?
  public var location: SourceLocation

  /// The deadline this commitment sets, when its unit is one of time.
  public var deadline: Deadline? {
    guard let quantity, let unit else { return nil }
    return unit.value.deadline(quantity.value)
  }
}

/// How a lead passes from marketing to sales, and what happens when it stalls.
public struct Handoff: Sendable {
  public enum Channel: String, Sendable, CaseIterable, YAMLEnumeration {
    case crmTask = "crm_task"
    case email
    case chat
  }

  public var channel: Located<Channel>?
  public var acceptedStatus: Located<Slug>?
  public var rejectedStatus: Located<Slug>?
  /// The one-tier shorthand (`escalation_owner` with `escalate_after`); `escalationTiers` reads both.
  public var escalationOwner: Located<String>?
  public var escalateAfter: Located<Deadline>?
  /// `escalation:`, in order: who an untouched MQL goes to, and after how long.
  public var escalation: [EscalationTier]
  /// Marketing's answer to a rejection: who reviews rejected leads, and how soon.
  public var rejectionReview: RejectionReview?
  public var turnaround: [Turnaround]
  public var location: SourceLocation

  /// Every escalation tier, the shorthand first when both forms are written.
  public var escalationTiers: [EscalationTier] {
    guard let escalationOwner, let escalateAfter else { return escalation }
    return [EscalationTier(after: escalateAfter, to: escalationOwner, backup: nil, location: location)]
      + escalation
  }
}

/// One step of escalation: an MQL sales has not touched within `after` of its hand-off goes to `to`
/// (or to `backup` when `to` is away).
public struct EscalationTier: Sendable {
  public var after: Located<Deadline>
  public var to: Located<String>
  public var backup: Located<String>?
  public var location: SourceLocation
}

public struct RejectionReview: Sendable {
  public var owner: Located<Party>?
  public var within: Located<Deadline>
  public var location: SourceLocation
}

/// How the figures the commitments set are reported: from which system, how often, by whom.
public struct Reporting: Sendable {
  /// The figures `score` computes, named by the commitment kind they measure.
  public enum Figure: String, Sendable, CaseIterable, YAMLEnumeration {
    case mqlVolume = "mql_volume"
    case acceptanceRate = "acceptance_rate"
    case firstTouch = "first_touch"
    case connectAttempts = "connect_attempts"

    public var commitmentKind: Commitment.Kind {
      switch self {
      case .mqlVolume: .mqlVolume
      case .acceptanceRate: .acceptanceRate
      case .firstTouch: .firstTouch
      case .connectAttempts: .connectAttempts
      }
    }
  }

  public enum Cadence: String, Sendable, CaseIterable, YAMLEnumeration {
    case daily, weekly, monthly, quarterly
  }

  public var systemOfRecord: Located<String>
  public var preparedBy: Located<String>?
  public var cadence: Located<Cadence>?
  /// Where both teams go through the figures ("the monthly revenue meeting").
  public var reviewedIn: Located<String>?
  public var figures: [Located<Figure>]
  public var location: SourceLocation
}

public struct Turnaround: Sendable {
  public var task: Located<String>
  public var owner: Located<Party>?
  public var within: Located<Deadline>
  /// The first-touch commitment this task comes before (assigning a new MQL feeds the first
  /// touch), so the task must take no longer than that deadline.
  public var feeds: Located<Slug>?
}

/// When the SLA clock runs: time zone, working days and hours, holidays.
public struct BusinessCalendar: Sendable {
  public enum Weekday: String, Sendable, CaseIterable, YAMLEnumeration {
    case monday, tuesday, wednesday, thursday, friday, saturday, sunday
  }

  public var timeZone: Located<String>?
  public var workingDays: [Located<Weekday>]
  public var start: Located<TimeOfDay>?
  public var end: Located<TimeOfDay>?
  public var holidays: [Holiday]
  public var location: SourceLocation

  /// The length of a working day in minutes; a nine-to-five day when the hours are unusable.
  public var workingDayMinutes: Double {
    guard let start, let end, end.value > start.value else { return 8 * 60 }
    return Double(end.value.minutesSinceMidnight - start.value.minutesSinceMidnight)
  }
}

public struct Holiday: Sendable {
  public var date: Located<CalendarDate>
  public var name: Located<String>?
}

public struct Review: Sendable {
  public enum Cadence: String, Sendable, CaseIterable, YAMLEnumeration {
    case monthly, quarterly, semiannual, annual
  }
  public var cadence: Located<Cadence>?
  public var nextReview: Located<CalendarDate>?
  /// How long after both sign an amended version before it binds.
  public var amendmentNotice: Located<Deadline>?
  public var location: SourceLocation
}

public struct Change: Sendable {
  public var version: Located<String>
  public var date: Located<CalendarDate>
  public var summary: Located<String>
}

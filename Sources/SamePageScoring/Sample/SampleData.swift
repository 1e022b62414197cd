import Foundation

/// Realistic synthetic leads, events and activities for a scoring config, from a seed: the same
/// seed gives the same files. Events are written lead by lead in time order (the order
/// docs/SCORING.md asks for), streamed to disk so the files can be as large as a benchmark needs.
public struct SampleData {
  public var leads: Int
  public var events: Int
  public var activities: Int
  public var seed: UInt64
  /// Leads are created in the 90 days before this instant (epoch milliseconds); a few events
  /// fall after it.
  public var asOf: Int64

  public init(leads: Int, events: Int, activities: Int, seed: UInt64, asOf: Int64) {
    self.leads = leads
    self.events = events
    self.activities = activities
    self.seed = seed
    self.asOf = asOf
  }

  /// SplitMix64: small, fast and the same on every platform.
  struct Random {
    var state: UInt64
    mutating func next() -> UInt64 {
      state &+= 0x9E37_79B9_7F4A_7C15
      var z = state
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return z ^ (z >> 31)
    }
    mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(max(bound, 1))) }
    mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }
    mutating func chance(_ probability: Double) -> Bool { unit() < probability }
    mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }
  }

  /// Buffers text and writes it in large blocks, into a temporary file beside the target that
  /// `close()` renames over it: a run that fails half-way never leaves half a file.
  final class Writer {
    let target: URL
    let temporary: URL
    let handle: FileHandle
    var buffer = Data()
    private var renamed = false

    init(_ url: URL) throws {
      target = url
      temporary = url.deletingLastPathComponent()
        .appendingPathComponent(".\(url.lastPathComponent).samepage-\(UUID().uuidString).tmp")
      guard FileManager.default.createFile(atPath: temporary.path, contents: nil) else {
        throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path])
      }
      handle = try FileHandle(forWritingTo: temporary)
      buffer.reserveCapacity(1 << 20)
    }

    deinit {
      if !renamed { try? FileManager.default.removeItem(at: temporary) }
    }
    func write(_ text: String) throws {
      buffer.append(contentsOf: text.utf8)
      if buffer.count >= 1 << 20 { try flush() }
    }
    func flush() throws {
      try handle.write(contentsOf: buffer)
      buffer.removeAll(keepingCapacity: true)
    }
    func close() throws {
      try flush()
      try handle.synchronize()
      try handle.close()
      guard rename(temporary.path, target.path) == 0 else {
        throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: target.path])
      }
      renamed = true
    }
  }

  static let reps = (1...12).map { "rep-\($0 < 10 ? "0" : "")\($0)" }
  static let firstNames = [
    "ana", "ben", "chen", "dana", "eli", "fatima", "gus", "hana", "ivan", "jo", "kofi", "lena", "mo", "nia",
  ]
  static let titles = [
    "Maintenance Manager", "Director of Operations", "VP Operations", "Plant Manager", "Reliability Engineer",
    "Purchasing Agent", "Buyer", "Maintenance Technician", "Head of Procurement", "Intern", "Owner",
  ]
  static let industries = [
    "manufacturing", "manufacturing", "food and beverage", "utilities", "water treatment", "chemicals",
    "construction",
    "mining", "agriculture", "logistics", "retail", "education",
  ]
  static let paths = [
    ("/products/", 30), ("/blog/", 25), ("/pricing", 8), ("/contact", 4), ("/request-quote", 3),
    ("/careers", 3),
    ("/about", 5), ("/support/", 6),
  ]
  /// What CRMs log that a glossary rarely declares.
  static let undeclaredChannels = ["sms", "whatsapp", "meeting"]
  static let undeclaredDispositions = ["left-vm", "busy", "wrong-person"]

  /// How a rep works the connect-attempt sequence: how soon the first touch comes, and how
  /// many of the required attempts the rep makes before giving up.
  struct RepHabit {
    var delayHours: Double
    /// Share of the required attempts made: 1 or more works the whole sequence.
    var persistence: Double
  }

  /// `Call`, `CALL`, ` call`: exports mix case and spacing; the core must not care.
  static func messy(_ value: String, _ random: inout Random) -> String {
    guard random.chance(0.05) else { return value }
    switch random.below(3) {
    case 0: return value.uppercased()
    case 1: return value.prefix(1).uppercased() + value.dropFirst()
    default: return " \(value)"
    }
  }

  /// A timestamp with milliseconds, as event stores write them.
  static func stamp(_ instant: Int64) -> String { Timestamp.format(instant) }

  /// Writes leads.csv, events.csv and activities.csv into `directory`.
  public func write(to directory: URL, config: ScoringConfig) throws {
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    var random = Random(state: seed)
    let competitor = config.exclusions.competitorDomains
    let freeMail = config.exclusions.emailDomains
    let excludedCountries = config.exclusions.countries
    let leadTypes = config.leadTypes.map(\.id)
    let hasEvent = Set(config.events)
    let handRaiseEvents = config.handRaises.map(\.event)

    let leadsOut = try Writer(directory.appendingPathComponent("leads.csv"))
    let eventsOut = try Writer(directory.appendingPathComponent("events.csv"))
    let activitiesOut = try Writer(directory.appendingPathComponent("activities.csv"))
    try leadsOut.write(
      "id,email,created_at,owner,company,domain,industry,employees,annual_revenue_usd,country,title,lead_type\n"
    )
    try eventsOut.write("lead_id,type,timestamp,url\n")
    try activitiesOut.write("lead_id,rep,channel,disposition,timestamp\n")

    // Reps differ: some call within minutes, some take days (the ones who miss deadlines); some
    // work the whole sequence, some most of it, some give up after a touch or two.
    let habits = Self.reps.map { _ in
      RepHabit(
        delayHours: [0.05, 0.5, 2, 6, 30].randomElement(using: &random),
        persistence: [1.2, 1.0, 1.0, 0.7, 0.3].randomElement(using: &random))
    }
    let channels = config.connectAttempts.channels
    let dispositions = config.connectAttempts.dispositions
    let connectedIDs = dispositions.filter(\.connected).map(\.id)
    let otherIDs = dispositions.filter { !$0.connected }.map(\.id)
    let required = max(config.connectAttempts.requiredAttempts, 1)
    let eventsPerLead = Double(events) / Double(max(leads, 1))
    let span: Int64 = 90 * 86_400_000
    let day: Int64 = 86_400_000
    var eventsLeft = events

    for lead in 0..<leads {
      let id = "L\(lead)"
      let created = asOf - span + Int64(random.below(Int(span - day)))
      let owner = random.chance(0.01) ? "" : Self.reps[random.below(Self.reps.count)]
      let roll = random.unit()
      let company = "company\(random.below(leads / 3 + 1))"
      var domain = "\(company).example"
      var emailDomain = domain
      if roll < 0.08, !freeMail.isEmpty {
        emailDomain = random.pick(freeMail)
        domain = ""
      } else if roll < 0.10 {
        emailDomain = "state.edu"
      } else if roll < 0.11, !competitor.isEmpty {
        emailDomain = random.pick(competitor)
        domain = emailDomain
      }
      let countryRoll = random.unit()
      let country =
        countryRoll < 0.7
        ? "US"
        : countryRoll < 0.9
          ? "CA"
          : countryRoll < 0.97
            ? "MX"
            : (excludedCountries.isEmpty ? "DE" : random.pick(excludedCountries))
      var employees = String(Int(exp(log(5.0) + random.unit() * (log(20_000.0) - log(5.0)))))
      // A few numbers per thousand as people type them: reported, the lead kept without it.
      if random.chance(0.001) { employees = random.chance(0.5) ? "\"1,200\"" : "n/a" }
      let type =
        leadTypes.isEmpty ? "" : random.chance(0.8) ? (leadTypes.first ?? "") : random.pick(leadTypes)
      let leadRow =
        "\(id),\(random.pick(Self.firstNames)).\(lead)@\(emailDomain),\(Self.stamp(created)),\(owner),\(company),\(domain),"
        + "\(random.pick(Self.industries)),\(employees),,\(country),\(random.pick(Self.titles)),\(Self.messy(type, &random))\n"
      try leadsOut.write(leadRow)
      // The same lead exported twice: the second row is reported, the first scored.
      if random.chance(0.0005) { try leadsOut.write(leadRow) }

      // Events: a heavy tail of engaged leads, most with a few visits.
      let remainingLeads = leads - lead
      var count = Int(eventsPerLead * (random.chance(0.2) ? 3.0 : 0.5) * (0.5 + random.unit()))
      if remainingLeads == 1 { count = eventsLeft }
      count = max(0, min(count, eventsLeft))
      eventsLeft -= count
      // Times uniform over the lead's life up to as-of, in order.
      let life = Int(max(asOf - created, 60_000))
      var times = (0..<count).map { _ in created + Int64(random.below(life)) }
      times.sort()
      for time in times {
        var type = "page_view"
        var url = ""
        let kind = random.unit()
        if kind < 0.6 {
          var pick = random.below(84)
          for (path, weight) in Self.paths {
            if pick < weight {
              url = "https://keystone.example\(path)item-\(random.below(400))"
              break
            }
            pick -= weight
          }
        } else if kind < 0.72 {
          type = "email_click"
        } else if kind < 0.8 {
          type = "email_open"  // not scored: an undeclared behaviour
        } else if kind < 0.86 {
          type = "form_submission"
        } else if kind < 0.92 {
          type = "content_download"
        } else if kind < 0.95 {
          type = "webinar_attended"
        } else if kind < 0.965 {
          type = "unsubscribe"
        } else if kind < 0.98, !handRaiseEvents.isEmpty {
          type = random.pick(handRaiseEvents)
        } else if kind < 0.985 {
          type = "chat_started"  // undeclared too
        }
        if !hasEvent.contains(type) && type != "email_open" && type != "chat_started" { type = "page_view" }
        // A few anomalies, as real exports have: clocks set wrong, or rows after the export.
        var when = Self.stamp(time)
        if random.chance(0.0005) { when = Self.stamp(created - day) }
        if random.chance(0.0005) { when = Self.stamp(asOf + 3_600_000) }
        // And a few rows per ten thousand that cannot be read: a day that does not exist, or a
        // lead the leads file does not have.
        var leadID = id
        if random.chance(0.00005) { when = "2026-11-31T10:00:00Z" }
        if random.chance(0.00003) { leadID = "\(id)-deleted" }
        try eventsOut.write("\(leadID),\(Self.messy(type, &random)),\(when),\(url)\n")
      }

    }
    try leadsOut.close()
    try eventsOut.close()

    // Activities follow the hand-off as the core sees it: score the files just written, then
    // let each lead's owner work it from its SLA clock start, as reps do from the CRM task.
    let run = try ScoringRun(
      config: config, options: .init(asOf: asOf, maxErrors: .max, maxSkippedPercent: 100))
    try run.loadLeads(directory.appendingPathComponent("leads.csv"))
    try run.scoreEvents(directory.appendingPathComponent("events.csv"))
    try run.countActivities(nil)
    var activitiesLeft = activities
    for lead in 0..<run.leadCount where activitiesLeft > 0 {
      let owner = run.owners[lead]
      let start: Int64
      if run.clockStart[lead] != .min {
        // Now and then a rep calls a lead before marketing hands it over: not an SLA touch.
        start = random.chance(0.03) ? run.clockStart[lead] - day / 4 : run.clockStart[lead]
      } else if random.chance(0.02) {
        start = run.created[lead] + day  // a lead outside the SLA that a rep works anyway
      } else {
        continue
      }
      let habit = habits[Self.reps.firstIndex(of: owner) ?? random.below(habits.count)]
      var at = start + Int64(habit.delayHours * 3_600_000 * (0.5 + random.unit()))
      let planned = max(
        1, Int((Double(required) * habit.persistence * (0.8 + 0.4 * random.unit())).rounded()))
      // A third of leads pick up on the second or third attempt, a few later.
      let connectsAt =
        random.chance(0.35) ? 1 + random.below(2) : random.chance(0.1) ? 3 + random.below(4) : -1
      for step in 0..<min(planned, activitiesLeft) {
        // Reps work in business hours: a touch due at night happens after the next opening,
        // except the odd email sent from home (a touch before the clock runs).
        let opening = run.clock.nextOpening(atOrAfter: at)
        if opening != at, opening != .max, !random.chance(0.1) {
          at = opening + Int64(random.below(7_200_000))
        }
        guard at <= asOf else { break }
        let rep = owner.isEmpty || random.chance(0.05) ? random.pick(Self.reps) : owner
        var channel = channels.isEmpty ? "call" : channels[step % channels.count]
        if random.chance(0.03) { channel = random.pick(Self.undeclaredChannels) }
        let connectedNow = step == connectsAt && !connectedIDs.isEmpty
        var disposition =
          connectedNow ? random.pick(connectedIDs) : otherIDs.isEmpty ? "none" : random.pick(otherIDs)
        if !connectedNow, random.chance(0.04) { disposition = random.pick(Self.undeclaredDispositions) }
        try activitiesOut.write(
          "\(run.ids[lead]),\(rep),\(Self.messy(channel, &random)),\(Self.messy(disposition, &random)),\(Self.stamp(at))\n"
        )
        activitiesLeft -= 1
        if connectedNow { break }
        at += day / 2 + Int64(random.below(Int(day * 3 / 2)))
      }
    }
    try activitiesOut.close()
  }
}

extension Array {
  fileprivate func randomElement(using random: inout SampleData.Random) -> Element {
    self[random.below(count)]
  }
}

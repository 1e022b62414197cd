import Foundation

/// Realistic synthetic leads, events and activities for a scoring config, from a seed: the same
/// seed gives the same files. Events are written lead by lead in time order (the order
/// docs/SCORING.md asks for), streamed to disk so the files can be as large as a benchmark needs.
public struct SampleData {
  public var leads: Int
  public var events: Int
  public var activities: Int
  public var seed: UInt64
  /// Leads are created in the 90 days before this instant; a few events fall after it.
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

    // Reps differ: some call within minutes, some take days (the ones who miss deadlines).
    let repDelayHours = Self.reps.map { _ in [0.05, 0.5, 2, 6, 30].randomElement(using: &random) }
    let channels = config.connectAttempts.channels
    let dispositions = config.connectAttempts.dispositions
    let connectedIDs = dispositions.filter(\.connected).map(\.id)
    let otherIDs = dispositions.filter { !$0.connected }.map(\.id)
    let eventsPerLead = Double(events) / Double(max(leads, 1))
    let activitiesPerLead = Double(activities) / Double(max(leads, 1))
    let span: Int64 = 90 * 86_400
    var eventsLeft = events
    var activitiesLeft = activities

    for lead in 0..<leads {
      let id = "L\(lead)"
      let created = asOf - span + Int64(random.below(Int(span - 86_400)))
      let owner = Self.reps[random.below(Self.reps.count)]
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
      let employees = Int(exp(log(5.0) + random.unit() * (log(20_000.0) - log(5.0))))
      let type =
        leadTypes.isEmpty ? "" : random.chance(0.8) ? (leadTypes.first ?? "") : random.pick(leadTypes)
      try leadsOut.write(
        "\(id),\(random.pick(Self.firstNames)).\(lead)@\(emailDomain),\(Timestamp.format(created)),\(owner),\(company),\(domain),"
          + "\(random.pick(Self.industries)),\(employees),,\(country),\(random.pick(Self.titles)),\(type)\n")

      // Events: a heavy tail of engaged leads, most with a few visits.
      let remainingLeads = leads - lead
      var count = Int(eventsPerLead * (random.chance(0.2) ? 3.0 : 0.5) * (0.5 + random.unit()))
      count = min(max(count, 0), eventsLeft - (remainingLeads - 1) * 0)
      if remainingLeads == 1 { count = eventsLeft }
      count = max(0, min(count, eventsLeft))
      eventsLeft -= count
      var hot: Int64?
      // Times uniform over the lead's life up to as-of, in order.
      let life = Int(max(asOf - created, 60))
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
          hot = hot ?? time
        } else if kind < 0.92 {
          type = "content_download"
        } else if kind < 0.95 {
          type = "webinar_attended"
          hot = hot ?? time
        } else if kind < 0.965 {
          type = "unsubscribe"
        } else if kind < 0.98, !handRaiseEvents.isEmpty {
          type = random.pick(handRaiseEvents)
          hot = hot ?? time
        }
        if !hasEvent.contains(type) && type != "email_open" { type = "page_view" }
        // A few anomalies, as real exports have: clocks set wrong, or rows after the export.
        var stamp = time
        if random.chance(0.0005) { stamp = created - 86_400 }
        if random.chance(0.0005) { stamp = asOf + 3_600 }
        try eventsOut.write("\(id),\(type),\(Timestamp.format(stamp)),\(url)\n")
      }

      // Activities: the owner works hot leads after a rep-specific delay; sometimes another rep.
      if let hot, activitiesLeft > 0 {
        let repIndex = Self.reps.firstIndex(of: owner) ?? 0
        var at = hot + Int64(repDelayHours[repIndex] * 3_600 * (0.5 + random.unit()))
        let wanted = max(1, Int(activitiesPerLead * 4 * random.unit()))
        for step in 0..<min(wanted, activitiesLeft) {
          let rep = random.chance(0.95) ? owner : random.pick(Self.reps)
          let connectedNow = step > 0 && random.chance(0.12)
          let disposition =
            connectedNow && !connectedIDs.isEmpty ? random.pick(connectedIDs) : random.pick(otherIDs)
          try activitiesOut.write(
            "\(id),\(rep),\(random.pick(channels)),\(disposition),\(Timestamp.format(at))\n")
          activitiesLeft -= 1
          if connectedNow { break }
          at += Int64(86_400 + random.below(86_400))
        }
      }
    }
    try leadsOut.close()
    try eventsOut.close()
    try activitiesOut.close()
  }
}

extension Array {
  fileprivate func randomElement(using random: inout SampleData.Random) -> Element {
    self[random.below(count)]
  }
}

/// A number in a definition, entry or exit criterion, or commitment description that names a
/// structured field (a fit or engagement threshold, cap or floor, a deadline or window, a
/// decay period, a number of attempts) equals one of that field's values.
///
/// Prose restates numbers ("enters at fit 40 and engagement 50") and goes stale when the
/// numbers change: the page then says one thing and the scoring does another. The number is
/// matched to the field by the word next to it: `fit` or `engagement` before it (the nearest
/// within a few words of the same sentence), or a unit of time or `attempts` after it. Text
/// about one stage is compared with the thresholds and hand-raises to that stage, a
/// commitment's description with that commitment; anything else with every value of the field.
/// A warning, since prose may quote a number on purpose (a change-log summary is never checked).
///
/// Fails (the MQL threshold asks for fit 40):
///
///     - id: mql
///       entry: [Fit score of at least 45 and engagement score of at least 50]
public struct ProseRestatesNumber: GlossaryRule {
  public static let id = "entry.prose-restates-number"
  public static let severity = Severity.warning
  public init() {}

  /// What a number in prose may restate.
  enum Field: Hashable {
    case fit, engagement, attempts
    case duration(Deadline.Unit)
    /// Days after "halves", "decays" or "decay": the engagement decay period only.
    case decay

    var name: String {
      switch self {
      case .fit: "fit"
      case .engagement: "engagement"
      case .attempts: "attempts"
      case .duration: "a duration"
      case .decay: "decay"
      }
    }
  }

  /// A structured value prose may quote, with where it is defined.
  struct Value {
    var amount: Double
    var source: String
    var location: SourceLocation?
  }

  /// A piece of prose and the structured values it is compared with, by field.
  struct Prose {
    var text: Located<String>
    var place: String
    var values: [Field: [Value]]
  }

  public func check(_ glossary: Glossary, into findings: inout Findings) {
    let global = Self.values(in: glossary)
    for prose in Self.prose(in: glossary, global: global) {
      for (number, field) in Self.numbers(in: prose.text.value) {
        guard let values = prose.values[field], !values.isEmpty,
          !values.contains(where: { $0.amount == number })
        else { continue }
        let said =
          field == .fit || field == .engagement
          ? "\(field.name) \(formatNumber(number))" : Self.quote(number, field)
        let known = values.map { "\($0.source) \(Self.quote($0.amount, field))" }
        findings.report(
          at: prose.text.location,
          "\(prose.place) says \(said), but \(known.count == 1 ? "the structured value is" : "the structured values are") \(known.joined(separator: ", "))",
          notes: values.compactMap { value in
            value.location.map {
              Diagnostic.Note(location: $0, message: "\(value.source) is \(Self.quote(value.amount, field))")
            }
          },
          fix: "write the number the field holds, or change the field if the prose is right")
      }
    }
  }

  static func quote(_ amount: Double, _ field: Field) -> String {
    switch field {
    case .fit, .engagement: formatNumber(amount)
    case .attempts: "\(formatNumber(amount)) attempts"
    case .duration(let unit): Deadline(amount: amount, unit: unit).description
    case .decay: Deadline(amount: amount, unit: .days).description
    }
  }

  /// Every structured value of each field, for prose that is about no one stage or commitment.
  static func values(in glossary: Glossary) -> [Field: [Value]] {
    var values: [Field: [Value]] = [:]
    let scoring = glossary.scoring
    for (field, model) in [(Field.fit, scoring.fit), (.engagement, scoring.engagement)] {
      if let cap = model.cap {
        values[field, default: []].append(
          Value(amount: Double(cap.value), source: "the \(field.name) cap", location: cap.location))
      }
      if let floor = model.floor {
        values[field, default: []].append(
          Value(amount: Double(floor.value), source: "the \(field.name) floor", location: floor.location))
      }
    }
    for threshold in scoring.thresholds {
      values[.fit, default: []] += thresholdValues(threshold, .fit)
      values[.engagement, default: []] += thresholdValues(threshold, .engagement)
    }
    for handRaise in scoring.handRaises {
      if let minimum = handRaise.minimumFit {
        values[.fit, default: []].append(
          Value(
            amount: Double(minimum.value), source: "hand-raise '\(handRaise.event.value)'",
            location: minimum.location))
      }
    }
    if let attempts = glossary.connectAttempts.sequence?.requiredAttempts {
      values[.attempts, default: []].append(
        Value(amount: Double(attempts.value), source: "the sequence", location: attempts.location))
    }
    var durations: [(Deadline, String, SourceLocation?)] = []
    for commitment in glossary.sla.commitments {
      durations += commitmentDurations(commitment)
      if commitment.kind.value == .connectAttempts, let quantity = commitment.quantity {
        values[.attempts, default: []].append(
          Value(
            amount: quantity.value, source: "commitment '\(commitment.id.value)'", location: quantity.location
          ))
      }
    }
    if let handoff = glossary.sla.handoff {
      durations += handoff.turnaround.map {
        ($0.within.value, "turnaround '\($0.task.value)'", $0.within.location)
      }
      if let escalation = handoff.escalateAfter {
        durations.append((escalation.value, "the escalation", escalation.location))
      }
    }
    if let window = glossary.connectAttempts.sequence?.window {
      durations.append((window.value, "the sequence window", window.location))
    }
    // A decay period under a day is `scoring.decay-valid`'s finding; prose cannot match it.
    if let every = scoring.engagement.decay?.everyDays, every.value >= 1 {
      durations.append(
        (Deadline(amount: Double(every.value), unit: .days), "the engagement decay", every.location))
      values[.decay] = [
        Value(amount: Double(every.value), source: "the engagement decay", location: every.location)
      ]
    }
    for stage in glossary.dealStages.pipelines.flatMap(\.stages) {
      if let stale = stage.staleAfterDays {
        durations.append(
          (
            Deadline(amount: Double(stale.value), unit: .days), "deal stage '\(stage.id.value)'",
            stale.location
          ))
      }
    }
    for (deadline, source, location) in durations {
      values[.duration(baseUnit(deadline.unit)), default: []].append(
        Value(amount: deadline.amount, source: source, location: location))
    }
    return values
  }

  static func thresholdValues(_ threshold: LeadScoring.Threshold, _ field: Field) -> [Value] {
    guard let score = field == .fit ? threshold.fit : threshold.engagement else { return [] }
    return [
      Value(
        amount: Double(score.value), source: "threshold '\(threshold.id.value)'", location: score.location)
    ]
  }

  static func commitmentDurations(_ commitment: Commitment) -> [(Deadline, String, SourceLocation?)] {
    var durations: [(Deadline, String, SourceLocation?)] = []
    if let deadline = commitment.deadline {
      durations.append((deadline, "commitment '\(commitment.id.value)'", commitment.quantity?.location))
    }
    if let within = commitment.within {
      durations.append((within.value, "commitment '\(commitment.id.value)'", within.location))
    }
    return durations
  }

  /// Prose says "4 hours" for 4 business hours: the number is compared within its base unit.
  static func baseUnit(_ unit: Deadline.Unit) -> Deadline.Unit {
    switch unit {
    case .minutes: .minutes
    case .hours, .businessHours: .hours
    case .days, .businessDays: .days
    }
  }

  /// The prose to check, each with the values it is compared with.
  static func prose(in glossary: Glossary, global: [Field: [Value]]) -> [Prose] {
    var prose: [Prose] = []
    for (kind, header) in glossary.termHeaders {
      if let definition = header.definition {
        prose.append(
          Prose(text: definition, place: "the definition of \(kind.title.lowercased())", values: global))
      }
    }
    if let purpose = glossary.sla.purpose {
      prose.append(Prose(text: purpose, place: "the SLA's purpose", values: global))
    }
    for stage in glossary.lifecycle.stages {
      var values = global
      let thresholds = glossary.scoring.thresholds.filter { $0.stage?.value == stage.id.value }
      let raises = glossary.scoring.handRaises.filter { $0.stage?.value == stage.id.value }
      if !thresholds.isEmpty || !raises.isEmpty {
        values[.fit] =
          thresholds.flatMap { thresholdValues($0, .fit) }
          + raises.compactMap { raise in
            raise.minimumFit.map {
              Value(
                amount: Double($0.value), source: "hand-raise '\(raise.event.value)'", location: $0.location)
            }
          }
        values[.engagement] = thresholds.flatMap { thresholdValues($0, .engagement) }
      }
      let name = "stage '\(stage.id.value)'"
      if let definition = stage.definition {
        prose.append(Prose(text: definition, place: "the definition of \(name)", values: values))
      }
      prose += stage.entryCriteria.map {
        Prose(text: $0, place: "an entry criterion of \(name)", values: values)
      }
      prose += stage.exitCriteria.map {
        Prose(text: $0, place: "an exit criterion of \(name)", values: values)
      }
    }
    for status in glossary.leadStatuses.statuses {
      if let definition = status.definition {
        prose.append(
          Prose(text: definition, place: "the definition of status '\(status.id.value)'", values: global))
      }
    }
    for type in glossary.leadTypes.types {
      if let definition = type.definition {
        prose.append(
          Prose(text: definition, place: "the definition of lead type '\(type.id.value)'", values: global))
      }
    }
    for commitment in glossary.sla.commitments {
      guard let description = commitment.description else { continue }
      var values = global
      for unit in [Deadline.Unit.minutes, .hours, .days] { values[.duration(unit)] = [] }
      for (deadline, source, location) in commitmentDurations(commitment) {
        values[.duration(baseUnit(deadline.unit)), default: []].append(
          Value(amount: deadline.amount, source: source, location: location))
      }
      if commitment.kind.value == .connectAttempts, let quantity = commitment.quantity {
        values[.attempts] = [
          Value(
            amount: quantity.value, source: "commitment '\(commitment.id.value)'", location: quantity.location
          )
        ]
      }
      prose.append(
        Prose(
          text: description, place: "the description of commitment '\(commitment.id.value)'", values: values))
    }
    return prose
  }

  enum Token: Equatable {
    case word(String)
    case number(Double)
    /// A sentence ends: a keyword before it says nothing about a number after it.
    case stop
  }

  static func tokens(_ text: String) -> [Token] {
    text.utf8.allSatisfy { $0 < 0x80 } ? asciiTokens(text) : characterTokens(text)
  }

  /// The same tokens as `characterTokens` for ASCII text, read as bytes: nearly all prose is
  /// ASCII, and splitting it into `Character`s was most of this rule's time on a large glossary.
  static func asciiTokens(_ text: String) -> [Token] {
    var tokens: [Token] = []
    let bytes = Array(text.utf8)
    func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
    func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A }
    var index = 0
    while index < bytes.count {
      let byte = bytes[index]
      if isDigit(byte) {
        var digits: [UInt8] = []
        while index < bytes.count {
          let next = bytes[index]
          if isDigit(next) {
            digits.append(next)
          } else if next == UInt8(ascii: ",") || next == UInt8(ascii: "."), index + 1 < bytes.count,
            isDigit(bytes[index + 1]), !digits.isEmpty
          {
            if next == UInt8(ascii: ".") { digits.append(next) }
          } else {
            break
          }
          index += 1
        }
        if let number = Double(String(decoding: digits, as: UTF8.self)) { tokens.append(.number(number)) }
      } else if isLetter(byte) {
        var word: [UInt8] = []
        while index < bytes.count, isLetter(bytes[index]) || bytes[index] == UInt8(ascii: "-") {
          word.append(bytes[index] | (isLetter(bytes[index]) ? 0x20 : 0))
          index += 1
        }
        tokens += word.split(separator: UInt8(ascii: "-")).map { .word(String(decoding: $0, as: UTF8.self)) }
      } else {
        if ".;:!?".utf8.contains(byte) { tokens.append(.stop) }
        index += 1
      }
    }
    return tokens
  }

  static func characterTokens(_ text: String) -> [Token] {
    var tokens: [Token] = []
    let characters = Array(text)
    var index = 0
    while index < characters.count {
      let character = characters[index]
      if character.isNumber {
        var digits = ""
        while index < characters.count {
          let next = characters[index]
          if next.isNumber {
            digits.append(next)
          } else if next == "," || next == ".", index + 1 < characters.count, characters[index + 1].isNumber,
            !digits.isEmpty
          {
            if next == "." { digits.append(".") }
          } else {
            break
          }
          index += 1
        }
        if let number = Double(digits) { tokens.append(.number(number)) }
      } else if character.isLetter {
        var word = ""
        while index < characters.count, characters[index].isLetter || characters[index] == "-" {
          word.append(characters[index])
          index += 1
        }
        tokens += word.lowercased().split(separator: "-").map { .word(String($0)) }
      } else {
        if ".;:!?".contains(character) { tokens.append(.stop) }
        index += 1
      }
    }
    return tokens
  }

  /// The numbers in a text that name a field, with that field.
  static func numbers(in text: String) -> [(Double, Field)] {
    let tokens = tokens(text)
    var found: [(Double, Field)] = []
    for (index, token) in tokens.enumerated() {
      guard case .number(let number) = token else { continue }
      let after = tokens[(index + 1)...].prefix(2).compactMap { token -> String? in
        if case .word(let word) = token { return word }
        return nil
      }
      let before = tokens[max(0, index - 6)..<index].reversed().prefix { $0 != .stop }
      if let field = unitField(after) {
        let decays = before.contains { token in
          if case .word(let word) = token { return ["halves", "halve", "decay", "decays"].contains(word) }
          return false
        }
        found.append((number, field == .duration(.days) && decays ? .decay : field))
        continue
      }
      // The nearest keyword before the number, within six tokens of the same sentence. Another
      // number in between ends the search ("fit 40 in 2026"), except the start of a range right
      // before this one ("fit (0–100)", "0 to 100").
      for (offset, earlier) in before.enumerated() {
        if case .word(let word) = earlier, word == "fit" || word == "engagement" {
          found.append((number, word == "fit" ? .fit : .engagement))
          break
        }
        let startsRange = offset == 0 || (offset == 1 && before.first == .word("to"))
        if case .number = earlier, !startsRange { break }
      }
    }
    return found
  }

  static func unitField(_ words: [String]) -> Field? {
    guard let first = words.first else { return nil }
    switch first {
    case "minute", "minutes": return .duration(.minutes)
    case "hour", "hours": return .duration(.hours)
    case "day", "days": return .duration(.days)
    case "attempt", "attempts": return .attempts
    case "business" where words.count > 1:
      return ["hour", "hours"].contains(words[1])
        ? .duration(.hours) : ["day", "days"].contains(words[1]) ? .duration(.days) : nil
    default: return nil
    }
  }
}

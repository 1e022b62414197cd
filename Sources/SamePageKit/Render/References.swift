/// Prose that quotes a structured value instead of restating it: `$(threshold.mql.fit)` in a
/// definition, an entry criterion or a description is written with the value itself (`40`,
/// `4 business hours` in the document's language), so the words cannot drift from the number.
/// `$$(` writes a literal `$(`. A path no value has is reported by `entry.reference-exists`.
///
/// Paths (by the ids in the glossary): `threshold.<id>.fit`, `threshold.<id>.engagement`, `commitment.<id>` (its
/// quantity with unit, `120 MQLs`), `commitment.<id>.window`, `fit.cap`, `fit.floor`,
/// `engagement.cap`, `engagement.floor`, `engagement.decay.percent`,
/// `engagement.decay.every_days`, `hand_raise.<event>.minimum_fit`,
/// `sequence.required_attempts`, `sequence.window`.
public enum References {
  /// Every path a glossary can quote, with its value as `localizer` writes it.
  static func values(in glossary: Glossary, localizer l: Localizer = .bundledEnglish) -> [String: String] {
    var values: [String: String] = [:]
    let scoring = glossary.scoring
    for threshold in scoring.thresholds {
      let id = threshold.id.value.rawValue
      if let fit = threshold.fit { values["threshold.\(id).fit"] = l.number(Double(fit.value)) }
      if let engagement = threshold.engagement {
        values["threshold.\(id).engagement"] = l.number(Double(engagement.value))
      }
    }
    for (name, model) in [("fit", scoring.fit), ("engagement", scoring.engagement)] {
      if let cap = model.cap { values["\(name).cap"] = l.number(Double(cap.value)) }
      if let floor = model.floor { values["\(name).floor"] = l.number(Double(floor.value)) }
      if let decay = model.decay {
        if let percent = decay.percent { values["\(name).decay.percent"] = l.percent(percent.value) }
        if let days = decay.everyDays {
          values["\(name).decay.every_days"] = l.plural("unit.days", count: Double(days.value))
        }
      }
    }
    for raise in scoring.handRaises {
      if let fit = raise.minimumFit {
        values["hand_raise.\(raise.event.value).minimum_fit"] = l.number(Double(fit.value))
      }
    }
    let model = DocumentViewModel(glossary: glossary, page: .sla, l: l)
    for commitment in glossary.sla.commitments {
      values["commitment.\(commitment.id.value)"] = model.commitmentQuantity(commitment, within: false)
      if let window = commitment.within {
        values["commitment.\(commitment.id.value).window"] = l.duration(window.value)
      }
    }
    if let sequence = glossary.connectAttempts.sequence {
      if let attempts = sequence.requiredAttempts {
        values["sequence.required_attempts"] = l.number(Double(attempts.value))
      }
      if let window = sequence.window { values["sequence.window"] = l.duration(window.value) }
    }
    return values
  }

  /// The paths `text` quotes, in order.
  static func paths(in text: String) -> [String] {
    var paths: [String] = []
    scan(text) { path in
      paths.append(path)
      return nil
    }
    return paths
  }

  /// `text` with each quoted path replaced by its value (an unknown one is left as written).
  static func resolve(_ text: String, values: [String: String]) -> String {
    guard text.containsBytes("$(") else { return text }
    return scan(text) { values[$0] }
  }

  /// Walks `text`, calling `found` for each `$(path)`; returns the text with each replaced by
  /// what `found` returns (or left as written for nil), and `$$(` as `$(`.
  @discardableResult
  private static func scan(_ text: String, _ found: (String) -> String?) -> String {
    var output = ""
    var index = text.startIndex
    while index < text.endIndex {
      let rest = text[index...]
      if rest.hasPrefix("$$(") {
        output += "$("
        index = text.index(index, offsetBy: 3)
      } else if rest.hasPrefix("$("), let close = rest.firstIndex(of: ")") {
        let path = String(rest[rest.index(index, offsetBy: 2)..<close])
        output += found(path) ?? String(rest[index...close])
        index = text.index(after: close)
      } else {
        output.append(text[index])
        index = text.index(after: index)
      }
    }
    return output
  }
}

extension Glossary {
  /// Every text with its quoted values written in, as the documents show them.
  func resolvingReferences(_ localizer: Localizer) -> Glossary {
    let values = References.values(in: self, localizer: localizer)
    var copy = self
    copy.visitTexts { _, text in
      guard text.value.containsBytes("$(") else { return }
      text = Located(References.resolve(text.value, values: values), at: text.location)
    }
    return copy
  }
}

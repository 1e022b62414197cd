/// Who owns a term or a stage: the team that answers for it.
public enum TermOwner: String, Sendable, CaseIterable, YAMLEnumeration {
  case marketing
  case sales
  case shared
}

/// The two sides of the agreement.
public enum Party: String, Sendable, CaseIterable, YAMLEnumeration {
  case marketing
  case sales
}

/// What every term file starts with: what the term means here, and who owns it.
public struct TermHeader: Sendable {
  /// Markdown prose; rendered into the SLA and the glossary.
  public var definition: Located<String>?
  public var owner: Located<TermOwner>?
  /// Where the term file starts, for diagnostics about the term as a whole.
  public var location: SourceLocation
}

/// A person named in the agreement.
public struct Person: Sendable {
  public var name: Located<String>
  public var title: Located<String>?
  public var email: Located<String>?
}

/// An inclusive numeric range; either end may be open.
public struct NumberRange: Sendable {
  public var min: Located<Double>?
  public var max: Located<Double>?
  public var location: SourceLocation

  public func contains(_ value: Double) -> Bool {
    (min.map { value >= $0.value } ?? true) && (max.map { value <= $0.value } ?? true)
  }
}

/// An item of a term that has an id and a label: stages, statuses, personas, segments….
/// Rules about uniqueness and definitions work across all of them through this.
public struct Identified: Sendable {
  public var kind: String
  public var id: Located<Slug>
  public var label: Located<String>?
  public var definition: Located<String>?
  /// Whether a definition is expected: items that the glossary shows as entries need one.
  public var needsDefinition: Bool
}

/// `samepage.yaml`: who this glossary belongs to and which version of the agreement it is.
public struct Manifest: Sendable {
  public var organization: Located<String>?
  public var glossaryVersion: Located<String>?
  public var effectiveDate: Located<CalendarDate>?
  /// The language the glossary is written in, and the source of its translations.
  public var locale: Located<String>?
  /// The locales it is translated into (`translations/<locale>.yaml`).
  public var translations: [Located<String>] = []
  public var marketingOwner: Person?
  public var salesOwner: Person?
  public var location: SourceLocation
}

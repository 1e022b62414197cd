import Foundation

/// Page titles on a shared wiki (MediaWiki, Confluence): every title starts with a prefix, the
/// organisation by default, so "Service level agreement" cannot clash with a page already there.
public struct WikiTitles: Sendable, Equatable {
  public let prefix: String

  /// Characters neither MediaWiki nor Confluence allows in a title, or that wikitext would read
  /// as link syntax (`[[A|B]]`, `#anchor`), and `:`, which MediaWiki reads as a namespace.
  static let forbidden = Set("#<>[]{}|:")

  /// - Throws: `RemoteFailure` naming the character, when the prefix cannot start a title.
  public init(prefix: String) throws {
    let collapsed = prefix.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    guard !collapsed.isEmpty else {
      throw RemoteFailure("the title prefix is empty; pass --title-prefix with your organisation's name")
    }
    if let bad = collapsed.first(where: { Self.forbidden.contains($0) || $0.isASCII && $0.asciiValue! < 0x20 }
    ) {
      throw RemoteFailure(
        "the title prefix '\(collapsed)' contains '\(bad)', which cannot be in a wiki page title; pass --title-prefix without it"
      )
    }
    // MediaWiki upper-cases the first letter of a title; do it here so titles compare equal.
    self.prefix = collapsed.prefix(1).uppercased() + collapsed.dropFirst()
  }

  /// The prefix from `--title-prefix`, else the glossary's organisation, else "SamePage".
  public init(option: String?, glossary: Glossary) throws {
    try self.init(prefix: option ?? glossary.manifest.organization?.value ?? "SamePage")
  }

  /// `Acme – Sales and marketing agreement`, `Acme – Service level agreement`, `Acme glossary`,
  /// `Acme glossary – Lifecycle stages`: the term pages carry the glossary's name, so the term
  /// "Service level agreement" does not take the SLA document's title.
  public func title(_ page: Page) -> String {
    switch page {
    case .home: "\(prefix) – Sales and marketing agreement"
    case .sla: "\(prefix) – Service level agreement"
    case .glossary: "\(prefix) glossary"
    case .term(let kind): "\(prefix) glossary – \(kind.title)"
    }
  }
}

/// What a publish to a wiki does with each page; `--dry-run` prints the same plan.
public struct RemotePlan: Sendable, Equatable {
  public enum Action: String, Sendable, Equatable {
    /// The page does not exist: SamePage creates it.
    case create
    /// SamePage's own page, unedited since it published it, with new content.
    case update
    /// SamePage's own page, already holding this content: no edit.
    case unchanged
    /// SamePage's page, changed (or deleted) on the wiki since the last publish: refused
    /// without `--force`.
    case editedByHand = "edited by hand"
    /// A page with this title that SamePage did not create: never touched.
    case notOurs = "not ours"
  }

  public struct Entry: Sendable, Equatable {
    public var title: String
    public var action: Action
  }

  public var entries: [Entry] = []

  public func titles(_ action: Action) -> [String] { entries.filter { $0.action == action }.map(\.title) }

  /// One line per page, for `--dry-run`: `would create 'Title'`, `would refuse 'Title' (edited by hand)`.
  public func dryRunLines(force: Bool) -> [String] {
    entries.map { entry in
      switch entry.action {
      case .create: "would create '\(entry.title)'"
      case .update: "would update '\(entry.title)'"
      case .unchanged: "would leave '\(entry.title)' unchanged"
      case .editedByHand:
        force
          ? "would overwrite '\(entry.title)' (edited by hand; --force)"
          : "would refuse '\(entry.title)' (edited by hand since the last publish)"
      case .notOurs: "would refuse '\(entry.title)' (a page SamePage did not create)"
      }
    }
  }

  /// The refusal a real run throws before it edits anything, if any.
  public func refusal(force: Bool, target: String) -> RemoteFailure? {
    let foreign = titles(.notOurs)
    if !foreign.isEmpty {
      return RemoteFailure(
        "refusing to touch \(Self.list(foreign)) on \(target), which SamePage did not create (--force does not change this); rename or move those pages, or choose another --title-prefix"
      )
    }
    let edited = titles(.editedByHand)
    if !edited.isEmpty && !force {
      return RemoteFailure(
        "refusing to overwrite \(edited.count == 1 ? "a page" : "\(edited.count) pages") edited by hand on \(target) since the last publish: \(Self.list(edited)); move the edits into the glossary or templates, or pass --force to overwrite"
      )
    }
    return nil
  }

  static func list(_ titles: [String]) -> String { titles.map { "'\($0)'" }.joined(separator: ", ") }
}

/// What a publish to a wiki did.
public struct RemoteReport: Sendable, Equatable {
  public var created: [String] = []
  public var updated: [String] = []
  public var unchanged: [String] = []

  public var summary: String {
    "created \(created.count), updated \(updated.count), unchanged \(unchanged.count) pages"
  }
}

/// Where an entry's anchor lives and what it is called. Lifecycle stages keep their bare id
/// (`glossary.html#mql`); other entries are prefixed by kind, because two terms may reuse an
/// id (a lead status and a disposition both called `connected`).
struct AnchorRef: Hashable {
  var term: GlossaryFileKind
  var id: String

  static func term(_ kind: GlossaryFileKind) -> AnchorRef { AnchorRef(term: kind, id: kind.rawValue) }
  static func stage(_ id: Slug) -> AnchorRef { AnchorRef(term: .lifecycleStages, id: id.rawValue) }
  static func status(_ id: Slug) -> AnchorRef { AnchorRef(term: .leadStatuses, id: "status-\(id)") }
  static func deal(_ id: Slug) -> AnchorRef { AnchorRef(term: .dealStages, id: "deal-\(id)") }
  static func pipeline(_ id: Slug) -> AnchorRef { AnchorRef(term: .dealStages, id: "pipeline-\(id)") }
  static func segment(_ id: Slug) -> AnchorRef { AnchorRef(term: .icp, id: "segment-\(id)") }
  static func persona(_ id: Slug) -> AnchorRef { AnchorRef(term: .personas, id: "persona-\(id)") }
  static func journey(_ id: Slug) -> AnchorRef { AnchorRef(term: .buyerJourney, id: "journey-\(id)") }
  static func leadType(_ id: Slug) -> AnchorRef { AnchorRef(term: .leadTypes, id: "lead-type-\(id)") }
  static func disposition(_ id: Slug) -> AnchorRef {
    AnchorRef(term: .connectAttempts, id: "disposition-\(id)")
  }
}

/// The page being rendered, which decides how a link to an anchor is written.
public enum Page: Hashable, Sendable {
  case home
  case sla
  case glossary
  case term(GlossaryFileKind)

  /// The Markdown file name; HTML, wiki and Confluence targets rewrite the `.md`.
  public var fileName: String {
    switch self {
    case .home: "index.md"
    case .sla: "sla.md"
    case .glossary: "glossary.md"
    case .term(let kind): "\(kind.pageName).md"
    }
  }

  /// Whether the page holds the anchors of this term.
  func hosts(_ term: GlossaryFileKind) -> Bool {
    switch self {
    case .home, .sla: false
    case .glossary: true
    case .term(let kind): kind == term
    }
  }

  func link(_ anchor: AnchorRef) -> String {
    switch self {
    case .home, .sla: "glossary.md#\(anchor.id)"
    case .glossary: "#\(anchor.id)"
    case .term(let kind): kind == anchor.term ? "#\(anchor.id)" : "\(anchor.term.pageName).md#\(anchor.id)"
    }
  }
}

/// A label and where it links: `[MQL](#mql)` in a template. In lists, `separator` is ", "
/// after every link but the last, so templates need no logic to punctuate.
struct LinkView {
  var label: String
  var link: String
  var separator = ""
}

extension [LinkView] {
  var punctuated: [LinkView] {
    enumerated().map { index, link in
      var link = link
      link.separator = index < count - 1 ? ", " : ""
      return link
    }
  }
}

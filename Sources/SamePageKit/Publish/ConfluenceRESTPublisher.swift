import Foundation

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// Publishes the page tree into a Confluence space over the REST API (`/rest/api/content`, which
/// Data Center and Cloud both serve): the home page under `--parent`, every other page under
/// the home page, in storage format, with labels.
///
/// SamePage's record lives on each page, in a content property `samepage`: the page version it
/// saved, the SHA-256 of the body as Confluence stored it, and the SHA-256 of the storage format
/// it sent. A page without the property is not SamePage's and is never touched. A page whose
/// version or stored body differs from the property was edited by hand since the last publish
/// and is refused without `--force`. Updates send the next version number, so an edit in between
/// is a 409 conflict, never an overwrite.
public struct ConfluenceRESTPublisher: Sendable {
  public enum Credentials: Sendable {
    /// A Data Center personal access token.
    case bearer(String)
    /// Confluence Cloud: the account's email and an API token.
    case basic(email: String, apiToken: String)

    var header: String {
      switch self {
      case .bearer(let token): "Bearer \(token)"
      case .basic(let email, let token): "Basic \(Data("\(email):\(token)".utf8).base64EncodedString())"
      }
    }
  }

  public enum Parent: Sendable, Equatable {
    case id(String)
    case title(String)
  }

  public struct Page: Sendable, Equatable {
    public var title: String
    public var storage: String
    public var labels: [String]
    /// The home page hangs under the parent; every other page under the home page.
    public var isHome: Bool
  }

  public static let propertyKey = "samepage"

  public let baseURL: URL
  public let credentials: Credentials
  public let space: String
  public let parent: Parent?

  public init(baseURL: URL, credentials: Credentials, space: String, parent: Parent?) {
    self.baseURL = baseURL
    self.credentials = credentials
    self.space = space
    self.parent = parent
  }

  /// Storage format for each page, with links between pages as `<ac:link>` to the prefixed titles.
  public static func pages(_ rendered: [RenderedPage], titles: WikiTitles) -> [Page] {
    var byHTMLFile: [String: String] = [:]
    for page in rendered { byHTMLFile[page.htmlFileName] = titles.title(page.page) }
    return rendered.map { page in
      let document = CommonMarkDocument(markdown: page.markdown, tables: true)
      document.sanitize(rewriteLink: DocumentRenderer.htmlLink)
      document.convertForConfluence { byHTMLFile[$0] }
      return Page(
        title: titles.title(page.page), storage: document.renderHTML(),
        labels: ConfluencePublisher.labels(page.page), isHome: page.page == .home)
    }
  }

  // MARK: The property SamePage keeps on its pages

  struct Record: Codable, Equatable {
    var generator = "samepage"
    var glossaryVersion: String
    /// The page version SamePage saved.
    var pageVersion: Int
    /// SHA-256 of the body Confluence returned after the save.
    var storedSHA256: String
    /// SHA-256 of the storage format SamePage sent.
    var sourceSHA256: String
  }

  struct Existing {
    var id: String
    var version: Int
    var body: String
    var record: Record?
    var recordVersion: Int?
  }

  // MARK: Publishing

  public func publish(
    _ pages: [Page], glossaryVersion: String, force: Bool, dryRun: Bool,
    progress: @Sendable (String) -> Void = { _ in }
  ) async throws -> (plan: RemotePlan, report: RemoteReport) {
    let api = ConfluenceAPI(baseURL: baseURL, authorization: credentials.header, space: space)
    var existing: [String: Existing] = [:]
    var plan = RemotePlan()
    for page in pages {
      let action: RemotePlan.Action
      if var found = try await api.page(titled: page.title) {
        (found.record, found.recordVersion) = try await api.record(of: found.id)
        existing[page.title] = found
        if let record = found.record {
          let unedited =
            record.pageVersion == found.version
            && record.storedSHA256 == ContentHash.sha256(Data(found.body.utf8))
          if !unedited {
            action = .editedByHand
          } else {
            action = record.sourceSHA256 == ContentHash.sha256(Data(page.storage.utf8)) ? .unchanged : .update
          }
        } else {
          action = .notOurs
        }
      } else {
        action = .create
      }
      plan.entries.append(RemotePlan.Entry(title: page.title, action: action))
    }
    if dryRun { return (plan, RemoteReport()) }
    if let refusal = plan.refusal(force: force, target: "\(baseURL.absoluteString) (space \(space))") {
      throw refusal
    }

    let parentID: String?
    switch parent {
    case .id(let id): parentID = id
    case .title(let title):
      guard let found = try await api.page(titled: title) else {
        throw RemoteFailure(
          "cannot publish under '\(title)': no page with that title in space \(space) on \(baseURL.absoluteString); create it, or pass --parent-id"
        )
      }
      parentID = found.id
    case nil: parentID = nil
    }

    var report = RemoteReport()
    var homeID = pages.first(where: \.isHome).flatMap { existing[$0.title]?.id }
    let message = "Publish glossary \(glossaryVersion) with SamePage"
    for (page, entry) in zip(pages, plan.entries) {
      if entry.action == .unchanged {
        report.unchanged.append(page.title)
        progress("unchanged \(page.title)")
        continue
      }
      let id: String
      if let current = existing[page.title] {
        // The next version number: if someone saved in between, Confluence answers 409.
        try await api.update(
          id: current.id, title: page.title, storage: page.storage, version: current.version + 1,
          message: message)
        id = current.id
      } else {
        id = try await api.create(
          title: page.title, storage: page.storage, ancestor: page.isHome ? parentID : homeID)
      }
      if page.isHome { homeID = id }
      try await api.addLabels(page.labels, to: id)
      // Hash the body as Confluence keeps it: it may reformat what it was sent.
      let stored = try await api.content(id: id)
      let record = Record(
        glossaryVersion: glossaryVersion, pageVersion: stored.version,
        storedSHA256: ContentHash.sha256(Data(stored.body.utf8)),
        sourceSHA256: ContentHash.sha256(Data(page.storage.utf8)))
      try await api.saveRecord(record, on: id, currentVersion: existing[page.title]?.recordVersion)
      if existing[page.title] == nil {
        report.created.append(page.title)
        progress("created \(page.title)")
      } else {
        report.updated.append(page.title)
        progress(
          entry.action == .editedByHand ? "overwrote \(page.title) (--force)" : "updated \(page.title)")
      }
    }
    return (plan, report)
  }
}

/// The Confluence REST calls SamePage makes, each failure one line with Confluence's message.
struct ConfluenceAPI {
  let baseURL: URL
  let space: String
  let http: HTTPClient

  init(baseURL: URL, authorization: String, space: String) {
    self.baseURL = baseURL
    self.space = space
    http = HTTPClient(headers: ["Authorization": authorization, "Accept": "application/json"])
  }

  private var site: String { baseURL.absoluteString }

  private func url(_ path: String, _ query: [(String, String)] = []) -> URL {
    var text = site.hasSuffix("/") ? String(site.dropLast()) : site
    text += "/rest/api/" + path
    if !query.isEmpty {
      text +=
        "?"
        + query.map { "\(HTTPClient.percentEncode($0))=\(HTTPClient.percentEncode($1))" }.joined(
          separator: "&")
    }
    return URL(string: text)!
  }

  private func call(
    _ method: String, _ url: URL, json: Any? = nil, what: String, allowNotFound: Bool = false
  ) async throws -> Any? {
    let body = try json.map { try JSONSerialization.data(withJSONObject: $0, options: [.sortedKeys]) }
    let response = try await http.send(
      method, url, body: body, contentType: body == nil ? nil : "application/json", what: what)
    if response.status == 404 && allowNotFound { return nil }
    let decoded = try? JSONSerialization.jsonObject(with: response.body, options: [.fragmentsAllowed])
    guard (200..<300).contains(response.status) else {
      // Confluence's error body: {"statusCode": 409, "message": "…", "data": {…}}.
      let message = (decoded as? [String: Any])?["message"] as? String
      let hint =
        switch response.status {
        case 401: " (check SAMEPAGE_CONFLUENCE_TOKEN, and --user for Cloud)"
        case 403: " (the account may not edit this space)"
        case 409:
          " (someone changed it while SamePage was publishing; run publish again to see it as a hand edit)"
        default: ""
        }
      throw RemoteFailure(
        "cannot \(what): HTTP \(response.status)" + (message.map { ": \($0)" } ?? "") + hint)
    }
    guard let decoded else {
      throw RemoteFailure("cannot \(what): the answer is not JSON; is \(site) Confluence?")
    }
    return decoded
  }

  /// The current page with this exact title in the space, with its version and storage body.
  func page(titled title: String) async throws -> ConfluenceRESTPublisher.Existing? {
    let answer = try await call(
      "GET",
      url(
        "content",
        [("spaceKey", space), ("title", title), ("type", "page"), ("expand", "version,body.storage")]),
      what: "look up '\(title)' in space \(space) on \(site)")
    guard let first = ((answer as? [String: Any])?["results"] as? [[String: Any]])?.first else { return nil }
    return try Self.existing(first, what: "look up '\(title)'")
  }

  func content(id: String) async throws -> ConfluenceRESTPublisher.Existing {
    let answer = try await call(
      "GET", url("content/\(id)", [("expand", "version,body.storage")]), what: "read page \(id) on \(site)")
    return try Self.existing(answer as? [String: Any] ?? [:], what: "read page \(id)")
  }

  private static func existing(_ content: [String: Any], what: String) throws
    -> ConfluenceRESTPublisher.Existing
  {
    guard let id = content["id"] as? String,
      let version = (content["version"] as? [String: Any])?["number"] as? Int
    else { throw RemoteFailure("cannot \(what): the answer has no id or version") }
    let body = ((content["body"] as? [String: Any])?["storage"] as? [String: Any])?["value"] as? String ?? ""
    return ConfluenceRESTPublisher.Existing(id: id, version: version, body: body)
  }

  func record(of id: String) async throws -> (ConfluenceRESTPublisher.Record?, Int?) {
    guard
      let answer = try await call(
        "GET", url("content/\(id)/property/\(ConfluenceRESTPublisher.propertyKey)"),
        what: "read SamePage's property on page \(id)", allowNotFound: true) as? [String: Any]
    else { return (nil, nil) }
    let version = (answer["version"] as? [String: Any])?["number"] as? Int
    guard let value = answer["value"], JSONSerialization.isValidJSONObject(value),
      let data = try? JSONSerialization.data(withJSONObject: value),
      let record = try? JSONDecoder().decode(ConfluenceRESTPublisher.Record.self, from: data),
      record.generator == "samepage"
    else { return (nil, version) }
    return (record, version)
  }

  func create(title: String, storage: String, ancestor: String?) async throws -> String {
    var json: [String: Any] = [
      "type": "page", "title": title, "space": ["key": space],
      "body": ["storage": ["value": storage, "representation": "storage"]],
    ]
    if let ancestor { json["ancestors"] = [["id": ancestor]] }
    let answer = try await call(
      "POST", url("content"), json: json, what: "create '\(title)' in space \(space) on \(site)")
    return try Self.existing(answer as? [String: Any] ?? [:], what: "create '\(title)'").id
  }

  func update(id: String, title: String, storage: String, version: Int, message: String) async throws {
    let json: [String: Any] = [
      "id": id, "type": "page", "title": title, "space": ["key": space],
      "body": ["storage": ["value": storage, "representation": "storage"]],
      "version": ["number": version, "message": message],
    ]
    _ = try await call("PUT", url("content/\(id)"), json: json, what: "update '\(title)' on \(site)")
  }

  func addLabels(_ labels: [String], to id: String) async throws {
    let json = labels.map { ["prefix": "global", "name": $0] }
    _ = try await call("POST", url("content/\(id)/label"), json: json, what: "label page \(id) on \(site)")
  }

  func saveRecord(_ record: ConfluenceRESTPublisher.Record, on id: String, currentVersion: Int?) async throws
  {
    let value = try JSONSerialization.jsonObject(with: JSONEncoder().encode(record))
    let key = ConfluenceRESTPublisher.propertyKey
    if let currentVersion {
      _ = try await call(
        "PUT", url("content/\(id)/property/\(key)"),
        json: ["key": key, "value": value, "version": ["number": currentVersion + 1]],
        what: "record the publish on page \(id)")
    } else {
      _ = try await call(
        "POST", url("content/\(id)/property"), json: ["key": key, "value": value],
        what: "record the publish on page \(id)")
    }
  }
}

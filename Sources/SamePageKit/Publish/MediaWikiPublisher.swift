import Crypto
import Foundation

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// Publishes the pages into a running MediaWiki through its Action API (`api.php`): log in with a
/// bot password, fetch a CSRF token, read every page SamePage would write, plan, then
/// `action=edit` each page that needs it with `basetimestamp`/`starttimestamp` (so a concurrent
/// edit is a conflict, not an overwrite) and `createonly`/`nocreate`.
///
/// What SamePage wrote is recorded in a local JSON file (`--state`, committed next to the
/// glossary): per title the page id, revision id and SHA-256 of the wikitext it saved. A page is
/// SamePage's only if the record has it; it is unedited only while its latest revision is the
/// recorded one with the recorded content. Before editing, the record gets the hashes the run is
/// about to save (`pending`, like the journal of a managed folder), so a run that dies half-way
/// leaves pages the next run still knows are its own.
public struct MediaWikiPublisher: Sendable {
  public struct Page: Sendable, Equatable {
    public var title: String
    public var wikitext: String
  }

  public let api: URL
  public let user: String
  public let password: String
  /// The record file (`--state`).
  public let state: URL

  public init(api: URL, user: String, password: String, state: URL) {
    self.api = api
    self.user = user
    self.password = password
    self.state = state
  }

  // MARK: Pages

  /// Wikitext for every rendered page, titled with `titles`, in `category`.
  public static func pages(
    _ rendered: [RenderedPage], titles: WikiTitles, category: String, glossaryVersion: String
  ) -> [Page] {
    var byHTMLFile: [String: String] = [:]
    for page in rendered { byHTMLFile[page.htmlFileName] = titles.title(page.page) }
    return rendered.map { page in
      let document = CommonMarkDocument(markdown: page.markdown, tables: true)
      document.sanitize(rewriteLink: DocumentRenderer.htmlLink)
      let body = document.renderWikitext(pageTitles: byHTMLFile)
      let text =
        "<!-- Published by SamePage from glossary \(WikitextWriter.escape(glossaryVersion)); edit the glossary, not this page: a hand edit stops the next publish. -->\n"
        + body + "\n\n[[Category:\(category)]]"
      return Page(title: titles.title(page.page), wikitext: text)
    }
  }

  /// A category name that is safe inside `[[Category:…]]`.
  public static func validCategory(_ name: String) throws -> String {
    let collapsed = name.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    guard !collapsed.isEmpty, !collapsed.contains(where: { WikiTitles.forbidden.contains($0) }) else {
      throw RemoteFailure(
        "the category '\(name)' cannot be a MediaWiki category name (empty, or it contains one of # < > [ ] { } | :)"
      )
    }
    return collapsed
  }

  // MARK: Record

  struct Record: Codable, Equatable {
    struct Published: Codable, Equatable {
      var pageID: Int
      var revision: Int
      var sha256: String
    }
    var generator = "samepage"
    var api: String
    var pages: [String: Published] = [:]
    /// Hashes a run was about to save, by title; emptied when the run completes.
    var pending: [String: [String]] = [:]
  }

  private var stateFolder: String { state.deletingLastPathComponent().path }
  private var stateName: String { state.lastPathComponent }

  func readRecord(_ folder: DirectoryHandle?) throws -> Record {
    guard let folder, case .file(let data) = try folder.read(stateName) else {
      return Record(api: api.absoluteString)
    }
    guard let record = try? JSONDecoder().decode(Record.self, from: data) else {
      throw RemoteFailure(
        "cannot read the publish record \(state.path): it is not SamePage's JSON; restore it from version control"
      )
    }
    guard record.api == api.absoluteString else {
      throw RemoteFailure(
        "the publish record \(state.path) is for \(record.api), not \(api.absoluteString); pass --state with another file for this wiki"
      )
    }
    return record
  }

  func writeRecord(_ record: Record, in folder: DirectoryHandle) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    try folder.writeAtomically(try encoder.encode(record) + Data("\n".utf8), as: stateName)
  }

  // MARK: Publishing

  /// Plans, and unless `dryRun` edits. Refusals come before any edit. `progress` gets a line per
  /// page edited or left alone.
  public func publish(
    _ pages: [Page], summary: String, force: Bool, dryRun: Bool,
    progress: @Sendable (String) -> Void = { _ in }
  ) async throws -> (plan: RemotePlan, report: RemoteReport) {
    let folder: DirectoryHandle?
    var lock: DirectoryHandle.Lock?
    if dryRun {
      folder =
        FileManager.default.fileExists(atPath: stateFolder)
        ? try DirectoryHandle.openRoot(stateFolder, create: false) : nil
    } else {
      let opened = try DirectoryHandle.openRoot(stateFolder, create: true)
      guard let held = try opened.lock(".\(stateName).lock", timeout: .seconds(30)) else {
        throw RemoteFailure(
          "another samepage run is publishing with the record \(state.path); try again when it has finished")
      }
      folder = opened
      lock = held
    }
    defer { lock?.release() }

    var record = try readRecord(folder)
    let client = ActionAPI(api: api)
    let loggedIn = try await client.login(user: user, password: password)
    let (current, startTimestamp) = try await client.latestRevisions(of: pages.map(\.title))

    var plan = RemotePlan()
    for page in pages {
      let recorded = record.pages[page.title]
      let pending = Set(record.pending[page.title] ?? [])
      let action: RemotePlan.Action
      if let revision = current[page.title] {
        let hash = ContentHash.sha256(Data(revision.content.utf8))
        let isRecordedRevision = recorded.map { $0.revision == revision.id && $0.sha256 == hash } ?? false
        let isInterruptedRun = pending.contains(hash) && revision.user == loggedIn
        if isRecordedRevision || isInterruptedRun {
          action = Self.sameText(revision.content, page.wikitext) ? .unchanged : .update
        } else {
          action = recorded == nil && pending.isEmpty ? .notOurs : .editedByHand
        }
      } else {
        // Gone from the wiki although SamePage published it: someone deleted it on purpose.
        action = recorded == nil ? .create : .editedByHand
      }
      plan.entries.append(RemotePlan.Entry(title: page.title, action: action))
    }
    if dryRun { return (plan, RemoteReport()) }
    if let refusal = plan.refusal(force: force, target: api.absoluteString) { throw refusal }

    var report = RemoteReport()
    let toEdit = zip(pages, plan.entries).filter { [.create, .update, .editedByHand].contains($0.1.action) }
    for (page, entry) in zip(pages, plan.entries) where entry.action == .unchanged {
      // An interrupted run's revision becomes the recorded one.
      if let revision = current[page.title] {
        record.pages[page.title] = Record.Published(
          pageID: revision.pageID, revision: revision.id,
          sha256: ContentHash.sha256(Data(revision.content.utf8)))
        record.pending[page.title] = nil
      }
      report.unchanged.append(page.title)
      progress("unchanged \(page.title)")
    }
    if !toEdit.isEmpty, let folder {
      for (page, _) in toEdit {
        record.pending[page.title, default: []].append(ContentHash.sha256(Data(page.wikitext.utf8)))
      }
      try writeRecord(record, in: folder)
    }
    do {
      for (page, entry) in toEdit {
        let existing = current[page.title]
        let saved = try await client.edit(
          title: page.title, text: page.wikitext, summary: summary,
          mode: existing == nil ? .createOnly : .noCreate(baseTimestamp: existing!.timestamp),
          startTimestamp: startTimestamp)
        record.pages[page.title] = Record.Published(
          pageID: saved.pageID, revision: saved.revision, sha256: ContentHash.sha256(Data(page.wikitext.utf8))
        )
        record.pending[page.title] = nil
        if existing == nil {
          report.created.append(page.title)
          progress("created \(page.title)")
        } else {
          report.updated.append(page.title)
          progress(
            entry.action == .editedByHand ? "overwrote \(page.title) (--force)" : "updated \(page.title)")
        }
      }
    } catch {
      // Keep what was saved, so the next run knows those revisions are its own.
      if let folder { try? writeRecord(record, in: folder) }
      throw error
    }
    if let folder, try readRecord(folder) != record { try writeRecord(record, in: folder) }
    if !report.created.isEmpty {
      // Pages saved before the pages they link to were created show those links as missing
      // (red) until their cached rendering is refreshed; the job queue does that eventually,
      // a purge does it now. A purge makes no revision.
      try await client.purge(toEdit.map(\.0.title))
    }
    return (plan, report)
  }

  /// MediaWiki trims trailing white space when it saves.
  static func sameText(_ stored: String, _ new: String) -> Bool {
    func trimmed(_ text: String) -> Substring {
      var text = Substring(text)
      while let last = text.last, last.isWhitespace { text.removeLast() }
      return text
    }
    return trimmed(stored) == trimmed(new)
  }
}

/// The few Action API calls SamePage makes, each answer checked, each failure one line.
struct ActionAPI {
  let api: URL
  let http = HTTPClient()

  struct Revision {
    var pageID: Int
    var id: Int
    var timestamp: String
    var user: String
    var comment: String
    var content: String
  }

  enum EditMode {
    case createOnly
    case noCreate(baseTimestamp: String)
  }

  var host: String { api.absoluteString }

  func get(_ parameters: [(String, String)], what: String) async throws -> [String: Any] {
    var components = URLComponents(url: api, resolvingAgainstBaseURL: false)!
    let query = (parameters + [("format", "json"), ("formatversion", "2")]).map {
      "\(HTTPClient.percentEncode($0))=\(HTTPClient.percentEncode($1))"
    }
    components.percentEncodedQuery = query.joined(separator: "&")
    let response = try await http.send("GET", components.url!, what: what)
    return try decode(response, what: what)
  }

  func post(_ parameters: [(String, String)], what: String) async throws -> [String: Any] {
    let body = HTTPClient.formEncoded(parameters + [("format", "json"), ("formatversion", "2")])
    let response = try await http.send(
      "POST", api, body: body, contentType: "application/x-www-form-urlencoded", what: what)
    return try decode(response, what: what)
  }

  private func decode(_ response: HTTPClient.Response, what: String) throws -> [String: Any] {
    guard response.status == 200 else {
      throw RemoteFailure("cannot \(what): the server answered HTTP \(response.status)")
    }
    guard let json = (try? JSONSerialization.jsonObject(with: response.body)) as? [String: Any] else {
      throw RemoteFailure("cannot \(what): the answer is not JSON; is \(host) a MediaWiki api.php?")
    }
    if let error = json["error"] as? [String: Any] {
      let code = error["code"] as? String ?? "unknown"
      let info = error["info"] as? String ?? ""
      throw RemoteFailure("cannot \(what): \(info) [\(code)]")
    }
    return json
  }

  /// Logs in with a bot password (`User@appid`); returns the user name the wiki knows.
  func login(user: String, password: String) async throws -> String {
    let what = "log in to \(host) as \(user)"
    let tokens = try await get([("action", "query"), ("meta", "tokens"), ("type", "login")], what: what)
    guard
      let token = ((tokens["query"] as? [String: Any])?["tokens"] as? [String: Any])?["logintoken"] as? String
    else { throw RemoteFailure("cannot \(what): no login token in the answer") }
    let answer = try await post(
      [("action", "login"), ("lgname", user), ("lgpassword", password), ("lgtoken", token)], what: what)
    let login = answer["login"] as? [String: Any] ?? [:]
    guard login["result"] as? String == "Success", let name = login["lgusername"] as? String else {
      let reason = login["reason"] as? String ?? (login["result"] as? String ?? "no answer")
      throw RemoteFailure(
        "cannot \(what): \(reason) (use a bot password from Special:BotPasswords, user name as NAME@APPID)")
    }
    csrf.value = nil
    return name
  }

  final class Box: @unchecked Sendable { var value: String? }
  let csrf = Box()

  func csrfToken() async throws -> String {
    if let token = csrf.value { return token }
    let answer = try await get(
      [("action", "query"), ("meta", "tokens")], what: "get an edit token from \(host)")
    guard
      let token = ((answer["query"] as? [String: Any])?["tokens"] as? [String: Any])?["csrftoken"] as? String,
      token != "+\\"
    else {
      throw RemoteFailure("cannot get an edit token from \(host): the login did not hold (anonymous token)")
    }
    csrf.value = token
    return token
  }

  /// The latest revision of each existing title (by the title asked for), and the server's time
  /// of the read, the `starttimestamp` of the edits that follow.
  func latestRevisions(of titles: [String]) async throws -> ([String: Revision], String) {
    var revisions: [String: Revision] = [:]
    var start = ""
    for batch in stride(from: 0, to: titles.count, by: 50).map({
      Array(titles[$0..<min($0 + 50, titles.count)])
    }) {
      let answer = try await get(
        [
          ("action", "query"), ("prop", "revisions"), ("titles", batch.joined(separator: "|")),
          ("rvprop", "ids|timestamp|user|comment|content"), ("rvslots", "main"), ("curtimestamp", "1"),
        ], what: "read the pages from \(host)")
      if start.isEmpty { start = answer["curtimestamp"] as? String ?? "" }
      let query = answer["query"] as? [String: Any] ?? [:]
      var asked: [String: String] = [:]  // the wiki's spelling → ours
      for title in batch { asked[title] = title }
      for normalized in query["normalized"] as? [[String: Any]] ?? [] {
        if let from = normalized["from"] as? String, let to = normalized["to"] as? String { asked[to] = from }
      }
      for page in query["pages"] as? [[String: Any]] ?? [] {
        guard let title = page["title"] as? String, page["missing"] == nil, page["invalid"] == nil,
          let pageID = page["pageid"] as? Int, let revision = (page["revisions"] as? [[String: Any]])?.first,
          let id = revision["revid"] as? Int, let timestamp = revision["timestamp"] as? String
        else {
          if let reason = page["invalidreason"] as? String {
            throw RemoteFailure("cannot read the pages from \(host): \(reason)")
          }
          continue
        }
        let main = (revision["slots"] as? [String: Any])?["main"] as? [String: Any]
        revisions[asked[title] ?? title] = Revision(
          pageID: pageID, id: id, timestamp: timestamp, user: revision["user"] as? String ?? "",
          comment: revision["comment"] as? String ?? "", content: main?["content"] as? String ?? "")
      }
    }
    return (revisions, start)
  }

  /// Re-renders pages and their link tables without saving anything.
  func purge(_ titles: [String]) async throws {
    for batch in stride(from: 0, to: titles.count, by: 50).map({
      Array(titles[$0..<min($0 + 50, titles.count)])
    }) {
      _ = try await post(
        [("action", "purge"), ("titles", batch.joined(separator: "|")), ("forcelinkupdate", "1")],
        what: "refresh the published pages on \(host)")
    }
  }

  /// Saves one page; returns its page id and new revision id.
  func edit(title: String, text: String, summary: String, mode: EditMode, startTimestamp: String) async throws
    -> (pageID: Int, revision: Int)
  {
    let what = "edit '\(title)' on \(host)"
    var parameters: [(String, String)] = [
      ("action", "edit"), ("title", title), ("text", text), ("summary", summary), ("bot", "1"),
      ("contentmodel", "wikitext"),
      ("md5", Insecure.MD5.hash(data: Data(text.utf8)).map { String(format: "%02x", $0) }.joined()),
      ("starttimestamp", startTimestamp),
    ]
    switch mode {
    case .createOnly: parameters.append(("createonly", "1"))
    case .noCreate(let base):
      parameters.append(("nocreate", "1"))
      parameters.append(("basetimestamp", base))
    }
    // The token goes last, as MediaWiki recommends, so a truncated post fails its check.
    parameters.append(("token", try await csrfToken()))
    let answer: [String: Any]
    do {
      answer = try await post(parameters, what: what)
    } catch let failure as RemoteFailure where failure.message.hasSuffix("[editconflict]") {
      throw RemoteFailure(
        "cannot \(what): someone edited it while SamePage was publishing [editconflict]; run publish again, which will treat it as a hand edit"
      )
    } catch let failure as RemoteFailure where failure.message.hasSuffix("[articleexists]") {
      throw RemoteFailure(
        "cannot \(what): someone created it while SamePage was publishing [articleexists]; SamePage does not touch pages it did not create"
      )
    }
    let edit = answer["edit"] as? [String: Any] ?? [:]
    guard edit["result"] as? String == "Success", let pageID = edit["pageid"] as? Int else {
      throw RemoteFailure(
        "cannot \(what): the wiki did not save it (\(edit["result"] as? String ?? "no result"))")
    }
    if let revision = edit["newrevid"] as? Int { return (pageID, revision) }
    // `nochange`: the text was already there; the current revision stands.
    guard edit["nochange"] != nil, let revision = try await latestRevisions(of: [title]).0[title]?.id else {
      throw RemoteFailure("cannot \(what): the answer has no revision id")
    }
    return (pageID, revision)
  }
}

import Foundation
import SamePageKit

#if canImport(Glibc)
  import Glibc
#endif

/// A contract double of the Confluence REST API (v1, `/rest/api/content`), for
/// `ConfluenceContractTests`. It implements only the endpoints SamePage calls, as their
/// documentation describes them (Confluence Data Center REST API, "content resource", "content
/// labels", "content property"; the same paths Cloud serves under `/wiki`):
///
/// - `GET  /rest/api/content?spaceKey=&title=&type=page&expand=version,body.storage`
/// - `GET  /rest/api/content/{id}?expand=version,body.storage`
/// - `POST /rest/api/content` (type, title, space.key, ancestors[].id, body.storage)
/// - `PUT  /rest/api/content/{id}` (version.number must be the current one + 1, else 409)
/// - `POST /rest/api/content/{id}/label` (an array of {prefix, name})
/// - `GET|POST /rest/api/content/{id}/property[/{key}]`, `PUT …/property/{key}` (version + 1)
///
/// Errors use Confluence's documented error body: `{"statusCode": N, "data": {"authorized":
/// …, "valid": …, "errors": [], "successful": false}, "message": "…", "reason": "…"}`. Unlike
/// the real server it keeps storage bodies verbatim (Confluence may reformat them, which is
/// why SamePage hashes the body it reads back). This was built from the documentation, not
/// recorded from a live Confluence: docs/PUBLISHING.md says so.
final class ConfluenceContractServer: @unchecked Sendable {
  struct Content {
    var id: String
    var title: String
    var space: String
    var ancestors: [String]
    var body: String
    var version: Int
    var labels: [String] = []
    var properties: [String: (value: Any, version: Int)] = [:]
  }

  let port: Int
  let authorization: String
  private let listener: Int32
  private let lock = NSLock()
  private var contents: [String: Content] = [:]
  private var nextID = 1001
  private var log: [String] = []
  /// The id of a page someone saves between SamePage's read and its update (a race).
  private var raceOnUpdate: String?
  let spaces: Set<String>

  init(spaces: Set<String> = ["KIS"], authorization: String) throws {
    self.spaces = spaces
    self.authorization = authorization
    let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    self.listener = listener
    // A client that hangs up early must not kill the test process with SIGPIPE.
    signal(SIGPIPE, SIG_IGN)
    var yes: Int32 = 1
    setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    let listening = withUnsafeMutablePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        bind(listener, $0, length) == 0 && listen(listener, 16) == 0
          && getsockname(listener, $0, &length) == 0
      }
    }
    guard listening else {
      close(listener)
      throw RemoteFailure("the contract server cannot listen")
    }
    port = Int(UInt16(bigEndian: address.sin_port))
    let thread = Thread { [weak self] in self?.acceptLoop() }
    thread.start()
  }

  deinit { stop() }

  private var stopped = false

  /// Once only: a second close could hit a descriptor number another server reuses.
  func stop() {
    let first = lock.withLock {
      defer { stopped = true }
      return !stopped
    }
    guard first else { return }
    shutdown(listener, Int32(SHUT_RDWR))
    close(listener)
  }

  var baseURL: String { "http://127.0.0.1:\(port)" }

  // MARK: What tests set up and look at

  /// A page as a person makes it in the editor: no SamePage property.
  @discardableResult
  func createByHand(title: String, space: String = "KIS", body: String = "<p>Ours.</p>") -> String {
    lock.withLock {
      let id = String(nextID)
      nextID += 1
      contents[id] = Content(id: id, title: title, space: space, ancestors: [], body: body, version: 1)
      return id
    }
  }

  /// An edit in the editor: new body, next version.
  func editByHand(title: String, body: String) {
    lock.withLock {
      guard let id = contents.values.first(where: { $0.title == title })?.id else { return }
      contents[id]!.body = body
      contents[id]!.version += 1
    }
  }

  /// Someone saves `title` right before SamePage's next update of it.
  func raceNextUpdate(of title: String) {
    lock.withLock { raceOnUpdate = contents.values.first(where: { $0.title == title })?.id }
  }

  func page(titled title: String) -> Content? {
    lock.withLock { contents.values.first { $0.title == title } }
  }
  var pages: [Content] { lock.withLock { Array(contents.values) } }
  /// `METHOD /path` of every request so far.
  var requests: [String] { lock.withLock { log } }
  func clearRequests() { lock.withLock { log.removeAll() } }

  // MARK: HTTP

  private func acceptLoop() {
    while true {
      let connection = accept(listener, nil, nil)
      if connection < 0 {
        // A signal (SIGCHLD from the CLI the test ran) interrupts accept; only stop() ends it.
        if errno == EINTR || errno == ECONNABORTED { continue }
        return
      }
      handle(connection)
      close(connection)
    }
  }

  private func handle(_ connection: Int32) {
    var received = [UInt8]()
    var buffer = [UInt8](repeating: 0, count: 65536)
    func readMore() -> Bool {
      var count = recv(connection, &buffer, buffer.count, 0)
      while count < 0 && errno == EINTR { count = recv(connection, &buffer, buffer.count, 0) }
      guard count > 0 else { return false }
      received += buffer[0..<count]
      return true
    }
    let separator: [UInt8] = Array("\r\n\r\n".utf8)
    var headerEnd: Int?
    while headerEnd == nil {
      guard readMore() else { return }
      headerEnd = Self.find(separator, in: received)
    }
    let head = String(decoding: received[0..<headerEnd!], as: UTF8.self)
    var lines = head.components(separatedBy: "\r\n")
    let requestLine = lines.removeFirst().split(separator: " ").map(String.init)
    guard requestLine.count >= 2 else { return }
    var headers: [String: String] = [:]
    for line in lines {
      guard let colon = line.firstIndex(of: ":") else { continue }
      headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(
        in: .whitespaces)
    }
    let length = Int(headers["content-length"] ?? "0") ?? 0
    if headers["expect"]?.lowercased() == "100-continue" {
      let proceed = Array("HTTP/1.1 100 Continue\r\n\r\n".utf8)
      _ = send(connection, proceed, proceed.count, 0)
    }
    let bodyStart = headerEnd! + separator.count
    while received.count - bodyStart < length {
      guard readMore() else { return }
    }
    let body = Data(received[bodyStart..<(bodyStart + length)])
    let (status, json) = respond(
      method: requestLine[0], target: requestLine[1], headers: headers, body: body)
    let payload = (try? JSONSerialization.data(withJSONObject: json, options: [.sortedKeys])) ?? Data()
    var response = "HTTP/1.1 \(status) \(Self.reason(status))\r\nContent-Type: application/json\r\n"
    response += "Content-Length: \(payload.count)\r\nConnection: close\r\n\r\n"
    let bytes = Array(response.utf8) + Array(payload)
    var sent = 0
    while sent < bytes.count {
      let count = bytes[sent...].withUnsafeBufferPointer { send(connection, $0.baseAddress, $0.count, 0) }
      guard count > 0 else { return }
      sent += count
    }
  }

  private static func find(_ needle: [UInt8], in haystack: [UInt8]) -> Int? {
    guard haystack.count >= needle.count else { return nil }
    for start in 0...(haystack.count - needle.count)
    where Array(haystack[start..<(start + needle.count)]) == needle {
      return start
    }
    return nil
  }

  private static func reason(_ status: Int) -> String {
    switch status {
    case 200: "OK"
    case 400: "Bad Request"
    case 401: "Unauthorized"
    case 404: "Not Found"
    case 409: "Conflict"
    default: "Error"
    }
  }

  /// Confluence's error body.
  private func error(_ status: Int, _ message: String, authorized: Bool = true, valid: Bool = true) -> (
    Int, Any
  ) {
    (
      status,
      [
        "statusCode": status,
        "data": ["authorized": authorized, "valid": valid, "errors": [], "successful": false],
        "message": message, "reason": Self.reason(status),
      ] as [String: Any]
    )
  }

  private func respond(method: String, target: String, headers: [String: String], body: Data) -> (Int, Any) {
    let components = URLComponents(string: target)
    let path = components?.percentEncodedPath.removingPercentEncoding ?? target
    var query: [String: String] = [:]
    for item in components?.queryItems ?? [] { query[item.name] = item.value ?? "" }
    return lock.withLock {
      log.append("\(method) \(path)")
      guard headers["authorization"] == authorization else {
        return error(401, "This request requires authentication.", authorized: false)
      }
      let json = body.isEmpty ? nil : try? JSONSerialization.jsonObject(with: body)
      let parts = path.split(separator: "/").map(String.init)  // rest, api, content, id, …
      guard parts.count >= 3, parts[0] == "rest", parts[1] == "api", parts[2] == "content" else {
        return error(404, "No resource at \(path)")
      }
      let expand = Set((query["expand"] ?? "").split(separator: ",").map(String.init))
      switch (method, parts.count) {
      case ("GET", 3):
        let matches = contents.values.filter {
          (query["spaceKey"] == nil || $0.space == query["spaceKey"])
            && (query["title"] == nil || $0.title == query["title"])
        }.sorted { $0.id < $1.id }
        return (
          200,
          [
            "results": matches.map { render($0, expand: expand) }, "start": 0, "limit": 25,
            "size": matches.count,
          ] as [String: Any]
        )
      case ("POST", 3): return create(json as? [String: Any] ?? [:])
      default: break
      }
      let id = parts[3]
      guard contents[id] != nil else { return error(404, "No content found with id: ContentId{id=\(id)}") }
      switch (method, parts.count > 4 ? parts[4] : "") {
      case ("GET", ""): return (200, render(contents[id]!, expand: expand))
      case ("PUT", ""): return update(id, json as? [String: Any] ?? [:])
      case ("POST", "label"):
        for label in json as? [[String: Any]] ?? [] {
          if let name = label["name"] as? String, !contents[id]!.labels.contains(name) {
            contents[id]!.labels.append(name)
          }
        }
        let labels = contents[id]!.labels.map { ["prefix": "global", "name": $0, "id": $0] }
        return (200, ["results": labels, "start": 0, "limit": 200, "size": labels.count] as [String: Any])
      case ("GET", "property") where parts.count == 6:
        guard let property = contents[id]!.properties[parts[5]] else {
          return error(404, "Cannot find content property with key: \(parts[5])")
        }
        return (
          200,
          ["key": parts[5], "value": property.value, "version": ["number": property.version]] as [String: Any]
        )
      case ("POST", "property") where parts.count == 5:
        guard let object = json as? [String: Any], let key = object["key"] as? String,
          let value = object["value"]
        else {
          return error(400, "A content property needs a key and a value", valid: false)
        }
        guard contents[id]!.properties[key] == nil else {
          return error(409, "Cannot add a content property with key '\(key)': it already exists")
        }
        contents[id]!.properties[key] = (value, 1)
        return (200, ["key": key, "value": value, "version": ["number": 1]] as [String: Any])
      case ("PUT", "property") where parts.count == 6:
        let key = parts[5]
        guard let object = json as? [String: Any], let value = object["value"],
          let number = (object["version"] as? [String: Any])?["number"] as? Int
        else { return error(400, "A content property update needs a value and a version", valid: false) }
        let current = contents[id]!.properties[key]?.version ?? 0
        guard number == current + 1 else {
          return error(409, "Version must be incremented on update. Current version is: \(current)")
        }
        contents[id]!.properties[key] = (value, number)
        return (200, ["key": key, "value": value, "version": ["number": number]] as [String: Any])
      default:
        return error(404, "No resource at \(method) \(path)")
      }
    }
  }

  private func render(_ content: Content, expand: Set<String>) -> [String: Any] {
    var json: [String: Any] = [
      "id": content.id, "type": "page", "status": "current", "title": content.title,
      "space": ["key": content.space], "version": ["number": content.version],
      "ancestors": content.ancestors.map { ["id": $0] },
      "_links": ["webui": "/display/\(content.space)/\(content.id)"],
    ]
    if expand.contains("body.storage") {
      json["body"] = ["storage": ["value": content.body, "representation": "storage"]]
    }
    return json
  }

  private func create(_ json: [String: Any]) -> (Int, Any) {
    guard json["type"] as? String == "page", let title = json["title"] as? String,
      let space = (json["space"] as? [String: Any])?["key"] as? String,
      let body = ((json["body"] as? [String: Any])?["storage"] as? [String: Any])?["value"] as? String
    else {
      return error(
        400, "Could not create content: type, title, space and body.storage are required", valid: false)
    }
    guard spaces.contains(space) else { return error(404, "No space with key : \(space)") }
    if contents.values.contains(where: { $0.title == title && $0.space == space }) {
      return error(
        400,
        "A page with this title already exists: A page already exists with the title \(title) in the space with key \(space)"
      )
    }
    let ancestors = (json["ancestors"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
    if let missing = ancestors.first(where: { contents[$0] == nil }) {
      return error(404, "No content found with id: ContentId{id=\(missing)}")
    }
    let id = String(nextID)
    nextID += 1
    contents[id] = Content(id: id, title: title, space: space, ancestors: ancestors, body: body, version: 1)
    return (200, render(contents[id]!, expand: ["body.storage"]))
  }

  private func update(_ id: String, _ json: [String: Any]) -> (Int, Any) {
    if raceOnUpdate == id {
      raceOnUpdate = nil
      contents[id]!.version += 1
      contents[id]!.body += "<p>Saved by someone else a moment ago.</p>"
    }
    guard let number = (json["version"] as? [String: Any])?["number"] as? Int,
      let body = ((json["body"] as? [String: Any])?["storage"] as? [String: Any])?["value"] as? String
    else {
      return error(400, "Could not update content: version and body.storage are required", valid: false)
    }
    guard number == contents[id]!.version + 1 else {
      return error(409, "Version must be incremented on update. Current version is: \(contents[id]!.version)")
    }
    contents[id]!.version = number
    contents[id]!.body = body
    if let title = json["title"] as? String { contents[id]!.title = title }
    return (200, render(contents[id]!, expand: ["body.storage"]))
  }
}

import Foundation

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// A failure talking to a wiki, said in one line: what SamePage was doing, where, and why. Never
/// carries a password or token: requests are described by their action, not their body.
public struct RemoteFailure: Error, CustomStringConvertible, Equatable, Sendable {
  public var message: String
  public init(_ message: String) { self.message = message }
  public var description: String { message }
}

/// The little HTTP SamePage needs to talk to a wiki: form posts and JSON, a cookie jar of its
/// own (a MediaWiki login is a session cookie), and one-line errors. Cookies are kept here rather
/// than in `HTTPCookieStorage`, which on Linux may persist to disk.
final class HTTPClient: @unchecked Sendable {
  struct Response {
    var status: Int
    var body: Data
    var headers: [String: String]
  }

  private let session: URLSession
  private let lock = NSLock()
  private var cookies: [String: String] = [:]
  /// Sent with every request (`Authorization` for Confluence).
  private let fixedHeaders: [String: String]

  init(headers: [String: String] = [:]) {
    let configuration = URLSessionConfiguration.ephemeral
    configuration.httpShouldSetCookies = false
    configuration.httpCookieAcceptPolicy = .never
    configuration.httpCookieStorage = nil
    configuration.urlCache = nil
    configuration.timeoutIntervalForRequest = 60
    session = URLSession(configuration: configuration)
    fixedHeaders = headers
  }

  deinit { session.finishTasksAndInvalidate() }

  /// `what` names the request in errors ("log in to URL"), since the URL may hold a query and
  /// the body may hold a secret.
  func send(
    _ method: String, _ url: URL, body: Data? = nil, contentType: String? = nil,
    headers: [String: String] = [:], what: String
  ) async throws -> Response {
    var request = URLRequest(url: url)
    request.httpMethod = method
    request.httpBody = body
    for (name, value) in fixedHeaders.merging(headers, uniquingKeysWith: { $1 }) {
      request.setValue(value, forHTTPHeaderField: name)
    }
    if let contentType { request.setValue(contentType, forHTTPHeaderField: "Content-Type") }
    request.setValue("SamePage (https://github.com/samepage)", forHTTPHeaderField: "User-Agent")
    let cookieHeader = lock.withLock { cookies.sorted { $0.key < $1.key }.map { "\($0)=\($1)" } }
    if !cookieHeader.isEmpty {
      request.setValue(cookieHeader.joined(separator: "; "), forHTTPHeaderField: "Cookie")
    }
    let data: Data
    let response: URLResponse
    do {
      (data, response) = try await session.data(for: request)
    } catch let error as URLError {
      throw RemoteFailure("cannot \(what): \(Self.describe(error))")
    } catch {
      throw RemoteFailure("cannot \(what): \(error.localizedDescription)")
    }
    guard let http = response as? HTTPURLResponse else {
      throw RemoteFailure("cannot \(what): the answer was not HTTP")
    }
    var headers: [String: String] = [:]
    var original: [String: String] = [:]
    for (key, value) in http.allHeaderFields {
      if let key = key as? String, let value = value as? String {
        headers[key.lowercased()] = value
        original[key] = value
      }
    }
    let received = HTTPCookie.cookies(withResponseHeaderFields: original, for: url)
    if !received.isEmpty {
      lock.withLock { for cookie in received { cookies[cookie.name] = cookie.value } }
    }
    return Response(status: http.statusCode, body: data, headers: headers)
  }

  /// `application/x-www-form-urlencoded`, as MediaWiki's Action API reads posts.
  static func formEncoded(_ fields: [(String, String)]) -> Data {
    Data(fields.map { "\(percentEncode($0))=\(percentEncode($1))" }.joined(separator: "&").utf8)
  }

  static func percentEncode(_ text: String) -> String {
    var allowed = CharacterSet.alphanumerics.intersection(
      CharacterSet(charactersIn: Unicode.Scalar(0)..<Unicode.Scalar(128)))
    allowed.insert(charactersIn: "-._~")
    return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
  }

  private static func describe(_ error: URLError) -> String {
    switch error.code {
    case .cannotConnectToHost: "connection refused"
    case .timedOut: "timed out"
    case .cannotFindHost: "unknown host"
    case .notConnectedToInternet, .networkConnectionLost: "the network connection was lost"
    case .secureConnectionFailed, .serverCertificateUntrusted, .serverCertificateHasBadDate:
      "the TLS connection failed (certificate?)"
    default: error.localizedDescription
    }
  }
}

import Foundation
import Testing

@testable import SamePageKit

#if canImport(Glibc)
  import Glibc
#endif

/// A real MediaWiki for the publish tests: Debian's `mediawiki` package (installed by
/// Scripts/bootstrap) set up with SQLite in a temporary folder by `maintenance/install.php` and
/// served by `php -S` on a free local port. Installed once per test run and stopped when the
/// test process exits.
///
/// Without PHP or the package the tests are skipped with the reason, except when
/// `SAMEPAGE_REQUIRE_MEDIAWIKI=1` (set by `.ci/run`): then a missing wiki fails the run.
final class LocalMediaWiki: Sendable {
  static let source = "/usr/share/mediawiki"
  static let botUser = "SamePageBot"
  static let editorUser = "Editor"
  /// Bot passwords as MediaWiki generates them: 32 lower-case letters and digits.
  static let botPassword = "samepagebotpassword0123456789abc"
  static let editorPassword = "editorbotpassword0123456789abcde"

  let api: URL
  let folder: URL
  let serverPID: Int32
  /// Seconds from nothing to a wiki answering the API.
  let setUpSeconds: Double

  /// `NAME@APPID`, as the publish command takes it.
  static var botLogin: String { "\(botUser)@samepage" }
  static var editorLogin: String { "\(editorUser)@tests" }

  private init(api: URL, folder: URL, serverPID: Int32, setUpSeconds: Double) {
    self.api = api
    self.folder = folder
    self.serverPID = serverPID
    self.setUpSeconds = setUpSeconds
  }

  enum Setup: Sendable {
    case running(LocalMediaWiki)
    case unavailable(String)
    case failed(String)
  }

  static var isRequired: Bool { ProcessInfo.processInfo.environment["SAMEPAGE_REQUIRE_MEDIAWIKI"] == "1" }

  /// Why the wiki cannot run here, or nil when PHP and MediaWiki are installed.
  static var missingPrerequisite: String? {
    let fileManager = FileManager.default
    if !fileManager.isExecutableFile(atPath: "/usr/bin/php") {
      return
        "PHP is not installed (/usr/bin/php); run Scripts/bootstrap to install php-cli, php-sqlite3 and mediawiki"
    }
    if !fileManager.fileExists(atPath: source + "/maintenance/install.php") {
      return "MediaWiki is not installed (\(source)); run Scripts/bootstrap"
    }
    return nil
  }

  /// Whether the MediaWiki tests run: always when required, else when PHP is here.
  static var shouldRun: Bool { isRequired || missingPrerequisite == nil }

  static let shared: Setup = {
    if let missing = missingPrerequisite { return .unavailable(missing) }
    do { return .running(try start()) } catch { return .failed("\(error)") }
  }()

  /// The running wiki, or a recorded failure that names the cause.
  static func running() throws -> LocalMediaWiki {
    switch shared {
    case .running(let wiki): return wiki
    case .unavailable(let reason):
      throw RemoteFailure("the local MediaWiki cannot run: \(reason)")
    case .failed(let reason):
      throw RemoteFailure("the local MediaWiki did not start: \(reason)")
    }
  }

  private static func start() throws -> LocalMediaWiki {
    let clock = ContinuousClock()
    let began = clock.now
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "samepage-mediawiki-\(UUID().uuidString)")
    try FileManager.default.createDirectory(
      at: folder.appendingPathComponent("data"), withIntermediateDirectories: true)
    let port = try freePort()
    let server = "http://127.0.0.1:\(port)"
    let settings = folder.appendingPathComponent("LocalSettings.php")
    let php = URL(fileURLWithPath: "/usr/bin/php")
    let environment = ["MW_CONFIG_FILE": settings.path]
    func maintenance(_ script: String, _ arguments: [String]) throws {
      let result = try ProcessRunner.run(
        php, ["maintenance/\(script)"] + arguments, environment: environment,
        currentDirectory: URL(fileURLWithPath: source))
      guard result.status == 0 else {
        throw RemoteFailure("\(script) failed: \(result.output.suffix(400)) \(result.error.suffix(400))")
      }
    }
    // --confpath writes LocalSettings.php into the temporary folder; the package stays untouched.
    try maintenance(
      "install.php",
      [
        "--dbtype=sqlite", "--dbpath=\(folder.path)/data", "--confpath=\(folder.path)", "--server=\(server)",
        "--scriptpath=", "--lang=en", "--pass=AdminPassword-for-tests-only", "TestWiki", "Admin",
      ])
    // New accounts are "newbies" whose edits MediaWiki rate-limits; the tests edit quickly.
    let handle = try FileHandle(forWritingTo: settings)
    handle.seekToEndOfFile()
    handle.write(Data("\n$wgRateLimits = [];\n".utf8))
    try handle.close()
    try maintenance("createAndPromote.php", ["--bot", botUser, "SamePageBot-password-for-tests"])
    try maintenance(
      "createBotPassword.php",
      [
        "--appid", "samepage", "--grants", "basic,highvolume,editpage,createeditmovepage", botUser,
        botPassword,
      ])
    try maintenance("createAndPromote.php", [editorUser, "Editor-password-for-tests"])
    try maintenance(
      "createBotPassword.php",
      ["--appid", "tests", "--grants", "basic,editpage,createeditmovepage", editorUser, editorPassword])

    let process = Process()
    process.executableURL = php
    process.arguments = ["-S", "127.0.0.1:\(port)", "-t", source]
    process.environment = ProcessInfo.processInfo.environment.merging(
      environment.merging(["PHP_CLI_SERVER_WORKERS": "4"]) { $1 }
    ) { $1 }
    process.standardOutput = FileHandle(forWritingAtPath: "/dev/null")
    process.standardError = try FileHandle(
      forWritingTo: {
        let log = folder.appendingPathComponent("server.log")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        return log
      }())
    try process.run()
    let pid = process.processIdentifier
    serverToStop = pid
    atexit {
      // The server must not outlive the tests; only the one this process started.
      if serverToStop > 0 { kill(serverToStop, SIGTERM) }
    }
    let api = URL(string: "\(server)/api.php")!
    let deadline = clock.now + .seconds(30)
    while true {
      if let data = try? Data(contentsOf: URL(string: "\(api)?action=query&meta=siteinfo&format=json")!),
        String(decoding: data, as: UTF8.self).contains("\"sitename\"")
      {
        break
      }
      guard clock.now < deadline, process.isRunning else {
        kill(pid, SIGTERM)
        throw RemoteFailure("php -S did not answer on \(server) within 30 s")
      }
      usleep(100_000)
    }
    let seconds = (clock.now - began) / .seconds(1)
    return LocalMediaWiki(api: api, folder: folder, serverPID: pid, setUpSeconds: seconds)
  }

  private static func freePort() throws -> Int {
    let socketFD = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    defer { close(socketFD) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    address.sin_port = 0
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    let bound = withUnsafeMutablePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        bind(socketFD, $0, length) == 0 && getsockname(socketFD, $0, &length) == 0
      }
    }
    guard bound else { throw RemoteFailure("cannot find a free port") }
    return Int(UInt16(bigEndian: address.sin_port))
  }

  // MARK: Reading and editing the wiki as the tests' own client

  /// A client logged in as `login`, or anonymous.
  func client(login: (user: String, password: String)? = nil) async throws -> ActionAPI {
    let client = ActionAPI(api: api)
    if let login { _ = try await client.login(user: login.user, password: login.password) }
    return client
  }

  struct PageState: Equatable {
    var revision: Int
    var content: String
    var user: String
    var comment: String
  }

  /// The latest revision of each title that exists.
  func pages(_ titles: [String]) async throws -> [String: PageState] {
    let (revisions, _) = try await client().latestRevisions(of: titles)
    return revisions.mapValues {
      PageState(revision: $0.id, content: $0.content, user: $0.user, comment: $0.comment)
    }
  }

  /// `action=parse` of a saved page: its HTML, the titles it links to (and whether they exist),
  /// its categories and the templates it uses.
  struct Parsed {
    var html: String
    var links: [(title: String, exists: Bool)]
    var categories: [String]
    var templates: [String]
  }

  func parse(_ title: String) async throws -> Parsed {
    let answer = try await client().get(
      [
        ("action", "parse"), ("page", title), ("prop", "text|links|categories|templates"),
        ("disablelimitreport", "1"),
      ],
      what: "parse \(title)")
    let parse = answer["parse"] as? [String: Any] ?? [:]
    return Parsed(
      html: parse["text"] as? String ?? "",
      links: (parse["links"] as? [[String: Any]] ?? []).map {
        ($0["title"] as? String ?? "", $0["exists"] as? Bool ?? false)
      },
      categories: (parse["categories"] as? [[String: Any]] ?? []).compactMap { $0["category"] as? String },
      templates: (parse["templates"] as? [[String: Any]] ?? []).compactMap { $0["title"] as? String })
  }

  /// Saves `text` as another user would in the browser.
  func editAsEditor(_ title: String, text: String) async throws {
    let editor = try await client(login: (Self.editorLogin, Self.editorPassword))
    _ = try await editor.post(
      [
        ("action", "edit"), ("title", title), ("text", text), ("summary", "hand edit"),
        ("token", try await editor.csrfToken()),
      ],
      what: "edit \(title) as Editor")
  }
}

/// The PID `atexit` stops; a C callback cannot capture it.
nonisolated(unsafe) private var serverToStop: Int32 = 0

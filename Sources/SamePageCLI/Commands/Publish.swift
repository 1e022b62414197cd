import ArgumentParser
import Foundation
import SamePageKit

/// `samepage publish --to site|git-wiki|confluence-files DIR`, or `--to mediawiki|confluence`
/// into a running wiki over its API.
struct Publish: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    abstract:
      "Publish the SLA and glossary as a static site, into a wiki clone, as Confluence files, or into a running MediaWiki or Confluence.",
    discussion: """
      Idempotent: a second run changes nothing. Never deletes or edits what it did not write, and \
      refuses to overwrite a page edited by hand since the last publish unless --force. \
      Credentials come from the environment only: SAMEPAGE_MEDIAWIKI_PASSWORD (a MediaWiki bot \
      password), SAMEPAGE_CONFLUENCE_TOKEN (a Data Center personal access token, or with --user a \
      Cloud API token). See docs/PUBLISHING.md.
      """)

  enum Target: String, ExpressibleByArgument, CaseIterable {
    case site
    case gitWiki = "git-wiki"
    case confluenceFiles = "confluence-files"
    case mediawiki
    case confluence

    var isRemote: Bool { self == .mediawiki || self == .confluence }
  }

  static let mediaWikiPasswordVariable = "SAMEPAGE_MEDIAWIKI_PASSWORD"
  static let confluenceTokenVariable = "SAMEPAGE_CONFLUENCE_TOKEN"

  @Option(
    help:
      "site, git-wiki (an existing clone of a wiki repository), confluence-files (storage-format files), mediawiki (--api) or confluence (--url)."
  )
  var to: Target

  @Argument(help: "The directory to publish into (site, git-wiki, confluence-files).")
  var directory: String?

  @Option(help: "The glossary directory.")
  var glossary = "Glossary"

  @Option(
    help:
      "A folder of Mustache templates that override the bundled ones by name (default: ./Templates when it exists)."
  )
  var templates: String?

  @Option(help: "MediaWiki: the Action API endpoint, such as https://wiki.example.com/w/api.php.")
  var api: String?

  @Option(
    help:
      "MediaWiki: the bot password's user name (NAME@APPID). Confluence Cloud: the account's email (the token is then an API token)."
  )
  var user: String?

  @Option(help: "Confluence: the site's base URL, such as https://example.atlassian.net/wiki.")
  var url: String?

  @Option(
    help: "Confluence: the title of the page to publish under (confluence-files: recorded in the manifest).")
  var parent: String?

  @Option(help: "Confluence: the id of the page to publish under.")
  var parentID: String?

  @Option(help: "Confluence: the space key (confluence-files: recorded in the manifest).")
  var space: String?

  @Option(help: "MediaWiki and Confluence: what every page title starts with (default: the organisation).")
  var titlePrefix: String?

  @Option(help: "MediaWiki: the category every page joins.")
  var category = "Sales and marketing agreement"

  @Option(help: "MediaWiki: the record of what SamePage published (commit it next to the glossary).")
  var state = ".samepage-mediawiki.json"

  @Flag(help: "Print what would be created, updated, left alone or refused, and change nothing.")
  var dryRun = false

  @Flag(
    help:
      "Overwrite pages edited by hand since the last publish (never pages or files SamePage did not create)."
  )
  var force = false

  func validate() throws {
    if to.isRemote {
      if directory != nil {
        throw ValidationError(
          "--to \(to.rawValue) publishes over the network and takes no directory"
            + (to == .confluence ? "; for storage-format files use --to confluence-files DIR" : ""))
      }
      if to == .mediawiki && (api == nil || user == nil) {
        throw ValidationError("--to mediawiki needs --api URL and --user NAME@APPID")
      }
      if to == .confluence && (url == nil || space == nil) {
        throw ValidationError("--to confluence needs --url URL and --space KEY")
      }
      if parent != nil && parentID != nil {
        throw ValidationError("--parent and --parent-id cannot be used together")
      }
    } else if directory == nil {
      throw ValidationError("--to \(to.rawValue) needs the directory to publish into")
    }
  }

  func run() async throws {
    if to == .gitWiki, let directory {
      do { try WikiPublisher.requireClone(URL(fileURLWithPath: directory)) } catch {
        printError("samepage publish: \(error)")
        throw ExitCode(2)
      }
    }
    let (pages, model, templateSet) = try RenderPipeline.renderedPages(
      glossary: glossary, templates: templates)
    switch to {
    case .site:
      try publishFiles(
        SitePublisher.files(editions: try RenderPipeline.editions(pages, model, templates: templateSet)),
        model)
    case .gitWiki: try publishFiles(WikiPublisher.files(pages: pages), model)
    case .confluenceFiles:
      try publishFiles(
        ConfluencePublisher.files(pages: pages, glossary: model, parent: parent, space: space), model)
    case .mediawiki: try await publishToMediaWiki(pages, model)
    case .confluence: try await publishToConfluence(pages, model)
    }
  }

  private func publishFiles(_ files: [String: Data], _ model: Glossary) throws {
    guard let directory else { return }
    if dryRun {
      let plan: ManagedDirectory.Plan
      do { plan = try ManagedDirectory(directory: URL(fileURLWithPath: directory)).plan(files) } catch {
        printError("samepage: \(error)")
        throw ExitCode(1)
      }
      for path in plan.create { print("would create \(directory)/\(path)") }
      for path in plan.overwrite { print("would update \(directory)/\(path)") }
      for path in plan.unchanged { print("would leave \(directory)/\(path) unchanged") }
      for path in plan.editedByHand {
        print(
          force
            ? "would overwrite \(directory)/\(path) (edited by hand; --force)"
            : "would refuse \(directory)/\(path) (edited by hand since the last run)")
      }
      for path in plan.notOurs {
        print(
          force
            ? "would overwrite \(directory)/\(path) (SamePage did not write it; --force)"
            : "would refuse \(directory)/\(path) (SamePage did not write it)")
      }
      for path in plan.remove { print("would remove \(directory)/\(path) (no longer produced)") }
      for path in plan.keepEdited {
        print("would keep \(directory)/\(path) (no longer produced, edited by hand)")
      }
      if to == .gitWiki { print("would commit the changed pages in \(directory)") }
      // As the real run would: exit 1 when it would refuse.
      if !force && !(plan.editedByHand.isEmpty && plan.notOurs.isEmpty) { throw ExitCode(1) }
      return
    }
    let url = URL(fileURLWithPath: directory)
    try RenderPipeline.write(files, to: directory, force: force) { _ in
      guard to == .gitWiki else { return }
      // Under the lock, and from what is on disk rather than what this run wrote, so a rerun
      // commits pages a failed commit left behind.
      do {
        let version = model.manifest.glossaryVersion?.value ?? ""
        if try WikiPublisher.commitPublishedPages(in: url, version: version) {
          print("committed to \(directory): Publish glossary \(version) with SamePage (push when ready)")
        }
      } catch {
        printError("samepage publish: \(error)")
        throw ExitCode(1)
      }
    }
  }

  /// A line per page on standard error while it is a terminal; nothing when piped or redirected.
  static let progress: @Sendable (String) -> Void = { line in
    guard isatty(STDERR_FILENO) == 1 else { return }
    printError(line)
  }

  private func secret(_ variable: String, for what: String) throws -> String {
    guard let value = ProcessInfo.processInfo.environment[variable], !value.isEmpty else {
      printError(
        "samepage publish: set \(variable) to \(what) (it is read from the environment only, never from the command line)"
      )
      throw ExitCode(2)
    }
    return value
  }

  private func publishToMediaWiki(_ rendered: [RenderedPage], _ model: Glossary) async throws {
    guard let api, let user, let apiURL = URL(string: api),
      apiURL.scheme == "http" || apiURL.scheme == "https"
    else {
      printError("samepage publish: --api must be an http or https URL of api.php")
      throw ExitCode(2)
    }
    let password = try secret(Self.mediaWikiPasswordVariable, for: "the bot password of \(user)")
    let version = model.manifest.glossaryVersion?.value ?? ""
    let titles = try usable { try WikiTitles(option: titlePrefix, glossary: model) }
    let category = try usable { try MediaWikiPublisher.validCategory(self.category) }
    try await remote(target: apiURL.absoluteString) {
      let pages = MediaWikiPublisher.pages(
        rendered, titles: titles, category: category, glossaryVersion: version)
      let publisher = MediaWikiPublisher(
        api: apiURL, user: user, password: password, state: URL(fileURLWithPath: state))
      return try await publisher.publish(
        pages, summary: "Publish glossary \(version) with SamePage", force: force, dryRun: dryRun,
        progress: Self.progress)
    }
  }

  private func publishToConfluence(_ rendered: [RenderedPage], _ model: Glossary) async throws {
    guard let url, let space, let baseURL = URL(string: url),
      baseURL.scheme == "http" || baseURL.scheme == "https"
    else {
      printError("samepage publish: --url must be the http or https base URL of the Confluence site")
      throw ExitCode(2)
    }
    let token = try secret(
      Self.confluenceTokenVariable,
      for: user == nil ? "a Confluence personal access token" : "the Confluence Cloud API token of \(user!)")
    let version = model.manifest.glossaryVersion?.value ?? ""
    let titles = try usable { try WikiTitles(option: titlePrefix, glossary: model) }
    try await remote(target: baseURL.absoluteString) {
      let publisher = ConfluenceRESTPublisher(
        baseURL: baseURL, credentials: user.map { .basic(email: $0, apiToken: token) } ?? .bearer(token),
        space: space, parent: parentID.map { .id($0) } ?? parent.map { .title($0) })
      let pages = ConfluenceRESTPublisher.pages(rendered, titles: titles)
      return try await publisher.publish(
        pages, glossaryVersion: version, force: force, dryRun: dryRun, progress: Self.progress)
    }
  }

  /// A title prefix or category that cannot be used is a usage error: one line, exit status 2.
  private func usable<T>(_ make: () throws -> T) throws -> T {
    do { return try make() } catch {
      printError("samepage publish: \(error)")
      throw ExitCode(2)
    }
  }

  /// Runs a publish to a wiki and tells its outcome: the plan under `--dry-run`, else a summary;
  /// a refusal or failure is one line and exit status 1.
  private func remote(target: String, _ work: () async throws -> (plan: RemotePlan, report: RemoteReport))
    async throws
  {
    do {
      let (plan, report) = try await work()
      if dryRun {
        for line in plan.dryRunLines(force: force) { print(line) }
        // As the real run would: exit 1 when it would refuse.
        if plan.refusal(force: force, target: target) != nil { throw ExitCode(1) }
      } else {
        print("\(report.summary) on \(target)")
      }
    } catch let failure as RemoteFailure {
      printError("samepage: \(failure)")
      throw ExitCode(1)
    } catch let failure as FileSystemFailure {
      printError("samepage: \(failure)")
      throw ExitCode(1)
    } catch let failure as ManagedDirectory.Failure {
      printError("samepage: \(failure)")
      throw ExitCode(1)
    }
  }
}

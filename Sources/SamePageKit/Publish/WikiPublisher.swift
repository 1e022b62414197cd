import Foundation

/// Pages in the layout GitHub, GitLab and Gitea wikis read: `Home.md`, `_Sidebar.md`, one page
/// per term, links by page name without `.md`. Written into an existing clone of the wiki
/// repository and committed; pushing stays the user's step.
public enum WikiPublisher {
  public static func pageName(_ page: Page) -> String {
    switch page {
    case .home: "Home"
    case .sla: "SLA"
    case .glossary: "Glossary"
    case .term(let kind): kind.pageName.prefix(1).uppercased() + kind.pageName.dropFirst()
    }
  }

  public static func files(pages: [RenderedPage]) -> [String: Data] {
    var byHTMLFile: [String: String] = [:]
    for page in pages { byHTMLFile[page.htmlFileName] = pageName(page.page) }
    var files: [String: Data] = [:]
    for page in pages {
      let document = CommonMarkDocument(markdown: page.markdown)
      document.sanitize { url in
        let (path, fragment) = DocumentRenderer.split(DocumentRenderer.htmlLink(url))
        guard let name = byHTMLFile[path] else { return url }
        return name + (fragment.map { "#\($0)" } ?? "")
      }
      files[pageName(page.page) + ".md"] = Data(document.renderCommonMark().utf8)
    }
    var sidebar =
      "**[Home](Home)**\n\n**Documents**\n\n- [Service level agreement](SLA)\n- [Glossary](Glossary)\n\n**Terms**\n\n"
    for page in pages {
      if case .term(let kind) = page.page { sidebar += "- [\(kind.title)](\(pageName(page.page)))\n" }
    }
    files["_Sidebar.md"] = Data(sidebar.utf8)
    return files
  }

  public enum Failure: Error, CustomStringConvertible {
    case notAGitClone(String)

    public var description: String {
      switch self {
      case .notAGitClone(let directory):
        "\(directory) is not a git clone; clone the wiki first, for example: git clone https://github.com/OWNER/REPO.wiki.git \(directory)"
      }
    }
  }

  public static func requireClone(_ directory: URL) throws {
    var isDirectory: ObjCBool = false
    guard
      FileManager.default.fileExists(
        atPath: directory.appendingPathComponent(".git").path, isDirectory: &isDirectory)
    else { throw Failure.notAGitClone(directory.path) }
  }

  /// Commits SamePage's own pages wherever they differ from the last commit, naming the
  /// glossary version; returns false when there was nothing to commit. Decided from the clone,
  /// not from what this run wrote, so a rerun commits what a failed commit left behind. Its
  /// own pages are the manifest's files whose content is still what SamePage wrote (never a hand
  /// edit it kept), files the last commit's manifest listed that are now gone, and the manifest.
  @discardableResult
  public static func commitPublishedPages(in directory: URL, version: String) throws -> Bool {
    let managed = ManagedDirectory(directory: directory)
    let recorded = try managed.recordedFiles()
    var paths = [ManagedDirectory.manifestName]
    for (path, hash) in recorded.sorted(by: { $0.key < $1.key }) {
      if let data = try managed.contents(of: path), ContentHash.sha256(data) == hash { paths.append(path) }
    }
    let committedManifest = try? ProcessRunner.git(
      ["show", "HEAD:\(ManagedDirectory.manifestName)"], in: directory)
    let committed = ManagedDirectory.recordedFiles(inManifest: Data((committedManifest ?? "").utf8))
    var gone: [String] = []
    for path in committed.keys.sorted() where recorded[path] == nil {
      if try managed.contents(of: path) == nil { gone.append(path) }
    }
    if !gone.isEmpty {
      // Only what git tracks: `git add` refuses a pathspec that matches nothing.
      let tracked = try ProcessRunner.git(["ls-files", "-z", "--"] + gone, in: directory)
      paths += tracked.split(separator: "\0").map(String.init)
    }
    try git(["add", "--all", "--"] + paths, in: directory)
    let staged = try ProcessRunner.git(
      ["diff", "--cached", "--name-only", "-z", "--"] + paths, in: directory)
    let changed = staged.split(separator: "\0").map(String.init)
    guard !changed.isEmpty else { return false }
    var identity: [String] = []
    if (try? ProcessRunner.git(["config", "user.email"], in: directory))?.isEmpty ?? true {
      identity = ["-c", "user.name=SamePage", "-c", "user.email=samepage@localhost"]
    }
    do {
      try git(
        identity + ["commit", "--quiet", "-m", "Publish glossary \(version) with SamePage", "--"] + changed,
        in: directory)
    } catch {
      // Unstage the pages again, so a commit the user makes next (finishing a merge, say) does
      // not carry them off under its own message; the rerun commits them.
      _ = try? ProcessRunner.git(["reset", "--quiet", "--"] + changed, in: directory)
      throw error
    }
    return true
  }

  static func git(_ arguments: [String], in directory: URL) throws {
    try ProcessRunner.git(arguments, in: directory)
  }
}

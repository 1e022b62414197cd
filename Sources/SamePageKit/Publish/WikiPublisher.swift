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
    case git(String)

    public var description: String {
      switch self {
      case .notAGitClone(let directory):
        "\(directory) is not a git clone; clone the wiki first, for example: git clone https://github.com/OWNER/REPO.wiki.git \(directory)"
      case .git(let message): "git failed: \(message)"
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

  /// Commits exactly the paths SamePage changed, naming the glossary version. Returns false when
  /// there was nothing to commit.
  @discardableResult
  public static func commit(_ report: ManagedDirectory.Report, in directory: URL, version: String) throws
    -> Bool
  {
    let paths = report.written + report.removed
    guard !paths.isEmpty else { return false }
    try git(["add", "--all", "--", ManagedDirectory.manifestName] + paths, in: directory)
    var identity: [String] = []
    if (try? ProcessRunner.git(["config", "user.email"], in: directory))?.isEmpty ?? true {
      identity = ["-c", "user.name=SamePage", "-c", "user.email=samepage@localhost"]
    }
    try git(
      identity + [
        "commit", "--quiet", "-m", "Publish glossary \(version) with SamePage", "--",
        ManagedDirectory.manifestName,
      ] + paths,
      in: directory)
    return true
  }

  static func git(_ arguments: [String], in directory: URL) throws {
    try ProcessRunner.git(arguments, in: directory)
  }
}

import ArgumentParser
import Foundation
import SamePageKit

/// `samepage publish --to site|git-wiki|confluence DIR`.
struct Publish: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Publish the SLA and glossary as a static site, into a wiki clone, or as Confluence pages.",
    discussion: """
      Idempotent: a second run changes nothing. Never deletes a file it did not write, and refuses \
      to overwrite a page edited by hand since the last publish unless --force.
      """)

  enum Target: String, ExpressibleByArgument, CaseIterable {
    case site
    case gitWiki = "git-wiki"
    case confluence
  }

  @Option(help: "site, git-wiki (an existing clone of a wiki repository) or confluence.")
  var to: Target

  @Argument(help: "The directory to publish into.")
  var directory: String

  @Option(help: "The glossary directory.")
  var glossary = "Glossary"

  @Option(
    help:
      "A folder of Mustache templates that override the bundled ones by name (default: ./Templates when it exists)."
  )
  var templates: String?

  @Option(help: "Confluence: the title of the page to publish under.")
  var parent: String?

  @Option(help: "Confluence: the space key, recorded in the manifest.")
  var space: String?

  @Flag(help: "Overwrite pages edited by hand since the last publish.")
  var force = false

  func run() throws {
    let url = URL(fileURLWithPath: directory)
    if to == .gitWiki {
      do { try WikiPublisher.requireClone(url) } catch {
        printError("samepage publish: \(error)")
        throw ExitCode(2)
      }
    }
    let (pages, model) = try RenderPipeline.renderedPages(glossary: glossary, templates: templates)
    let files: [String: Data]
    switch to {
    case .site:
      files = SitePublisher.files(editions: try RenderPipeline.editions(pages, model, templates: templates))
    case .gitWiki: files = WikiPublisher.files(pages: pages)
    case .confluence:
      files = ConfluencePublisher.files(pages: pages, glossary: model, parent: parent, space: space)
    }
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
}

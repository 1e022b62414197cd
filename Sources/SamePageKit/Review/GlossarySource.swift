import Foundation

/// One side of a comparison: a glossary folder on disk, or the glossary folder as a Git revision
/// holds it, read with `git show` so the work tree is never touched.
public enum GlossarySource: Sendable {
  case folder(String)
  case revision(String, path: String)

  public var description: String {
    switch self {
    case .folder(let path): path
    case .revision(let revision, _): revision
    }
  }

  public enum Failure: Error, CustomStringConvertible {
    case unreadable(String)
    public var description: String {
      switch self {
      case .unreadable(let message): message
      }
    }
  }

  /// A folder when `argument` names one, else a revision of the repository around `folder`.
  public static func resolve(_ argument: String, folder: String) -> GlossarySource {
    var isDirectory: ObjCBool = false
    if FileManager.default.fileExists(atPath: argument, isDirectory: &isDirectory), isDirectory.boolValue {
      return .folder(argument)
    }
    return .revision(argument, path: folder)
  }

  /// The merge base of HEAD with the default branch (origin's, else main or master), the base a
  /// pull request is reviewed against.
  public static func defaultBase(folder: String) throws -> GlossarySource {
    let directory = URL(fileURLWithPath: folder).deletingLastPathComponent()
    for candidate in ["origin/HEAD", "main", "master"] {
      if let base = try? ProcessRunner.git(["merge-base", "HEAD", candidate], in: directory), !base.isEmpty {
        return .revision(String(base.prefix(12)), path: folder)
      }
    }
    throw Failure.unreadable(
      "no base to compare with: there is no origin/HEAD, main or master branch here; name one (samepage diff BASE)"
    )
  }

  public func load() throws -> GlossaryLoader.Result {
    switch self {
    case .folder(let path):
      return GlossaryLoader().load(directory: URL(fileURLWithPath: path), displayDirectory: path)
    case .revision(let revision, let path):
      let absolute = URL(fileURLWithPath: path).standardizedFileURL
      let directory = absolute.hasDirectoryPath ? absolute : absolute.deletingLastPathComponent()
      let parent = FileManager.default.fileExists(atPath: absolute.path) ? absolute : directory
      let top: String
      do {
        top = try ProcessRunner.git(["rev-parse", "--show-toplevel"], in: parent)
        _ = try ProcessRunner.git(["rev-parse", "--verify", "--quiet", "\(revision)^{commit}"], in: parent)
      } catch {
        throw Failure.unreadable("'\(revision)' is neither a glossary folder nor a Git revision here")
      }
      let relative = String(absolute.path.dropFirst(URL(fileURLWithPath: top).standardizedFileURL.path.count))
        .trimmingCharacters(in: CharacterSet(charactersIn: "/"))
      var contents: [GlossaryFileKind: [UInt8]] = [:]
      for kind in GlossaryFileKind.allCases {
        let spec = "\(revision):\(relative.isEmpty ? "" : relative + "/")\(kind.fileName)"
        let result = try ProcessRunner.run(
          URL(fileURLWithPath: "/usr/bin/env"), ["git", "-C", top, "show", spec])
        if result.status == 0 { contents[kind] = Array(result.output.utf8) }
      }
      if contents.isEmpty {
        throw Failure.unreadable(
          "revision \(revision) has no glossary in \(relative.isEmpty ? "." : relative)")
      }
      return GlossaryLoader().load(contents: contents, displayDirectory: "\(revision):\(relative)")
    }
  }
}

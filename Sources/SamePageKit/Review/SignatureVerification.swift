import Foundation

/// Whether each signature in `signatures.yaml` was committed by someone who can prove it: the
/// commit that wrote its line is a signed commit (GPG or SSH) that `git verify-commit` accepts.
///
/// A line in a YAML file proves nothing by itself; anyone who can push can append one. A signed
/// commit ties the line to a key. The commits are found with `git blame` on the signature's
/// lines (the commit that last wrote each of them, uncommitted lines included), so a signature
/// edited after it was added is judged by the commit that edited it.
public struct SignatureVerification: Sendable {
  public struct Commit: Sendable, Equatable {
    public enum Status: String, Sendable {
      /// `git verify-commit` accepts it.
      case verified
      /// The commit carries no signature.
      case unsigned
      /// Signed, but `git verify-commit` refuses it: a bad signature, an unknown or untrusted key,
      /// an expired or revoked one.
      case rejected
      /// The line is in the work tree only.
      case uncommitted
    }

    /// The full hash; empty when uncommitted.
    public var hash: String
    public var status: Status
    /// `ssh` or `gpg`, from the signature in the commit object.
    public var format: String?
    /// Who signed: the principal from the allowed-signers file (SSH), the user id (GPG).
    public var signer: String?
    /// The key: its fingerprint (SSH) or key id and fingerprint (GPG).
    public var key: String?
    /// What git said, in one line, when it refused.
    public var detail: String?

    public var shortHash: String { String(hash.prefix(12)) }
  }

  public struct Entry: Sendable {
    public var signature: Signature
    /// Every commit that wrote one of the signature's lines, oldest line first.
    public var commits: [Commit]

    public var isVerified: Bool { !commits.isEmpty && commits.allSatisfy { $0.status == .verified } }
  }

  public enum Failure: Error, CustomStringConvertible {
    case notInRepository(String)
    public var description: String {
      switch self {
      case .notInRepository(let folder):
        "\(folder) is not in a Git repository; --verify checks the commits that recorded each signature"
      }
    }
  }

  public var entries: [Entry]

  /// Verifies every signature of `glossary`, whose folder is `directory`.
  public init(glossary: Glossary, directory: URL) throws {
    let file = directory.appendingPathComponent(Signature.fileName)
    guard (try? ProcessRunner.git(["rev-parse", "--show-toplevel"], in: directory)) != nil else {
      throw Failure.notInRepository(glossary.directory)
    }
    let lineCount =
      ((try? String(contentsOf: file, encoding: .utf8)) ?? "")
      .split(separator: "\n", omittingEmptySubsequences: false).count
    let signatures = glossary.signatures.sorted { $0.location.line < $1.location.line }
    // A file Git does not track yet has no commit to blame: every signature in it is uncommitted.
    let tracked = try ProcessRunner.git(["ls-files", "--", Signature.fileName], in: directory)
    guard !tracked.isEmpty else {
      entries = signatures.map { Entry(signature: $0, commits: [Commit(hash: "", status: .uncommitted)]) }
      return
    }
    var verified: [String: Commit] = [:]
    entries = try signatures.enumerated().map { index, signature in
      let first = signature.location.line
      // An entry runs to the line before the next one (block-style entries span several lines).
      let last = max(first, index + 1 < signatures.count ? signatures[index + 1].location.line - 1 : first)
      let hashes = try Self.blame(
        Signature.fileName, lines: first...min(last, max(first, lineCount)), in: directory)
      let commits = try hashes.map { hash in
        if let known = verified[hash] { return known }
        let commit = try Self.verify(hash, in: directory)
        verified[hash] = commit
        return commit
      }
      return Entry(signature: signature, commits: commits)
    }
  }

  /// The commits that last wrote `lines` of `path`, in line order, each once.
  static func blame(_ path: String, lines: ClosedRange<Int>, in directory: URL) throws -> [String] {
    let output = try ProcessRunner.git(
      ["blame", "--porcelain", "-L", "\(lines.lowerBound),\(lines.upperBound)", "--", path], in: directory)
    var hashes: [String] = []
    for line in output.split(separator: "\n") {
      let fields = line.split(separator: " ")
      guard fields.count >= 3, fields[0].count == 40, fields[0].allSatisfy(\.isHexDigit) else { continue }
      let hash = String(fields[0])
      if !hashes.contains(hash) { hashes.append(hash) }
    }
    return hashes
  }

  static func verify(_ hash: String, in directory: URL) throws -> Commit {
    if hash.allSatisfy({ $0 == "0" }) { return Commit(hash: "", status: .uncommitted) }
    let git = URL(fileURLWithPath: "/usr/bin/env")
    let object = try ProcessRunner.run(git, ["git", "-C", directory.path, "cat-file", "commit", hash])
    let header = object.output.components(separatedBy: "\n\n").first ?? ""
    let format: String? =
      header.contains("-----BEGIN SSH SIGNATURE-----")
      ? "ssh" : header.contains("-----BEGIN PGP SIGNATURE-----") ? "gpg" : nil
    guard format != nil || header.contains("\ngpgsig") else {
      return Commit(hash: hash, status: .unsigned)
    }
    let accepted = try ProcessRunner.run(git, ["git", "-C", directory.path, "verify-commit", hash])
    // %G? the verdict, %GS the signer, %GK the key, %GF its fingerprint (empty for SSH).
    let details = try ProcessRunner.run(
      git, ["git", "-C", directory.path, "log", "-1", "--format=%G?%x1f%GS%x1f%GK%x1f%GF", hash])
    let fields = details.output.trimmingCharacters(in: .newlines).components(separatedBy: "\u{1f}")
    func field(_ index: Int) -> String? {
      index < fields.count && !fields[index].isEmpty ? fields[index] : nil
    }
    let key = [field(2), field(3)].compactMap { $0 }.reduce(into: [String]()) { keys, key in
      if !keys.contains(key) { keys.append(key) }
    }.joined(separator: ", ")
    var commit = Commit(
      hash: hash, status: accepted.status == 0 ? .verified : .rejected, format: format, signer: field(1),
      key: key.isEmpty ? nil : key)
    if accepted.status != 0 {
      commit.detail = Self.reason(verdict: field(0), gitSays: accepted.error)
    }
    return commit
  }

  /// Why git refused, in words: its verdict letter, and its last line when that says more.
  static func reason(verdict: String?, gitSays message: String) -> String {
    let said = message.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
      .last { !$0.isEmpty }
    let meaning =
      switch verdict {
      case "B": "the signature does not match the commit (bad signature)"
      case "X": "the signature has expired"
      case "Y": "the key has expired"
      case "R": "the key has been revoked"
      case "E": "the signature cannot be checked (the key is not known here)"
      case "U": "the key is not trusted"
      default: "git verify-commit does not accept it"
      }
    return said.map { "\(meaning): \($0)" } ?? meaning
  }

  /// The signatures git cannot vouch for, as diagnostics at their lines: notes, or errors when
  /// signatures must be verified (`--require-signed`, for the release branch).
  public func diagnostics(required: Bool) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    for entry in entries where !entry.isVerified {
      let signature = entry.signature
      let who =
        "\(signature.name.value)'s signature for \(signature.party.value.rawValue) (\(signature.date.value))"
      for commit in entry.commits where commit.status != .verified {
        let summary: String
        let fix: String
        switch commit.status {
        case .uncommitted:
          summary = "\(who) is not committed yet, so no signed commit vouches for it"
          fix = "commit it as a signed commit: git commit -S"
        case .unsigned:
          summary = "\(who) was recorded in commit \(commit.shortHash), which is not signed"
          fix =
            "make the commit that records it a signed one (git commit --amend -S, if it is the last and not pushed); for next time, git config commit.gpgsign true"
        case .rejected:
          summary =
            "\(who) was recorded in commit \(commit.shortHash), whose signature git does not accept: \(commit.detail ?? "")"
          fix =
            "add the signer's key to gpg.ssh.allowedSignersFile (SSH) or the GPG keyring if it is theirs; otherwise the signature is not theirs"
        case .verified: continue
        }
        diagnostics.append(
          Diagnostic(
            id: "signature.unverified-commit", severity: required ? .error : .note,
            location: signature.location, summary: summary, fix: fix))
      }
    }
    return diagnostics
  }

  /// One line per signature git vouches for: who, which commit, which key.
  public func verifiedLines() -> [String] {
    entries.filter(\.isVerified).map { entry in
      let signature = entry.signature
      let commits = entry.commits.map { commit in
        "commit \(commit.shortHash) signed with \(commit.format.map { $0.uppercased() + " " } ?? "")key \(commit.key ?? "?") by \(commit.signer ?? "?")"
      }
      return
        "\(signature.location): \(signature.party.value.rawValue), \(signature.name.value) (\(signature.date.value)): \(commits.joined(separator: "; ")); git verify-commit accepts it"
    }
  }
}

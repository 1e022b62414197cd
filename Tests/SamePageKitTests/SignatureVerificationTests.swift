import Foundation
import SamePageKit
import Testing

/// `samepage sign --verify` with real keys made for the test: a throwaway SSH key (and a GPG key
/// in a throwaway GNUPGHOME), a repository whose signatures are recorded in signed, unsigned,
/// foreign-signed and tampered commits. Skipped only where ssh-keygen or gpg is missing
/// (Scripts/bootstrap installs them).
@Suite struct SignatureVerificationTests {
  static let hasSSHKeygen = FileManager.default.isExecutableFile(atPath: "/usr/bin/ssh-keygen")
  static let hasGPG = FileManager.default.isExecutableFile(atPath: "/usr/bin/gpg")

  /// A repository with the starter committed (unsigned) and Dana's SSH key trusted for signing.
  struct SigningRepo {
    let folder: TemporaryDirectory
    var url: URL { folder.url.appendingPathComponent("repo") }
    var keys: URL { folder.url.appendingPathComponent("keys") }

    init() throws {
      folder = try TemporaryDirectory()
      try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
      try FileManager.default.createDirectory(at: keys, withIntermediateDirectories: true)
      try git("init", "-q", "-b", "main")
      try git("config", "user.email", "dana.whitfield@keystone-supply.example")
      try git("config", "user.name", "Dana Whitfield")
      try git("config", "commit.gpgsign", "false")
      try git("config", "gpg.format", "ssh")
      let dana = try makeKey("dana")
      try git("config", "user.signingkey", keys.appendingPathComponent("dana").path)
      // Only Dana's key is trusted: the allowed-signers file names her principal and key.
      try Data("dana.whitfield@keystone-supply.example namespaces=\"git\" \(dana)\n".utf8).write(
        to: keys.appendingPathComponent("allowed_signers"))
      try git("config", "gpg.ssh.allowedSignersFile", keys.appendingPathComponent("allowed_signers").path)
      #expect(try samepage("init").status == 0)
      try git("add", "-A")
      try git("commit", "-q", "-m", "The starter")
    }

    /// A new ed25519 key without a passphrase; returns its public key line.
    func makeKey(_ name: String) throws -> String {
      let path = keys.appendingPathComponent(name).path
      let made = try ProcessRunner.run(
        URL(fileURLWithPath: "/usr/bin/ssh-keygen"),
        ["-q", "-t", "ed25519", "-N", "", "-C", name, "-f", path])
      try #require(made.status == 0, "ssh-keygen: \(made.error)")
      return try String(contentsOfFile: path + ".pub", encoding: .utf8).trimmingCharacters(
        in: .whitespacesAndNewlines)
    }

    @discardableResult
    func git(_ arguments: String...) throws -> String { try ProcessRunner.git(arguments, in: url) }

    func samepage(_ arguments: String...) throws -> ProcessRunner.Result {
      try ProcessRunner.run(CLITests.binary, arguments, currentDirectory: url)
    }

    func sign(_ party: String, date: String) throws {
      let signed = try samepage("sign", "--party", party, "--date", date)
      try #require(signed.status == 0, "\(signed.error)")
    }
  }

  @Test(.enabled(if: hasSSHKeygen))
  func aSignatureInASignedCommitIsVerifiedAndOneInAnUnsignedCommitIsNot() throws {
    let repo = try SigningRepo()
    try repo.sign("marketing", date: "2026-09-28")

    // Not committed yet: nothing vouches for it.
    let pending = try repo.samepage("sign", "--verify")
    #expect(pending.status == 0, "\(pending.error)")
    #expect(
      pending.output.contains(
        "Glossary/signatures.yaml:6:5: note: Dana Whitfield's signature for marketing (2026-09-28) is not committed yet"
      ), "\(pending.output)")

    try repo.git("add", "-A")
    try repo.git("commit", "-q", "-S", "-m", "Marketing signs 2.3.0")
    let signedCommit = String(try repo.git("rev-parse", "HEAD").prefix(12))
    try repo.sign("sales", date: "2026-09-30")
    try repo.git("add", "-A")
    try repo.git("commit", "-q", "-m", "Sales signs 2.3.0, without signing the commit")
    let unsignedCommit = String(try repo.git("rev-parse", "HEAD").prefix(12))

    let fingerprint = try ProcessRunner.run(
      URL(fileURLWithPath: "/usr/bin/ssh-keygen"),
      ["-l", "-f", repo.keys.appendingPathComponent("dana.pub").path]
    ).output.split(separator: " ")[1]
    let verify = try repo.samepage("sign", "--verify")
    #expect(verify.status == 0, "\(verify.output) \(verify.error)")
    #expect(
      verify.output.contains(
        "Glossary/signatures.yaml:6:5: marketing, Dana Whitfield (2026-09-28): commit \(signedCommit) signed with SSH key \(fingerprint) by dana.whitfield@keystone-supply.example; git verify-commit accepts it"
      ), "\(verify.output)")
    #expect(
      verify.output.contains(
        "Glossary/signatures.yaml:7:5: note: Marcus Oyelaran's signature for sales (2026-09-30) was recorded in commit \(unsignedCommit), which is not signed [signature.unverified-commit]"
      ), "\(verify.output)")
    #expect(verify.output.contains("1 of 2 signatures recorded in commits git verify-commit accepts"))

    // For the release branch it is an error.
    let required = try repo.samepage("sign", "--verify", "--require-signed")
    #expect(required.status == 1)
    #expect(required.output.contains("Glossary/signatures.yaml:7:5: error: Marcus Oyelaran's signature"))
    #expect(!required.output.contains("Glossary/signatures.yaml:6:5: error"))
  }

  @Test(.enabled(if: hasSSHKeygen))
  func anUnknownSignerAndATamperedCommitAreRejected() throws {
    let repo = try SigningRepo()
    // Mallory signs the commit with a key the allowed-signers file does not name.
    _ = try repo.makeKey("mallory")
    try repo.sign("marketing", date: "2026-09-28")
    try repo.git("add", "-A")
    try repo.git(
      "-c", "user.signingkey=\(repo.keys.appendingPathComponent("mallory").path)", "commit", "-q", "-S", "-m",
      "Marketing signs (really Mallory)")
    let unknown = try repo.samepage("sign", "--verify", "--require-signed")
    #expect(unknown.status == 1)
    #expect(
      unknown.output.contains(
        "error: Dana Whitfield's signature for marketing (2026-09-28) was recorded in commit"),
      "\(unknown.output)")
    #expect(unknown.output.contains("whose signature git does not accept"), "\(unknown.output)")

    // A commit Dana signed, altered afterwards (its message rewritten, her signature kept).
    try repo.git("reset", "-q", "--hard", "HEAD~1")
    try repo.sign("marketing", date: "2026-09-28")
    try repo.git("add", "-A")
    try repo.git("commit", "-q", "-S", "-m", "Marketing signs 2.3.0")
    #expect(try repo.samepage("sign", "--verify", "--require-signed").status == 0)
    let object = try repo.git("cat-file", "commit", "HEAD")
    try #require(object.contains("-----BEGIN SSH SIGNATURE-----"))
    let tampered = object.replacingOccurrences(of: "Marketing signs 2.3.0", with: "Marketing signs 3.0.0")
    let forgery = repo.folder.url.appendingPathComponent("forged-commit")
    try Data((tampered + "\n").utf8).write(to: forgery)
    let forged = try repo.git("hash-object", "-t", "commit", "-w", forgery.path)
    try repo.git("reset", "-q", "--hard", forged)
    let bad = try repo.samepage("sign", "--verify", "--require-signed")
    #expect(bad.status == 1, "\(bad.output)")
    #expect(bad.output.contains("whose signature git does not accept"), "\(bad.output)")
  }

  @Test(.enabled(if: hasGPG))
  func aGPGSignedCommitIsVerifiedWithItsKey() throws {
    let repo = try SigningRepo()
    let home = repo.folder.url.appendingPathComponent("gnupg")
    try FileManager.default.createDirectory(
      at: home, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
    let environment = ["GNUPGHOME": home.path]
    // gpg starts an agent for this home; stop it when the test ends.
    defer {
      _ = try? ProcessRunner.run(
        URL(fileURLWithPath: "/usr/bin/env"), ["gpgconf", "--kill", "gpg-agent"], environment: environment)
    }
    let made = try ProcessRunner.run(
      URL(fileURLWithPath: "/usr/bin/gpg"),
      [
        "--batch", "--pinentry-mode", "loopback", "--passphrase", "", "--quick-gen-key",
        "Dana Whitfield <dana.whitfield@keystone-supply.example>",
        "ed25519", "sign", "never",
      ], environment: environment)
    try #require(made.status == 0, "gpg: \(made.error)")
    try repo.git("config", "gpg.format", "openpgp")
    try repo.git("config", "user.signingkey", "dana.whitfield@keystone-supply.example")
    try repo.sign("marketing", date: "2026-09-28")
    try repo.git("add", "-A")
    let commit = try ProcessRunner.run(
      URL(fileURLWithPath: "/usr/bin/env"),
      ["git", "-C", repo.url.path, "commit", "-q", "-S", "-m", "Marketing signs"],
      environment: environment)
    try #require(commit.status == 0, "\(commit.error)")
    let verify = try ProcessRunner.run(
      CLITests.binary, ["sign", "--verify", "--require-signed"], environment: environment,
      currentDirectory: repo.url)
    #expect(verify.status == 0, "\(verify.output) \(verify.error)")
    #expect(
      verify.output.contains("signed with GPG key")
        && verify.output.contains("by Dana Whitfield <dana.whitfield@keystone-supply.example>"),
      "\(verify.output)")
    // Without the key (another GNUPGHOME) git cannot check it: rejected, never accepted.
    let elsewhere = try TemporaryDirectory()
    let unknown = try ProcessRunner.run(
      CLITests.binary, ["sign", "--verify", "--require-signed"],
      environment: ["GNUPGHOME": elsewhere.url.path],
      currentDirectory: repo.url)
    #expect(unknown.status == 1, "\(unknown.output)")
    #expect(unknown.output.contains("whose signature git does not accept"), "\(unknown.output)")
  }

  @Test func outsideAGitRepositoryVerifyExitsTwo() throws {
    let folder = try TemporaryDirectory()
    #expect(try ProcessRunner.run(CLITests.binary, ["init"], currentDirectory: folder.url).status == 0)
    #expect(
      try ProcessRunner.run(
        CLITests.binary, ["sign", "--party", "marketing"], currentDirectory: folder.url
      ).status == 0)
    let run = try ProcessRunner.run(CLITests.binary, ["sign", "--verify"], currentDirectory: folder.url)
    #expect(run.status == 2)
    #expect(run.error.contains("Glossary is not in a Git repository"), "\(run.error)")
  }
}

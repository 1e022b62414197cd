import Foundation
import SamePageKit
import Testing

/// The CI recipes in docs/ci/ (GitHub Actions and GitLab CI) as a team would run them: every
/// `samepage` command line in them, in a repository with two commits — the agreement on main and
/// a reviewed, signed change on a branch. (The files' validity against the published workflow
/// schemas is checked by Scripts/test with check-jsonschema.)
@Suite struct CIRecipeTests {
  static let recipes = ["docs/ci/github-workflow.yml", "docs/ci/gitlab-ci.yml"]

  /// The command lines of a recipe, its CI variables replaced by what they hold on a pull request
  /// from `change` into `main`.
  static func commands(_ recipe: String) throws -> [String] {
    let text = try String(contentsOf: Repository.root.appendingPathComponent(recipe), encoding: .utf8)
    return text.split(separator: "\n").compactMap { line -> String? in
      var command = line.trimmingCharacters(in: .whitespaces)
      for prefix in ["- run: ", "run: ", "- "] where command.hasPrefix(prefix) {
        command.removeFirst(prefix.count)
      }
      guard command.hasPrefix("samepage ") else { return nil }
      return
        command
        .replacingOccurrences(of: "${{ github.base_ref }}", with: "main")
        .replacingOccurrences(of: "$CI_MERGE_REQUEST_TARGET_BRANCH_NAME", with: "main")
    }
  }

  @Test(arguments: recipes)
  func everySamePageCommandOfTheRecipeRunsOnAPullRequest(_ recipe: String) throws {
    let commands = try Self.commands(recipe)
    #expect(commands.count >= 5, "\(recipe) has \(commands.count) samepage commands")
    let repo = try DiffTests.Repo()  // main: the starter; now on branch `change`
    func sh(_ script: String) throws -> ProcessRunner.Result {
      try ProcessRunner.run(
        URL(fileURLWithPath: "/bin/sh"), ["-c", script],
        environment: [
          "PATH": CLITests.binary.deletingLastPathComponent().path + ":"
            + (ProcessInfo.processInfo.environment["PATH"] ?? "")
        ],
        currentDirectory: repo.url)
    }
    // History to score, committed on main as a team keeps its CRM exports.
    try repo.git("checkout", "-q", "main")
    #expect(
      try sh(
        "samepage emit-config --out /tmp/recipe-config-$$.json && samepage sample-data --config /tmp/recipe-config-$$.json --leads 300 --events 6000 --out history && rm /tmp/recipe-config-$$.json"
      ).status == 0)
    try repo.git("add", "-A")
    try repo.git("commit", "-q", "-m", "CRM history")
    try repo.git("remote", "add", "origin", repo.url.path)
    try repo.git("fetch", "-q", "origin")
    // The change: a behavioural edit with the version, change log and dates to match, signed.
    try repo.git("checkout", "-q", "-b", "raise-threshold")
    try repo.edit("lead-scoring.yaml", "    engagement: 50\n", "    engagement: 60\n")
    try repo.edit("samepage.yaml", "glossary_version: 2.3.0", "glossary_version: 2.4.0")
    try repo.edit(
      "sla.yaml", "  - {version: 2.3.0,",
      "  - {version: 2.4.0, date: 2026-10-01, summary: MQL engagement threshold raised to 60}\n  - {version: 2.3.0,"
    )
    try repo.edit(
      "sla.yaml", "  - {version: 2.3.0, date: 2026-10-01,", "  - {version: 2.3.0, date: 2026-09-01,")
    #expect(try sh("samepage sign --party marketing && samepage sign --party sales").status == 0)
    // The signatures go in a signed commit, by a key the repository's .gitsigners trusts (the
    // recipe points gpg.ssh.allowedSignersFile at it before `sign --verify`).
    let keys = try TemporaryDirectory()
    let canSign = SignatureVerificationTests.hasSSHKeygen
    if canSign {
      let key = keys.url.appendingPathComponent("signer").path
      let made = try ProcessRunner.run(
        URL(fileURLWithPath: "/usr/bin/ssh-keygen"), ["-q", "-t", "ed25519", "-N", "", "-f", key])
      try #require(made.status == 0, "\(made.error)")
      let publicKey = try String(contentsOfFile: key + ".pub", encoding: .utf8)
      try Data("test@example.com namespaces=\"git\" \(publicKey)".utf8).write(
        to: repo.url.appendingPathComponent(".gitsigners"))
      try repo.git("config", "gpg.format", "ssh")
      try repo.git("config", "user.signingkey", key)
      try repo.git(
        "config", "gpg.ssh.allowedSignersFile", repo.url.appendingPathComponent(".gitsigners").path)
    }
    try repo.git("add", "-A")
    try repo.git("commit", "-q", canSign ? "-S" : "--no-gpg-sign", "-m", "Raise the MQL engagement threshold")

    for command in commands {
      if command.contains("--pdf") && PDFPrinter.find() == nil && PDFTests.skip { continue }
      if command.contains("sign --verify") && !canSign { continue }
      let run = try sh(command)
      #expect(
        run.status == 0,
        "\(recipe): `\(command)` exited \(run.status): \(run.error) \(run.output.suffix(600))")
    }
    let review = try String(contentsOf: repo.url.appendingPathComponent("review.md"), encoding: .utf8)
    #expect(review.contains("| behavioural |"))
    #expect(review.contains("### What the change does to the numbers (2.3.0 → 2.4.0)"))
  }
}

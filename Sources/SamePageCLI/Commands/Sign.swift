import ArgumentParser
import Foundation
import SamePageKit

/// `samepage sign --party marketing`: records a signature on the agreement as it stands.
struct Sign: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Record a party's signature on the agreement exactly as it stands.",
    discussion: """
      Appends a line to GLOSSARY/signatures.yaml with the party, name, title, date and the \
      SHA-256 of the term files. Editing any term file afterwards makes the signature stale. \
      Exit status: 0 signed (or already signed), 1 the glossary has errors or the name is not \
      the party's signatory, 2 unusable input.

      --verify signs nothing: for each signature in signatures.yaml it finds the commit that \
      wrote it (git blame) and asks git verify-commit whether that commit is signed with a key \
      git trusts (GPG, or SSH with gpg.ssh.allowedSignersFile), and by whom. A signature no \
      signed commit vouches for is a note, an error with --require-signed (exit 1); outside a \
      Git repository it exits 2.
      """)

  @Option(help: "The glossary directory.")
  var glossary = "Glossary"

  @Option(help: "The party signing: marketing or sales.")
  var party: PartyArgument?

  @Flag(help: "Sign nothing; check that each signature was recorded in a commit git verify-commit accepts.")
  var verify = false

  @Flag(help: "With --verify: a signature without a verified commit is an error (exit 1), not a note.")
  var requireSigned = false

  @Option(help: "Who signs (default: the party's signatory in sla.yaml, which it must match).")
  var name: String?

  @Option(help: "The signer's title (default: the signatory's title in sla.yaml).")
  var title: String?

  @Option(help: "The date of signing, YYYY-MM-DD (default: today in the SLA's time zone).")
  var date: String?

  enum PartyArgument: String, ExpressibleByArgument, CaseIterable {
    case marketing, sales
    var party: Party { Party(rawValue: rawValue)! }
  }

  func validate() throws {
    if verify {
      if party != nil || name != nil || title != nil || date != nil {
        throw ValidationError("--verify signs nothing; leave out --party, --name, --title and --date")
      }
    } else {
      if party == nil { throw ValidationError("name the party signing: --party marketing or --party sales") }
      if requireSigned { throw ValidationError("--require-signed goes with --verify") }
    }
  }

  func run() throws {
    guard let party else { return try verifySignatures() }
    let valid = try RenderPipeline.validGlossary(glossary, before: "signing")
    let signatory = valid.sla.parties.first { $0.party.value == party.party }?.signatory
    guard let signatory else {
      printError("samepage: sla.yaml names no signatory for \(party.rawValue); add one before signing")
      throw ExitCode(1)
    }
    let signer = name ?? signatory.name.value
    guard signer == signatory.name.value else {
      printError(
        "samepage: sla.yaml names \(signatory.name.value) as the signatory for \(party.rawValue), not \(signer); "
          + "sign as \(signatory.name.value), or change the signatory in sla.yaml (which changes the content to sign)"
      )
      throw ExitCode(1)
    }
    let signedOn = try signingDate(timeZone: valid.sla.calendar?.timeZone?.value)
    let sign = SignOff(valid)
    if case .signed(let existing) = sign.parties.first(where: { $0.party == party.party })?.state {
      print(
        "\(existing.name.value) already signed this content for \(party.rawValue) on \(existing.date.value)")
      return
    }
    let url = URL(fileURLWithPath: glossary).appendingPathComponent(Signature.fileName)
    let existing =
      FileManager.default.fileExists(atPath: url.path) ? try String(contentsOf: url, encoding: .utf8) : nil
    let entry = SignatureFile.Entry(
      party: party.party, name: signer, title: title ?? signatory.title?.value, date: signedOn,
      version: valid.manifest.glossaryVersion?.value, content: valid.contentHash)
    do {
      try AtomicFile.write(Data(SignatureFile.appending(entry, to: existing).utf8), to: url)
    } catch let failure as FileSystemFailure {
      printError("samepage: \(failure)")
      throw ExitCode(1)
    }
    let others = sign.parties.filter { state in
      guard state.party != party.party else { return false }
      if case .signed = state.state { return false }
      return true
    }
    let version = valid.manifest.glossaryVersion.map { " version \($0.value)" } ?? ""
    print("\(signer) signed\(version) for \(party.rawValue) (\(valid.contentHash.prefix(19))…)")
    print(
      others.isEmpty
        ? "every party has signed this content; the SLA is no longer a draft"
        : "\(others.map(\.party.rawValue).joined(separator: " and ")) has not signed it yet; the SLA stays a draft"
    )
  }

  /// `--verify`: which signatures a signed commit vouches for.
  private func verifySignatures() throws {
    let loaded = GlossaryLoader().load(directory: URL(fileURLWithPath: glossary), displayDirectory: glossary)
    guard let signed = loaded.glossary, !loaded.hasUnreadableInput else {
      print(TextDiagnosticWriter(colored: Terminal.wantsColor).write(loaded.diagnostics), terminator: "")
      printError("samepage: the glossary cannot be read (above)")
      throw ExitCode(2)
    }
    guard !signed.signatures.isEmpty else {
      print("\(glossary)/\(Signature.fileName) records no signature; nothing to verify")
      if requireSigned { throw ExitCode(1) }
      return
    }
    let verification: SignatureVerification
    do {
      verification = try SignatureVerification(glossary: signed, directory: URL(fileURLWithPath: glossary))
    } catch let failure where failure is SignatureVerification.Failure || failure is ProcessRunner.GitFailure
    {
      printError("samepage: \(failure)")
      throw ExitCode(2)
    }
    for line in verification.verifiedLines() { print(line) }
    let findings = verification.diagnostics(required: requireSigned)
    if !findings.isEmpty {
      // The writer's own tally ("no problems found" under notes) would contradict the line below.
      let written = TextDiagnosticWriter(colored: Terminal.wantsColor).write(findings)
      print(
        written.split(separator: "\n", omittingEmptySubsequences: false).dropLast(2).joined(separator: "\n"))
    }
    let good = verification.entries.filter(\.isVerified).count
    print("\(good) of \(verification.entries.count) signatures recorded in commits git verify-commit accepts")
    if findings.hasErrors { throw ExitCode(1) }
  }

  private func signingDate(timeZone: String?) throws -> CalendarDate {
    if let date {
      guard let parsed = CalendarDate(date) else {
        throw ValidationError("--date '\(date)' is not a real date written YYYY-MM-DD")
      }
      return parsed
    }
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = timeZone.flatMap(TimeZone.init(identifier:)) ?? TimeZone(identifier: "UTC")!
    let parts = calendar.dateComponents([.year, .month, .day], from: Date())
    return CalendarDate(String(format: "%04d-%02d-%02d", parts.year!, parts.month!, parts.day!))!
  }
}

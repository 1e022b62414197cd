import Foundation

/// Load and resolve: reads every file of a glossary directory and builds the typed `Glossary`.
///
/// Files are read independently, so a problem in one never hides problems in another, and
/// references between files are left as ids for the rules to check, so file order never matters.
public struct GlossaryLoader: Sendable {
  public var yaml = YAMLLoader()

  public init() {}

  public struct Result: Sendable {
    /// Nil when a file is missing or unreadable, or a field could not be read: rules need the
    /// whole model, and checking half of it would report consequences instead of causes.
    public var glossary: Glossary?
    public var diagnostics: [Diagnostic]
    /// How many glossary files were found and read (successfully or not).
    public var filesRead: Int

    /// True when some input could not be read as YAML at all (as opposed to YAML that says
    /// something wrong): the CLI exits 2 for this, like a compiler given a binary file.
    public var hasUnreadableInput: Bool {
      diagnostics.contains {
        $0.severity == .error
          && ($0.id.hasPrefix("load.") || $0.id.hasPrefix("yaml.") || $0.id == "glossary.no-directory")
      }
    }
  }

  /// - Parameter displayDirectory: the directory as the user named it; diagnostics use it as the
  ///   prefix of every path (`Glossary/sla.yaml`).
  public func load(directory: URL, displayDirectory: String) -> Result {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory),
      isDirectory.boolValue
    else {
      return Result(
        glossary: nil,
        diagnostics: [
          Diagnostic(
            id: "glossary.no-directory", severity: .error, location: nil,
            summary: "'\(displayDirectory)' is not a directory",
            fix: "pass the glossary directory, or run 'samepage init \(displayDirectory)' to create one")
        ],
        filesRead: 0)
    }

    var diagnostics: [Diagnostic] = []
    var files: [GlossaryFileKind: GlossaryFile] = [:]
    var filesChecked = 0
    // The files parse on every core (parsing is most of loading); results stay in kind order.
    let kinds = GlossaryFileKind.allCases
    let outcomes = concurrentMap(kinds.count) { [yaml] index -> YAMLLoader.Outcome? in
      let url = directory.appendingPathComponent(kinds[index].fileName)
      guard FileManager.default.fileExists(atPath: url.path) else { return nil }
      return yaml.load(contentsOf: url, displayPath: join(displayDirectory, kinds[index].fileName))
    }
    for (kind, outcome) in zip(kinds, outcomes) {
      switch outcome {
      case nil:
        let path = join(displayDirectory, kind.fileName)
        diagnostics.append(Self.missingFile(kind, path: path, directory: displayDirectory))
      case .loaded(let file)?:
        filesChecked += 1
        files[kind] = file
      case .failed(let failures)?:
        filesChecked += 1
        diagnostics += failures
      }
    }
    var signatures: GlossaryFile?
    let signaturesURL = directory.appendingPathComponent(Signature.fileName)
    if FileManager.default.fileExists(atPath: signaturesURL.path) {
      switch yaml.load(contentsOf: signaturesURL, displayPath: join(displayDirectory, Signature.fileName)) {
      case .loaded(let file): signatures = file
      case .failed(let failures): diagnostics += failures
      }
    }
    var translations: [(locale: String, file: GlossaryFile)] = []
    let translationsURL = directory.appendingPathComponent(Translation.directory)
    for name in ((try? FileManager.default.contentsOfDirectory(atPath: translationsURL.path)) ?? []).sorted()
    where name.hasSuffix(".yaml") {
      let display = join(join(displayDirectory, Translation.directory), name)
      switch yaml.load(contentsOf: translationsURL.appendingPathComponent(name), displayPath: display) {
      case .loaded(let file): translations.append((String(name.dropLast(".yaml".count)), file))
      case .failed(let failures): diagnostics += failures
      }
    }
    diagnostics += strayFiles(in: directory, displayDirectory: displayDirectory)
    return resolve(
      files, signatures: signatures, translations: translations, diagnostics: diagnostics,
      filesRead: filesChecked, displayDirectory: displayDirectory)
  }

  /// Loads a glossary whose files are already in memory, as `load(directory:)` would from disk;
  /// a kind without contents is a missing file. The fuzzer checks glossaries this way.
  public func load(contents: [GlossaryFileKind: [UInt8]], displayDirectory: String) -> Result {
    var diagnostics: [Diagnostic] = []
    var files: [GlossaryFileKind: GlossaryFile] = [:]
    for kind in GlossaryFileKind.allCases {
      let path = join(displayDirectory, kind.fileName)
      guard let bytes = contents[kind] else {
        diagnostics.append(Self.missingFile(kind, path: path, directory: displayDirectory))
        continue
      }
      switch yaml.parse(bytes, displayPath: path) {
      case .loaded(let file): files[kind] = file
      case .failed(let failures): diagnostics += failures
      }
    }
    return resolve(
      files, diagnostics: diagnostics, filesRead: contents.count, displayDirectory: displayDirectory)
  }

  private static func missingFile(_ kind: GlossaryFileKind, path: String, directory: String) -> Diagnostic {
    Diagnostic(
      id: "glossary.missing-file", severity: .error, location: nil,
      summary: "\(kind.title.lowercased()) is missing: no file \(path)",
      fix:
        "run 'samepage init --missing \(directory.isEmpty ? "." : directory)' to write the starter's file for every missing term"
    )
  }

  private func resolve(
    _ files: [GlossaryFileKind: GlossaryFile], signatures: GlossaryFile? = nil,
    translations: [(locale: String, file: GlossaryFile)] = [], diagnostics: [Diagnostic], filesRead: Int,
    displayDirectory: String
  ) -> Result {
    var diagnostics = diagnostics
    guard files.count == GlossaryFileKind.allCases.count, !diagnostics.hasErrors else {
      return Result(glossary: nil, diagnostics: diagnostics.sorted(), filesRead: filesRead)
    }
    let context = ReadContext()
    var glossary = Self.resolve(files, directory: displayDirectory, context: context)
    if let signatures { glossary?.signatures = Signature.readFile(signatures, in: context) }
    glossary?.translations = translations.map { Translation.read($0.file, locale: $0.locale, in: context) }
    diagnostics += context.diagnostics
    return Result(
      glossary: diagnostics.hasErrors ? nil : glossary, diagnostics: diagnostics.sorted(),
      filesRead: filesRead)
  }

  /// The bundled starter glossary, parsed once; templates are checked against it because it
  /// fills every section.
  public static let starterGlossary: Glossary = {
    let loader = YAMLLoader()
    var files: [GlossaryFileKind: GlossaryFile] = [:]
    for kind in GlossaryFileKind.allCases {
      guard let text = StarterGlossary.files.first(where: { $0.path == kind.fileName })?.contents,
        case .loaded(let file) = loader.parse(Array(text.utf8), displayPath: kind.fileName)
      else { preconditionFailure("the embedded starter glossary lacks \(kind.fileName)") }
      files[kind] = file
    }
    guard let glossary = resolve(files, directory: "", context: ReadContext()) else {
      preconditionFailure("the embedded starter glossary does not resolve")
    }
    return glossary
  }()

  /// Builds the typed model from parsed files. Every file must be present.
  static func resolve(_ files: [GlossaryFileKind: GlossaryFile], directory: String, context: ReadContext)
    -> Glossary?
  {
    func term<T>(_ kind: GlossaryFileKind, _ read: (MappingReader) -> T) -> T? {
      guard let file = files[kind] else { return nil }
      guard let reader = MappingReader(file.root, what: kind.fileName, in: context) else { return nil }
      _ = reader.value("$schema")  // editors' schema pointer is allowed at the top of any file
      let value = read(reader)
      reader.finish()
      return value
    }
    guard let manifest = term(.manifest, Manifest.read),
      let sla = term(.sla, ServiceLevelAgreement.read),
      let icp = term(.icp, IdealCustomerProfile.read),
      let personas = term(.personas, BuyerPersonas.read),
      let journey = term(.buyerJourney, BuyerJourney.read),
      let lifecycle = term(.lifecycleStages, LifecycleStages.read),
      let leadTypes = term(.leadTypes, LeadTypes.read),
      let dealStages = term(.dealStages, DealStages.read),
      let leadStatuses = term(.leadStatuses, LeadStatuses.read),
      let scoring = term(.leadScoring, LeadScoring.read),
      let connectAttempts = term(.connectAttempts, ConnectAttempts.read)
    else { return nil }
    return Glossary(
      directory: directory, manifest: manifest, sla: sla, icp: icp, personas: personas,
      journey: journey, lifecycle: lifecycle, leadTypes: leadTypes, dealStages: dealStages,
      leadStatuses: leadStatuses, scoring: scoring, connectAttempts: connectAttempts,
      files: GlossaryFileKind.allCases.compactMap { files[$0] })
  }

  /// YAML files SamePage does not know are probably misnamed term files: say so.
  private func strayFiles(in directory: URL, displayDirectory: String) -> [Diagnostic] {
    let known = Set(GlossaryFileKind.allCases.map(\.fileName) + [Signature.fileName])
    let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
    return names.sorted().filter { ($0.hasSuffix(".yaml") || $0.hasSuffix(".yml")) && !known.contains($0) }
      .map { name in
        let suggestion = Suggestion.nearest(to: name, in: known)
        return Diagnostic(
          id: "glossary.unknown-file", severity: .warning,
          location: .startOf(join(displayDirectory, name)),
          summary: "'\(name)' is not a glossary file and is ignored"
            + (suggestion.map { "; did you mean '\($0)'?" } ?? ""),
          fix: suggestion.map { "rename it to \($0)" } ?? "move it out of the glossary directory")
      }
  }
}

/// Joins a directory as the user wrote it and a file name, without doubling the slash.
func join(_ directory: String, _ name: String) -> String {
  directory.isEmpty || directory == "."
    ? name : (directory.hasSuffix("/") ? directory + name : directory + "/" + name)
}

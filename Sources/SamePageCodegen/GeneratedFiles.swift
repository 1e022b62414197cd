import Foundation

/// The generated sources of the package and what they are generated from; shared by the
/// generator command and the test that fails when a generated file is stale.
public enum GeneratedFiles {
  public static let ruleDirectory = "Sources/SamePageKit/Validate/Rules"
  public static let catalogue = "Sources/SamePageKit/Validate/RuleCatalogue+Generated.swift"
  public static let glossaryDirectory = "Glossary"
  public static let starter = "Sources/SamePageKit/Starter/StarterGlossary+Generated.swift"
  public static let templateDirectory = "Templates"
  public static let templates = "Sources/SamePageKit/Render/BundledTemplates+Generated.swift"
  public static let startersDirectory = "Starters"
  public static let localizedStarters = "Sources/SamePageKit/Starter/LocalizedStarters+Generated.swift"

  /// Every generated file's expected contents, computed from the package at `root`.
  public static func expected(packageRoot root: URL) throws -> [(path: String, contents: String)] {
    let fileManager = FileManager.default
    let rulesURL = root.appendingPathComponent(ruleDirectory)
    let ruleFiles = try fileManager.contentsOfDirectory(atPath: rulesURL.path)
      .filter { $0.hasSuffix(".swift") }.sorted()
    let rules = try ruleFiles.map { name in
      try RuleCatalogueGenerator.parse(
        file: name, source: String(contentsOf: rulesURL.appendingPathComponent(name), encoding: .utf8))
    }

    let glossaryURL = root.appendingPathComponent(glossaryDirectory)
    var starterFiles: [(path: String, text: String)] = []
    for name in try fileManager.contentsOfDirectory(atPath: glossaryURL.path) where name.hasSuffix(".yaml") {
      starterFiles.append(
        (name, try String(contentsOf: glossaryURL.appendingPathComponent(name), encoding: .utf8)))
    }
    let schemasURL = glossaryURL.appendingPathComponent("schemas")
    for name in (try? fileManager.contentsOfDirectory(atPath: schemasURL.path)) ?? []
    where name.hasSuffix(".json") {
      starterFiles.append(
        ("schemas/" + name, try String(contentsOf: schemasURL.appendingPathComponent(name), encoding: .utf8)))
    }
    let templatesURL = root.appendingPathComponent(templateDirectory)
    var templateFiles: [(path: String, text: String)] = []
    let enumerator = fileManager.enumerator(atPath: templatesURL.path)
    while let relative = enumerator?.nextObject() as? String {
      guard relative.hasSuffix(".mustache") || (relative.hasPrefix("locales/") && relative.hasSuffix(".yaml"))
      else { continue }
      templateFiles.append(
        (relative, try String(contentsOf: templatesURL.appendingPathComponent(relative), encoding: .utf8)))
    }
    // Starters in other languages: Starters/<locale>/<term file>, embedded as "<locale>/<file>".
    let startersURL = root.appendingPathComponent(startersDirectory)
    var localized: [(path: String, text: String)] = []
    for locale in (try? fileManager.contentsOfDirectory(atPath: startersURL.path)) ?? [] {
      let folder = startersURL.appendingPathComponent(locale)
      for name in (try? fileManager.contentsOfDirectory(atPath: folder.path)) ?? []
      where name.hasSuffix(".yaml") {
        localized.append(
          ("\(locale)/\(name)", try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)))
      }
    }
    return [
      (catalogue, RuleCatalogueGenerator.generate(rules)),
      (
        localizedStarters,
        EmbeddedFilesGenerator.generate(extending: "LocalizedStarters", from: "Starters/", localized)
      ),
      (
        starter,
        EmbeddedFilesGenerator.generate(extending: "StarterGlossary", from: "Glossary/", starterFiles)
      ),
      (
        templates,
        EmbeddedFilesGenerator.generate(extending: "BundledTemplates", from: "Templates/", templateFiles)
      ),
    ]
  }
}

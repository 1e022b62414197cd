/// One glossary YAML file, read and parsed: the path as shown to users and its root node.
public struct GlossaryFile: Sendable {
  /// The path as the user should see it in diagnostics, for example `Glossary/sla.yaml`.
  public var path: String
  public var root: YAMLNode
  /// The file's bytes, kept for the content hash the scoring config records.
  public var contents: [UInt8]
}

extension Signature {
  /// Beside the term files, and not hashed with them: signing must not change what it signs.
  public static let fileName = "signatures.yaml"

  static func readFile(_ file: GlossaryFile, in context: ReadContext) -> [Signature] {
    guard let reader = MappingReader(file.root, what: fileName, in: context) else { return [] }
    let signatures = reader.items("signatures", required: true) { item -> Signature? in
      let party: Located<Party>? = item.required("party")
      let name: Located<String>? = item.required("name")
      let title: Located<String>? = item.optional("title")
      let date: Located<CalendarDate>? = item.required("date")
      let version: Located<String>? = item.optional("version")
      let content: Located<String>? = item.required("content")
      guard let party, let name, let date, let content else { return nil }
      return Signature(
        party: party, name: name, title: title, date: date, version: version, content: content,
        location: item.location)
    }
    reader.finish()
    return signatures
  }
}

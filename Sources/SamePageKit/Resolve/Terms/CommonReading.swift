extension TermHeader {
  static func read(_ reader: MappingReader) -> TermHeader {
    TermHeader(
      definition: reader.optional("definition"),
      owner: reader.required("owner"),
      location: reader.location)
  }
}

extension Person {
  static func read(_ node: YAMLNode, what: String, in context: ReadContext) -> Person? {
    readMapping(node, what: what, in: context) { reader in
      let name: Located<String>? = reader.required("name")
      let title: Located<String>? = reader.optional("title")
      let email: Located<String>? = reader.optional("email")
      return name.map { Person(name: $0, title: title, email: email) }
    }
  }
}

extension MappingReader {
  func person(_ key: String, required: Bool = false) -> Person? {
    guard let node = value(key) else {
      if required { missing(key, expected: "a person with 'name'") }
      return nil
    }
    return Person.read(node, what: key, in: context)
  }

  func range(_ key: String) -> NumberRange? {
    nested(key) { reader in
      NumberRange(min: reader.optional("min"), max: reader.optional("max"), location: reader.location)
    }
  }

  /// A list of mappings, each read by `body` with its own reader.
  func items<T>(_ key: String, required: Bool = false, _ body: (MappingReader) -> T?) -> [T] {
    list(key, required: required) { node in readMapping(node, what: key, in: context, body) }
  }
}

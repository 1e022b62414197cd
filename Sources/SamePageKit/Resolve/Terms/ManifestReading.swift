extension Manifest {
  static func read(_ reader: MappingReader) -> Manifest {
    let owners = reader.nested("owners", required: true) { owners in
      (owners.person("marketing", required: true), owners.person("sales", required: true))
    }
    var manifest = Manifest(
      organization: reader.required("organization"),
      glossaryVersion: reader.required("glossary_version"),
      effectiveDate: reader.required("effective_date"),
      locale: reader.optional("locale"),
      marketingOwner: owners?.0,
      salesOwner: owners?.1,
      location: reader.location)
    manifest.translations = reader.values("translations")
    return manifest
  }
}

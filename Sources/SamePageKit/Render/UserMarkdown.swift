/// Markdown a person wrote in the glossary (definitions, bios, the SLA's purpose), made safe
/// for the `.md` files before a template places it.
///
/// The HTML SamePage writes is cleaned on the whole page's libcmark tree, but the Markdown
/// files go on to renderers that pass raw HTML through (MkDocs, Jekyll, wikis), so user text
/// is cleaned where it enters: raw HTML becomes visible text, links and images to unsafe
/// schemes keep only their text, and anchor markup cannot pose as a template's anchor.
enum UserMarkdown {
  /// The text unchanged when it holds nothing to clean — nearly always, so what people wrote
  /// stays byte for byte as they wrote it — and otherwise the cleaned tree as CommonMark.
  static func safe(_ text: String) -> String {
    // Raw HTML and autolinks need '<'; inline links and images need "](" and reference links a
    // "]:" definition. Text with none of them has nothing to clean, so libcmark is not asked.
    guard text.containsBytes("<") || text.containsBytes("](") || text.containsBytes("]:") else { return text }
    // Links whose destinations cannot hold a scheme are safe as written: a scheme needs a ':',
    // written out or as an entity ('&#58;'), and raw HTML or an autolink needs a '<'. Most prose
    // links to glossary pages (`[MQL](glossary.md#mql)`), so it need not be parsed at all.
    guard text.containsBytes("<") || text.containsBytes(":") || text.containsBytes("&") else { return text }
    let document = CommonMarkDocument(markdown: text)
    document.sanitize(allowsAnchors: false)
    guard document.escapedHTMLCount > 0 || document.neutralizedLinkCount > 0 else { return text }
    var cleaned = document.renderCommonMark()
    while cleaned.hasSuffix("\n") { cleaned.removeLast() }
    return cleaned
  }
}

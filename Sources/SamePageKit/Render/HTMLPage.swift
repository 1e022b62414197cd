/// Wraps a rendered HTML body in a complete, self-contained page: no external assets, so it
/// works from `file://` and prints as a document.
enum HTMLPage {
  static func escape(_ text: String) -> String {
    var out = ""
    for character in text {
      switch character {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += "&#39;"
      default: out.append(character)
      }
    }
    return out
  }

  /// - Parameter language: the BCP 47 tag of the page's language, for `<html lang>` (screen
  ///   readers, hyphenation, the browser's font choice for Thai).
  static func document(
    title: String, body: String, head: String = "", navigation: String = "", language: String = "en",
    rightToLeft: Bool = false
  ) -> String {
    """
    <!DOCTYPE html>
    <html lang="\(escape(language))"\(rightToLeft ? " dir=\"rtl\"" : "")>
    <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>\(escape(title))</title>
    <style>
    \(stylesheet)
    </style>
    \(head)
    </head>
    <body>
    \(navigation)
    <main>
    \(body)
    </main>
    </body>
    </html>

    """
  }

  static let stylesheet = """
    :root { --ink: #1d2330; --muted: #5b6475; --line: #d9dee7; --accent: #1f5fbf; --paper: #fff; }
    * { box-sizing: border-box; }
    body { margin: 0; font: 16px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: #f6f7f9; }
    main { max-width: 52rem; margin: 0 auto; padding: 2rem 2.5rem 4rem; background: var(--paper); min-height: 100vh; }
    h1 { font-size: 1.9rem; line-height: 1.2; margin: 0 0 1rem; }
    h2 { font-size: 1.4rem; margin: 2.5rem 0 .75rem; padding-top: 1rem; border-top: 1px solid var(--line); }
    h3 { font-size: 1.15rem; margin: 1.75rem 0 .5rem; }
    h4 { font-size: 1rem; margin: 1.5rem 0 .4rem; }
    a { color: var(--accent); }
    a[id] { scroll-margin-top: 4.5rem; }
    li { margin: .2rem 0; }
    table { border-collapse: collapse; margin: 1rem 0; }
    th, td { border: 1px solid var(--line); padding: .35rem .6rem; text-align: left; vertical-align: top; }
    thead th { background: #f1f4f8; }
    th > p, td > p { margin: 0; }
    em { color: var(--muted); }
    nav.site { position: sticky; top: 0; z-index: 1; display: flex; flex-wrap: wrap; gap: .25rem 1rem; align-items: center;
      padding: .6rem 1.5rem; background: #1d2330; color: #fff; }
    nav.site a { color: #fff; text-decoration: none; font-weight: 600; }
    nav.site input { margin-left: auto; padding: .35rem .6rem; border-radius: 4px; border: 0; min-width: 14rem; font: inherit; }
    #search-results { list-style: none; margin: 0; padding: 0; position: absolute; right: 1.5rem; top: 3rem; width: 24rem;
      max-height: 60vh; overflow: auto; background: #fff; color: var(--ink); border: 1px solid var(--line); border-radius: 6px;
      box-shadow: 0 6px 24px rgba(0,0,0,.15); }
    #search-results:empty { display: none; }
    #search-results a { display: block; padding: .5rem .75rem; color: var(--ink); text-decoration: none; font-weight: normal; }
    #search-results a:hover, #search-results a:focus { background: #eef3fb; }
    #search-results small { color: var(--muted); display: block; }
    @media print {
      body { background: #fff; font-size: 11pt; }
      nav.site { display: none; }
      main { max-width: none; padding: 0; }
      a { color: inherit; text-decoration: none; }
      h2 { break-after: avoid; border-top: 0; }
      h3, h4 { break-after: avoid; }
      li, p, tr { break-inside: avoid; }
    }
    """
}

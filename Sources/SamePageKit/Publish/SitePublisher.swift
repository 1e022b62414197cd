import Foundation

/// A static wiki site: index, SLA, glossary and a page per term, with a client-side search
/// over terms and synonyms. No external assets: it works from `file://` and prints cleanly.
public enum SitePublisher {
  public static func files(pages: [RenderedPage], glossary: Glossary) -> [String: Data] {
    let organization = glossary.manifest.organization?.value ?? "Glossary"
    var files: [String: Data] = [:]
    let navigation = """
      <nav class="site" aria-label="Site">
      <a href="index.html">\(HTMLPage.escape(organization))</a>
      <a href="sla.html">Service level agreement</a>
      <a href="glossary.html">Glossary</a>
      <input id="search" type="search" placeholder="Search terms and synonyms" aria-label="Search terms and synonyms" autocomplete="off">
      <ul id="search-results" role="listbox"></ul>
      </nav>
      """
    let head = """
      <script src="search-index.js" defer></script>
      <script src="search.js" defer></script>
      """
    for page in pages {
      let name = page.page == .home ? "index.html" : page.htmlFileName
      let title = page.page == .home ? organization : "\(page.title) · \(organization)"
      files[name] = Data(
        HTMLPage.document(title: title, body: page.htmlBody, head: head, navigation: navigation).utf8)
    }
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    let index = (try? encoder.encode(SearchIndex.entries(for: glossary))) ?? Data("[]".utf8)
    files["search-index.json"] = index + Data("\n".utf8)
    // A script, not a fetch of the JSON: browsers refuse fetch() from file:// pages.
    files["search-index.js"] = Data("window.SAMEPAGE_SEARCH_INDEX = ".utf8) + index + Data(";\n".utf8)
    files["search.js"] = Data(searchScript.utf8)
    return files
  }

  static let searchScript = """
    // Client-side search over terms, ids and synonyms. No dependencies; works from file://.
    (function () {
      var input = document.getElementById("search");
      var list = document.getElementById("search-results");
      var index = window.SAMEPAGE_SEARCH_INDEX || [];
      if (!input || !list) { return; }
      function normalize(text) { return text.toLowerCase().normalize("NFKD").replace(/[\\u0300-\\u036f]/g, ""); }
      function score(entry, query) {
        var best = 0;
        [entry.title].concat(entry.terms).forEach(function (term) {
          var text = normalize(term);
          if (text === query) { best = Math.max(best, 3); }
          else if (text.indexOf(query) === 0) { best = Math.max(best, 2); }
          else if (text.indexOf(query) >= 0) { best = Math.max(best, 1); }
        });
        return best;
      }
      function show(query) {
        list.textContent = "";
        query = normalize(query.trim());
        if (query.length < 2) { return; }
        index.map(function (entry) { return { entry: entry, score: score(entry, query) }; })
          .filter(function (hit) { return hit.score > 0; })
          .sort(function (a, b) { return b.score - a.score || a.entry.title.localeCompare(b.entry.title); })
          .slice(0, 12)
          .forEach(function (hit) {
            var item = document.createElement("li");
            var link = document.createElement("a");
            link.href = hit.entry.url;
            link.textContent = hit.entry.title;
            var detail = document.createElement("small");
            detail.textContent = hit.entry.kind + (hit.entry.summary ? " · " + hit.entry.summary : "");
            link.appendChild(detail);
            item.appendChild(link);
            list.appendChild(item);
          });
      }
      input.addEventListener("input", function () { show(input.value); });
      input.addEventListener("keydown", function (event) {
        if (event.key === "Enter" && list.firstChild) { window.location.href = list.firstChild.firstChild.href; }
        if (event.key === "Escape") { input.value = ""; show(""); }
      });
    })();

    """
}

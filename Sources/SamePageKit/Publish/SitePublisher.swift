import Foundation

/// A static wiki site: index, SLA, glossary and a page per term, with a client-side search
/// over terms and synonyms. No external assets: it works from `file://` and prints cleanly.
public enum SitePublisher {
  /// One language of the site: its pages, the glossary they were rendered from, and the folder
  /// it is published in ("" for the source language, "pl-PL/" for a translation).
  public struct Edition {
    public var pages: [RenderedPage]
    public var glossary: Glossary
    public var folder: String

    public init(pages: [RenderedPage], glossary: Glossary, folder: String) {
      self.pages = pages
      self.glossary = glossary
      self.folder = folder
    }
  }

  public static func files(pages: [RenderedPage], glossary: Glossary) -> [String: Data] {
    files(editions: [Edition(pages: pages, glossary: glossary, folder: "")])
  }

  /// The site in every language: each edition in its folder, each page linking to the same page
  /// in the others (the script keeps the entry you are on: the anchors are the same ids).
  public static func files(editions: [Edition]) -> [String: Data] {
    var files: [String: Data] = [:]
    for edition in editions {
      for (name, data) in editionFiles(edition, all: editions) { files[edition.folder + name] = data }
    }
    return files
  }

  private static func editionFiles(_ edition: Edition, all editions: [Edition]) -> [String: Data] {
    let glossary = edition.glossary
    let l = edition.pages.first?.localizer ?? .bundledEnglish
    let organization = glossary.manifest.organization?.value ?? l.text("page.glossary")
    var files: [String: Data] = [:]
    let search = HTMLPage.escape(l.text("site.search"))
    let depth = edition.folder.isEmpty ? "" : "../"
    for page in edition.pages {
      let name = page.page == .home ? "index.html" : page.htmlFileName
      let languages =
        editions.count < 2
        ? ""
        : "<span class=\"languages\" aria-label=\"\(HTMLPage.escape(l.text("site.languages")))\">"
          + editions.map { other in
            let otherLocale = other.pages.first?.localizer.languageTag ?? ""
            let href = depth + other.folder + name
            return other.folder == edition.folder
              ? "<strong lang=\"\(HTMLPage.escape(otherLocale))\">\(HTMLPage.escape(otherLocale))</strong>"
              : "<a class=\"language\" lang=\"\(HTMLPage.escape(otherLocale))\" hreflang=\"\(HTMLPage.escape(otherLocale))\" href=\"\(HTMLPage.escape(href))\">\(HTMLPage.escape(otherLocale))</a>"
          }.joined(separator: " ") + "</span>"
      let navigation = """
        <nav class="site" aria-label="Site">
        <a href="index.html">\(HTMLPage.escape(organization))</a>
        <a href="sla.html">\(HTMLPage.escape(l.text("page.sla")))</a>
        <a href="glossary.html">\(HTMLPage.escape(l.text("page.glossary")))</a>
        \(languages)
        <input id="search" type="search" placeholder="\(search)" aria-label="\(search)" autocomplete="off">
        <ul id="search-results" role="listbox"></ul>
        </nav>
        """
      let head = """
        <script src="search-index.js" defer></script>
        <script src="search.js" defer></script>
        """
      let title = page.page == .home ? organization : "\(page.title) · \(organization)"
      files[name] = Data(
        HTMLPage.document(
          title: title, body: page.htmlBody, head: head, navigation: navigation, language: l.languageTag,
          rightToLeft: l.isRightToLeft
        ).utf8)
    }
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    let index = (try? encoder.encode(SearchIndex.entries(for: glossary, localizer: l))) ?? Data("[]".utf8)
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
      var language = document.documentElement.lang || "en";
      // Letters decomposition leaves alone but readers type without their mark (ł as l).
      var letters = { "ł": "l", "ı": "i", "đ": "d", "ø": "o", "æ": "ae", "œ": "oe", "ß": "ss", "þ": "th", "ð": "d" };
      // Lower case by the page's language (Turkish I is ı, İ is i), then without accents.
      function normalize(text) {
        return text.toLocaleLowerCase(language).normalize("NFKD").replace(/[\\u0300-\\u036f]/g, "")
          .replace(/[łıđøæœßþð]/g, function (letter) { return letters[letter]; });
      }
      // Words at ICU boundaries where the browser has them (Thai has no spaces between words).
      var segmenter = window.Intl && Intl.Segmenter ? new Intl.Segmenter(language, { granularity: "word" }) : null;
      function words(text) {
        if (!segmenter) { return text.split(/\\s+/).filter(Boolean); }
        return Array.from(segmenter.segment(text)).filter(function (part) { return part.isWordLike; })
          .map(function (part) { return part.segment; });
      }
      index.forEach(function (entry) {
        entry.keys = [entry.title].concat(entry.terms).map(normalize);
        entry.words = words(normalize(entry.title + " " + (entry.text || "")));
      });
      function score(entry, query, queryWords) {
        var best = 0;
        entry.keys.forEach(function (text) {
          if (text === query) { best = Math.max(best, 4); }
          else if (text.indexOf(query) === 0) { best = Math.max(best, 3); }
          else if (text.indexOf(query) >= 0) { best = Math.max(best, 2); }
        });
        // Every word of the query starts a word of the entry's text.
        if (best === 0 && queryWords.length && queryWords.every(function (word) {
          return entry.words.some(function (candidate) { return candidate.indexOf(word) === 0; });
        })) { best = 1; }
        return best;
      }
      function show(query) {
        list.textContent = "";
        query = normalize(query.trim());
        if (query.length < 2) { return; }
        var queryWords = words(query);
        index.map(function (entry) { return { entry: entry, score: score(entry, query, queryWords) }; })
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
      // Switching language keeps the entry in view: the anchors are the same in every language.
      Array.prototype.forEach.call(document.querySelectorAll("a.language"), function (link) {
        link.addEventListener("click", function () { link.href = link.href.split("#")[0] + window.location.hash; });
      });
      input.addEventListener("keydown", function (event) {
        if (event.key === "Enter" && list.firstChild) { window.location.href = list.firstChild.firstChild.href; }
        if (event.key === "Escape") { input.value = ""; show(""); }
      });
    })();

    """
}

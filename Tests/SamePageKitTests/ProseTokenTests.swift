import Testing

@testable import SamePageKit

/// The byte tokenizer that reads ASCII prose for `prose.restates-number` must give exactly the
/// tokens of the character tokenizer that reads every other text.
@Suite struct ProseTokenTests {
  @Test func asciiProseGivesTheSameTokensAsCharacters() {
    let alphabet = Array("aZ fit engagement-score 0123456789.,;:!?-\r\n\t()%$'\"")
    var generator = SystemRandomNumberGenerator()
    for _ in 0..<5_000 {
      let length = Int.random(in: 0...24, using: &generator)
      let text = String((0..<length).map { _ in alphabet.randomElement(using: &generator)! })
      #expect(
        ProseRestatesNumber.asciiTokens(text) == ProseRestatesNumber.characterTokens(text),
        "\(text.debugDescription)")
    }
    let prose = "MQL at fit 40, engagement 1,250.5 points; decays by half every 30 days. Re-engaged!"
    #expect(ProseRestatesNumber.asciiTokens(prose) == ProseRestatesNumber.characterTokens(prose))
    #expect(ProseRestatesNumber.tokens(prose).contains(.number(1250.5)))
  }

  @Test func textBeyondASCIIIsReadByCharacters() {
    #expect(
      ProseRestatesNumber.tokens("próg dopasowania 40")
        == ProseRestatesNumber.characterTokens("próg dopasowania 40"))
    #expect(ProseRestatesNumber.tokens("próg 40").contains(.word("próg")))
  }
}

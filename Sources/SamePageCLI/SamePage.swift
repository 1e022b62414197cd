import ArgumentParser

@main
struct SamePage: AsyncParsableCommand {
  static let version = "0.1.0"

  static let configuration = CommandConfiguration(
    commandName: "samepage",
    abstract: "Keep the sales–marketing agreement as code: check, render, publish and score it.",
    version: version,
    subcommands: [Check.self, Rules.self, Init.self],
    defaultSubcommand: Check.self)
}

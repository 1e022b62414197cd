import ArgumentParser
import Foundation
import SamePageScoring

/// Reads a scoring config for a command, or says why it cannot and exits 2.
func loadScoringConfig(_ path: String, for command: String) throws -> ScoringConfig {
  do {
    return try ScoringConfig.load(try Data(contentsOf: URL(fileURLWithPath: path)))
  } catch let error as ScoringConfig.LoadError {
    printError("samepage \(command): \(path): \(error)")
  } catch {
    printError("samepage \(command): cannot read \(path): \(error.localizedDescription)")
  }
  throw ExitCode(2)
}

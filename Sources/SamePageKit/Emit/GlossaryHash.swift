import Crypto
import Foundation

/// The content hash a scoring config records, so `score --glossary` can tell that the config
/// came from the glossary at hand: SHA-256 over each glossary file's name and bytes, in a fixed
/// order. Formatting changes count; the hash is of files, not meaning.
public enum GlossaryHash {
  public static func of(_ files: [GlossaryFile]) -> String {
    var hasher = SHA256()
    for file in files.sorted(by: {
      ($0.path as NSString).lastPathComponent < ($1.path as NSString).lastPathComponent
    }) {
      hasher.update(data: Data((file.path as NSString).lastPathComponent.utf8))
      hasher.update(data: Data([0]))
      hasher.update(data: file.contents)
      hasher.update(data: Data([0]))
    }
    return "sha256:" + hasher.finalize().map { String(format: "%02x", $0) }.joined()
  }
}

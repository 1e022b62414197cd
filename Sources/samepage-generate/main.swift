import Foundation
import SamePageCodegen

// Regenerates the rule catalogue and the embedded starter glossary. Run from the package root:
//   swift run samepage-generate
let root = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
do {
  for (path, contents) in try GeneratedFiles.expected(packageRoot: root) {
    let url = root.appendingPathComponent(path)
    let current = try? String(contentsOf: url, encoding: .utf8)
    if current == contents {
      print("unchanged \(path)")
    } else {
      try FileManager.default.createDirectory(
        at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try contents.write(to: url, atomically: true, encoding: .utf8)
      print("wrote \(path)")
    }
  }
} catch {
  FileHandle.standardError.write(Data("samepage-generate: \(error)\n".utf8))
  exit(1)
}

import Foundation

/// Runs inputs through a fuzz entry point without the fuzzer: every file named on the command
/// line, or every file in a folder named there. The regression corpus is replayed this way.
public enum FuzzReplay {
  public static func main(_ body: ([UInt8]) -> Void) {
    var count = 0
    for argument in CommandLine.arguments.dropFirst() {
      for file in files(at: argument) {
        guard let data = FileManager.default.contents(atPath: file) else {
          FileHandle.standardError.write(Data("cannot read \(file)\n".utf8))
          exit(2)
        }
        body(Array(data))
        count += 1
      }
    }
    print("replayed \(count) inputs without a crash")
  }

  /// The files at a path: itself, or a folder's regular files in name order.
  public static func files(at path: String) -> [String] {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue
    else {
      return [path]
    }
    let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
    return names.filter { !$0.hasPrefix(".") }.sorted().map { path + "/" + $0 }
  }
}

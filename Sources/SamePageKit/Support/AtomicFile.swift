import Foundation

/// Writes files so that a reader never sees half of one: into a temporary file in the same
/// directory, then renamed over the target (rename is atomic within a file system).
public enum AtomicFile {
  public static func write(_ data: Data, to url: URL) throws {
    let fileManager = FileManager.default
    let directory = url.deletingLastPathComponent()
    try fileManager.createDirectory(at: directory, withIntermediateDirectories: true)
    let temporary = directory.appendingPathComponent(
      ".\(url.lastPathComponent).samepage-\(UUID().uuidString).tmp")
    do {
      try data.write(to: temporary)
      if rename(temporary.path, url.path) != 0 {
        throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path])
      }
    } catch {
      try? fileManager.removeItem(at: temporary)
      throw error
    }
  }
}

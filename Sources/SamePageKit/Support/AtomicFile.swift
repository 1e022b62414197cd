import Foundation

/// Writes files so that a reader never sees half of one: into a temporary file in the same
/// directory, flushed, then renamed over the target (rename is atomic within a file system).
/// Failures are `FileSystemFailure`s: one line naming the file and the reason.
public enum AtomicFile {
  public static func write(_ data: Data, to url: URL) throws {
    let folder = try DirectoryHandle.openRoot(url.deletingLastPathComponent().path, create: true)
    try folder.writeAtomically(data, as: url.lastPathComponent)
  }
}

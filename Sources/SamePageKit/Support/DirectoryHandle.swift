import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

// Free functions, so the names do not resolve to DirectoryHandle's own read and write.
private func systemRead(_ file: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
  read(file, buffer, count)
}

private func systemWrite(_ file: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
  write(file, buffer, count)
}

/// A file-system call that failed, said in one line: what SamePage was doing, to which file, and
/// why, in the system's words for the errno ("permission denied", "no space left on device",
/// "read-only file system"), never a Foundation error dump.
public struct FileSystemFailure: Error, CustomStringConvertible, Equatable, Sendable {
  public var action: String
  public var path: String
  public var code: Int32

  public init(_ action: String, _ path: String, code: Int32) {
    self.action = action
    self.path = path
    self.code = code
  }

  public var reason: String {
    let text = String(cString: strerror(code))
    return text.prefix(1).lowercased() + text.dropFirst()
  }

  public var description: String { "cannot \(action) \(path): \(reason)" }
}

/// An open directory that SamePage reads, writes and deletes in only by name relative to its
/// descriptor, refusing symbolic links at every step (`O_NOFOLLOW`, `AT_SYMLINK_NOFOLLOW`): no
/// path below it can lead elsewhere, even if a folder is swapped for a link between two calls.
final class DirectoryHandle {
  let descriptor: Int32
  /// For messages only; never used to reach the directory again.
  let path: String

  private init(descriptor: Int32, path: String) {
    self.descriptor = descriptor
    self.path = path
  }

  deinit { close(descriptor) }

  /// Opens the destination itself, creating it and its parents when missing. Links in the
  /// destination's own path are the user's choice and are followed; below it, none are.
  static func openRoot(_ path: String, create: Bool) throws -> DirectoryHandle {
    if create {
      var prefix = path.hasPrefix("/") ? "" : "."
      for component in path.split(separator: "/") {
        prefix += "/" + component
        if mkdir(prefix, 0o777) != 0 && errno != EEXIST {
          throw FileSystemFailure("create folder", prefix, code: errno)
        }
      }
    }
    let descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    guard descriptor >= 0 else {
      throw FileSystemFailure(errno == ENOTDIR ? "create folder" : "open folder", path, code: errno)
    }
    return DirectoryHandle(descriptor: descriptor, path: path)
  }

  func childPath(_ name: String) -> String { path + "/" + name }

  private func isSymbolicLink(_ name: String) -> Bool {
    var status = stat()
    return fstatat(descriptor, name, &status, AT_SYMLINK_NOFOLLOW) == 0
      && (status.st_mode & S_IFMT) == S_IFLNK
  }

  private func refuseLink(_ name: String) -> ManagedDirectory.Failure {
    .symbolicLink(childPath(name))
  }

  /// The folder `name` in this one; nil when it does not exist (or is not a folder) and
  /// `create` is false. A symbolic link is refused, never followed.
  func subdirectory(_ name: String, create: Bool) throws -> DirectoryHandle? {
    if create && mkdirat(descriptor, name, 0o777) != 0 && errno != EEXIST {
      throw FileSystemFailure("create folder", childPath(name), code: errno)
    }
    let child = openat(descriptor, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
    if child >= 0 { return DirectoryHandle(descriptor: child, path: childPath(name)) }
    let code = errno
    if isSymbolicLink(name) { throw refuseLink(name) }
    if !create && (code == ENOENT || code == ENOTDIR) { return nil }
    throw FileSystemFailure(create ? "create folder" : "open folder", childPath(name), code: code)
  }

  enum Content: Equatable {
    case absent
    case file(Data)
    /// A folder, device or socket where SamePage expects a file.
    case notAFile
  }

  func read(_ name: String) throws -> Content {
    let file = openat(descriptor, name, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK)
    guard file >= 0 else {
      let code = errno
      if code == ENOENT || code == ENOTDIR { return .absent }
      if isSymbolicLink(name) { throw refuseLink(name) }
      throw FileSystemFailure("read", childPath(name), code: code)
    }
    defer { close(file) }
    var status = stat()
    guard fstat(file, &status) == 0 else { throw FileSystemFailure("read", childPath(name), code: errno) }
    guard (status.st_mode & S_IFMT) == S_IFREG else { return .notAFile }
    var data = Data()
    var buffer = [UInt8](repeating: 0, count: 64 * 1024)
    while true {
      let count = buffer.withUnsafeMutableBytes { systemRead(file, $0.baseAddress, $0.count) }
      if count < 0 {
        if errno == EINTR { continue }
        throw FileSystemFailure("read", childPath(name), code: errno)
      }
      if count == 0 { break }
      data.append(contentsOf: buffer[0..<count])
    }
    return .file(data)
  }

  /// SamePage's own temporary files: `.NAME.samepage-UUID.tmp`, and nothing that merely looks
  /// similar, so cleaning up can never touch a file of anyone else's.
  static func isOwnTemporaryFile(_ name: String) -> Bool {
    guard name.hasPrefix("."), name.hasSuffix(".tmp"),
      let marker = name.range(of: ".samepage-", options: .backwards)
    else { return false }
    let uuid = name[marker.upperBound..<name.index(name.endIndex, offsetBy: -".tmp".count)]
    return marker.lowerBound > name.index(after: name.startIndex) && uuid.count == 36
      && UUID(uuidString: String(uuid))?.uuidString == String(uuid)
  }

  static func temporaryName(for name: String) -> String { ".\(name).samepage-\(UUID().uuidString).tmp" }

  /// Writes into a temporary file in this folder, flushes it to disk, then renames it over
  /// `name`: a reader sees the old file or the new one, never half of one. On failure the
  /// temporary file is removed and the error names `name`, the file the user cares about.
  func writeAtomically(_ data: Data, as name: String) throws {
    let temporary = Self.temporaryName(for: name)
    let file = openat(descriptor, temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o666)
    guard file >= 0 else { throw FileSystemFailure("write", childPath(name), code: errno) }
    var failure: Int32 = 0
    data.withUnsafeBytes { bytes in
      var offset = 0
      while offset < bytes.count {
        let count = systemWrite(file, bytes.baseAddress! + offset, bytes.count - offset)
        if count < 0 {
          if errno == EINTR { continue }
          failure = errno
          return
        }
        offset += count
      }
    }
    if failure == 0 && fsync(file) != 0 { failure = errno }
    if close(file) != 0 && failure == 0 { failure = errno }
    if failure == 0 && renameat(descriptor, temporary, descriptor, name) != 0 { failure = errno }
    if failure != 0 {
      unlinkat(descriptor, temporary, 0)
      throw FileSystemFailure("write", childPath(name), code: failure)
    }
  }

  /// Removes the file `name` itself (a link would be removed, not its target; callers have
  /// refused links before).
  func remove(_ name: String) throws {
    if unlinkat(descriptor, name, 0) != 0 && errno != ENOENT {
      throw FileSystemFailure("remove", childPath(name), code: errno)
    }
  }

  func isRegularFile(_ name: String) -> Bool {
    var status = stat()
    return fstatat(descriptor, name, &status, AT_SYMLINK_NOFOLLOW) == 0
      && (status.st_mode & S_IFMT) == S_IFREG
  }

  func names() throws -> [String] {
    // The stream owns (and closes) a copy, so this handle's descriptor stays open.
    let copy = dup(descriptor)
    guard copy >= 0 else { throw FileSystemFailure("list folder", path, code: errno) }
    guard let stream = fdopendir(copy) else {
      let code = errno
      close(copy)
      throw FileSystemFailure("list folder", path, code: code)
    }
    defer { closedir(stream) }
    rewinddir(stream)
    var names: [String] = []
    while let entry = readdir(stream) {
      let name = withUnsafePointer(to: entry.pointee.d_name) {
        $0.withMemoryRebound(to: CChar.self, capacity: MemoryLayout.size(ofValue: entry.pointee.d_name)) {
          String(cString: $0)
        }
      }
      if name != "." && name != ".." { names.append(name) }
    }
    return names
  }

  /// An exclusive `flock(2)` on the file `name`, which the kernel releases when the process
  /// exits or is killed, so a crash never leaves a lock that blocks the next run.
  final class Lock {
    private let descriptor: Int32
    private let directory: DirectoryHandle
    private let name: String

    fileprivate init(descriptor: Int32, directory: DirectoryHandle, name: String) {
      self.descriptor = descriptor
      self.directory = directory
      self.name = name
    }

    /// Removes the lock file while still holding it, then lets go. A waiter that had opened
    /// the removed file notices (its inode is no longer the one at `name`) and tries again.
    func release() {
      unlinkat(directory.descriptor, name, 0)
      close(descriptor)
    }
  }

  /// Waits up to `timeout` for the lock; nil when another process still holds it.
  func lock(_ name: String, timeout: Duration) throws -> Lock? {
    let deadline = ContinuousClock.now + timeout
    while true {
      let file = openat(descriptor, name, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0o666)
      guard file >= 0 else {
        let code = errno
        if isSymbolicLink(name) { throw refuseLink(name) }
        throw FileSystemFailure("create the lock file", childPath(name), code: code)
      }
      if flock(file, LOCK_EX | LOCK_NB) == 0 {
        var held = stat()
        var current = stat()
        if fstat(file, &held) == 0, fstatat(descriptor, name, &current, AT_SYMLINK_NOFOLLOW) == 0,
          held.st_dev == current.st_dev, held.st_ino == current.st_ino
        {
          return Lock(descriptor: file, directory: self, name: name)
        }
        close(file)  // The holder removed this file as it finished: lock the new one.
        continue
      }
      let code = errno
      close(file)
      guard code == EWOULDBLOCK || code == EINTR else {
        throw FileSystemFailure("lock", childPath(name), code: code)
      }
      if ContinuousClock.now >= deadline { return nil }
      usleep(20_000)
    }
  }
}

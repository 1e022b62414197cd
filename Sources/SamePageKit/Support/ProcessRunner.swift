import Foundation

/// Runs a command and captures what it prints. Standard error is drained on another thread,
/// so a command that fills one pipe while SamePage reads the other cannot deadlock.
public enum ProcessRunner {
  public struct Result: Sendable {
    public var status: Int32
    public var output: String
    public var error: String
    /// The command ran past its time limit and was killed.
    public var timedOut = false
  }

  /// `environment` adds to (or overrides) this process's environment. With `timeoutSeconds`,
  /// a command still running then is killed, so a hung browser cannot hang SamePage.
  public static func run(
    _ executable: URL, _ arguments: [String], environment: [String: String] = [:],
    currentDirectory: URL? = nil, timeoutSeconds: Int? = nil
  ) throws -> Result {
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    if let currentDirectory { process.currentDirectoryURL = currentDirectory }
    if !environment.isEmpty {
      process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    }
    let output = Pipe()
    let errors = Pipe()
    process.standardOutput = output
    process.standardError = errors
    try process.run()
    let killed = LockedFlag()
    if let timeoutSeconds {
      let pid = process.processIdentifier
      DispatchQueue.global().asyncAfter(deadline: .now() + .seconds(timeoutSeconds)) {
        guard process.isRunning else { return }
        killed.set()
        kill(pid, SIGKILL)
      }
    }
    let errorData = LockedData()
    let drained = DispatchSemaphore(value: 0)
    DispatchQueue.global().async {
      errorData.set(errors.fileHandleForReading.readDataToEndOfFile())
      drained.signal()
    }
    let outputData = output.fileHandleForReading.readDataToEndOfFile()
    drained.wait()
    process.waitUntilExit()
    return Result(
      status: process.terminationStatus, output: String(decoding: outputData, as: UTF8.self),
      error: String(decoding: errorData.get(), as: UTF8.self), timedOut: killed.get())
  }

  /// A git command that exited with an error, with what git said.
  public struct GitFailure: Error, CustomStringConvertible {
    public var message: String
    public var description: String { "git failed: \(message)" }
  }

  /// `git -C directory arguments…`, throwing with git's message when it fails.
  @discardableResult
  public static func git(_ arguments: [String], in directory: URL) throws -> String {
    let result = try run(URL(fileURLWithPath: "/usr/bin/env"), ["git", "-C", directory.path] + arguments)
    guard result.status == 0 else {
      throw GitFailure(message: result.error.trimmingCharacters(in: .whitespacesAndNewlines))
    }
    return result.output.trimmingCharacters(in: .whitespacesAndNewlines)
  }

  private final class LockedFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    func set() { lock.withLock { value = true } }
    func get() -> Bool { lock.withLock { value } }
  }

  private final class LockedData: @unchecked Sendable {
    private let lock = NSLock()
    private var data = Data()
    func set(_ value: Data) { lock.withLock { data = value } }
    func get() -> Data { lock.withLock { data } }
  }
}

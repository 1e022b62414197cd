import Dispatch

/// `body` for each index in `0..<count`, run on every core, with the results in index order.
///
/// For work that is independent per item (a term file, a rule, a page): the wall time becomes
/// that of the largest share instead of the sum, and the order of the results never depends on
/// which thread finished first.
func concurrentMap<T: Sendable>(_ count: Int, _ body: @Sendable (Int) -> T) -> [T] {
  guard count > 1 else { return (0..<count).map(body) }
  return [T](unsafeUninitializedCapacity: count) { buffer, initialized in
    // Each index writes its own slot exactly once, so the threads never share an element.
    nonisolated(unsafe) let slots = buffer.baseAddress!
    DispatchQueue.concurrentPerform(iterations: count) { index in
      (slots + index).initialize(to: body(index))
    }
    initialized = count
  }
}

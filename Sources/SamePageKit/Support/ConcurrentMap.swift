import Dispatch

#if canImport(Glibc)
  import Glibc
#endif

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

extension StringProtocol {
  /// Whether the text contains `fragment`, comparing UTF-8 bytes. Foundation's `contains`
  /// compares through UTF-16 and was a visible share of rendering a large glossary; the
  /// fragments searched for are ASCII markup, for which bytes and characters agree.
  func containsBytes(_ fragment: String) -> Bool {
    var text = String(self)  // the same storage when this is a String already
    var fragment = fragment
    return text.withUTF8 { text in
      fragment.withUTF8 { fragment in
        guard !fragment.isEmpty else { return true }
        guard text.count >= fragment.count else { return false }
        // memchr finds each candidate first byte at machine speed; memcmp checks the rest.
        let last = text.count - fragment.count
        var offset = 0
        while offset <= last,
          let found = memchr(text.baseAddress! + offset, Int32(fragment[0]), last - offset + 1)
        {
          let start = text.baseAddress!.distance(to: found.assumingMemoryBound(to: UInt8.self))
          if memcmp(found, fragment.baseAddress!, fragment.count) == 0 { return true }
          offset = start + 1
        }
        return false
      }
    }
  }
}

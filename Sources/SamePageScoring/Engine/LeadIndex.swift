#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Lead ids to dense lead numbers, looked up by their bytes: the events loop finds a lead for
/// every row, and making a `String` of each id to hash it was a tenth of the run. Ids are
/// compared byte for byte, as docs/SCORING.md says ("compared exactly") and the SQL does.
///
/// Open addressing with linear probing over a power-of-two table at most half full. The hash
/// is seeded per process, so a leads file cannot be built to collide on purpose.
struct LeadIndex: Sendable {
  /// Id `i` is `bytes[offsets[i]..<offsets[i + 1]]`.
  private var bytes: [UInt8] = []
  private var offsets: [Int] = [0]
  /// Lead number + 1 per slot; 0 is empty.
  private var slots = [Int32](repeating: 0, count: 1 << 10)
  private let seed = UInt64.random(in: 0...UInt64.max)

  var count: Int { offsets.count - 1 }

  func find(_ key: UnsafeBufferPointer<UInt8>) -> Int32? {
    slots.withUnsafeBufferPointer { slots in
      bytes.withUnsafeBufferPointer { stored in
        offsets.withUnsafeBufferPointer { offsets in
          Self.probe(key, seed: seed, slots: slots, bytes: stored, offsets: offsets)
        }
      }
    }
  }

  /// The slot walk both indexes share: from the key's hash to its lead, or to an empty slot.
  @inline(__always) static func probe(
    _ key: UnsafeBufferPointer<UInt8>, seed: UInt64, slots: UnsafeBufferPointer<Int32>,
    bytes: UnsafeBufferPointer<UInt8>, offsets: UnsafeBufferPointer<Int>
  ) -> Int32? {
    let mask = slots.count - 1
    var slot = Int(truncatingIfNeeded: hash(key, seed: seed)) & mask
    while true {
      let entry = slots[slot]
      if entry == 0 { return nil }
      let lead = Int(entry) - 1
      let start = offsets[lead]
      let length = offsets[lead + 1] - start
      if length == key.count, length == 0 || memcmp(bytes.baseAddress! + start, key.baseAddress!, length) == 0
      {
        return Int32(lead)
      }
      slot = (slot + 1) & mask
    }
  }

  /// Adds an id that `find` does not know and returns its number.
  mutating func insert(_ key: UnsafeBufferPointer<UInt8>) -> Int32 {
    let lead = count
    bytes.append(contentsOf: key)
    offsets.append(bytes.count)
    if (lead + 1) * 2 > slots.count {
      slots = [Int32](repeating: 0, count: slots.count * 2)
      bytes.withUnsafeBufferPointer { stored in
        for existing in 0...lead {
          let id = UnsafeBufferPointer(rebasing: stored[offsets[existing]..<offsets[existing + 1]])
          place(existing, hash: Self.hash(id, seed: seed))
        }
      }
    } else {
      place(lead, hash: Self.hash(key, seed: seed))
    }
    return Int32(lead)
  }

  private mutating func place(_ lead: Int, hash: UInt64) {
    let mask = slots.count - 1
    var slot = Int(truncatingIfNeeded: hash) & mask
    while slots[slot] != 0 { slot = (slot + 1) & mask }
    slots[slot] = Int32(lead + 1)
  }

  /// Eight bytes at a time, each word mixed in with a multiply and a shift.
  static func hash(_ key: UnsafeBufferPointer<UInt8>, seed: UInt64) -> UInt64 {
    var hash = seed ^ (UInt64(key.count) &* 0x9E37_79B9_7F4A_7C15)
    guard let base = key.baseAddress else { return mix(hash) }
    let raw = UnsafeRawPointer(base)
    var index = 0
    while index + 8 <= key.count {
      hash = mix(hash ^ raw.loadUnaligned(fromByteOffset: index, as: UInt64.self))
      index += 8
    }
    if index < key.count {
      var word: UInt64 = 0
      var shift: UInt64 = 0
      while index < key.count {
        word |= UInt64(base[index]) << shift
        shift += 8
        index += 1
      }
      hash = mix(hash ^ word)
    }
    return mix(hash)
  }

  /// A copy in buffers of its own, for the reading threads' lookups (no reference counting per
  /// lookup); it is never changed.
  func frozen() -> FrozenLeadIndex {
    FrozenLeadIndex(bytes: .copy(bytes), offsets: .copy(offsets), slots: .copy(slots), seed: seed)
  }

  @inline(__always) private static func mix(_ value: UInt64) -> UInt64 {
    var value = value &* 0xBF58_476D_1CE4_E5B9
    value ^= value >> 31
    return value &* 0x94D0_49BB_1331_11EB
  }
}

/// `LeadIndex.find` over buffers that never change. `@unchecked Sendable`: read only after
/// `init`, freed in `deinit`.
final class FrozenLeadIndex: @unchecked Sendable {
  private let bytes: UnsafeMutableBufferPointer<UInt8>
  private let offsets: UnsafeMutableBufferPointer<Int>
  private let slots: UnsafeMutableBufferPointer<Int32>
  private let seed: UInt64

  init(
    bytes: UnsafeMutableBufferPointer<UInt8>, offsets: UnsafeMutableBufferPointer<Int>,
    slots: UnsafeMutableBufferPointer<Int32>, seed: UInt64
  ) {
    self.bytes = bytes
    self.offsets = offsets
    self.slots = slots
    self.seed = seed
  }

  deinit {
    bytes.deallocate()
    offsets.deallocate()
    slots.deallocate()
  }

  func find(_ key: UnsafeBufferPointer<UInt8>) -> Int32? {
    LeadIndex.probe(
      key, seed: seed, slots: UnsafeBufferPointer(slots), bytes: UnsafeBufferPointer(bytes),
      offsets: UnsafeBufferPointer(offsets))
  }

}

import SamePageFuzzing

// Built with -DFUZZING and --sanitize=fuzzer (Scripts/fuzz), libFuzzer drives this function
// and brings its own main; built normally, the binary replays the files it is given.
#if FUZZING
  @_cdecl("LLVMFuzzerTestOneInput")
  public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    ScoringInputFuzzing.run(Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
  }
#else
  @main struct Replay {
    static func main() { FuzzReplay.main(ScoringInputFuzzing.run) }
  }
#endif

// swift-tools-version: 6.0
import PackageDescription

let package = Package(
  name: "SamePage",
  platforms: [.macOS(.v14)],
  products: [
    .executable(name: "samepage", targets: ["SamePageCLI"]),
    .library(name: "SamePageKit", targets: ["SamePageKit"]),
    .library(name: "SamePageScoring", targets: ["SamePageScoring"]),
  ],
  dependencies: [
    .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
    .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
    .package(url: "https://github.com/hummingbird-project/swift-mustache.git", from: "2.1.1"),
    .package(url: "https://github.com/apple/swift-crypto.git", from: "3.12.3"),
  ],
  targets: [
    // libcmark from Debian's libcmark-dev; the documents stage renders CommonMark with it.
    .systemLibrary(
      name: "CCMark",
      pkgConfig: "libcmark",
      providers: [.apt(["libcmark-dev"])]
    ),
    // Load → resolve → validate → render: the glossary model and its rules. No CLI code here.
    .target(
      name: "SamePageKit",
      dependencies: [
        "CCMark",
        "SamePageScoring",
        .product(name: "Yams", package: "Yams"),
        .product(name: "Mustache", package: "swift-mustache"),
        .product(name: "Crypto", package: "swift-crypto"),
      ]
    ),
    // The scoring core and its config format. Depends on nothing of the glossary model, so it
    // could move to another repository tomorrow.
    .target(name: "SamePageScoring"),
    .executableTarget(
      name: "SamePageCLI",
      dependencies: [
        "SamePageKit",
        "SamePageScoring",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    // Fuzz entry points (Scripts/fuzz): load + resolve + validate, and the scoring readers.
    .target(name: "SamePageFuzzing", dependencies: ["SamePageKit", "SamePageScoring"]),
    .executableTarget(name: "fuzz-glossary", dependencies: ["SamePageFuzzing"]),
    .executableTarget(name: "fuzz-scoring-input", dependencies: ["SamePageFuzzing"]),
    // Regenerates the rule catalogue and the embedded starter glossary from their sources.
    .target(name: "SamePageCodegen"),
    .executableTarget(
      name: "samepage-generate",
      dependencies: ["SamePageCodegen"]
    ),
    .testTarget(
      name: "SamePageKitTests",
      // SamePageCLI is a dependency so that the binary the CLI tests run is built first.
      dependencies: ["SamePageKit", "SamePageScoring", "SamePageCodegen", "SamePageCLI", "SamePageFuzzing"],
      exclude: ["Fixtures"]
    ),
  ]
)

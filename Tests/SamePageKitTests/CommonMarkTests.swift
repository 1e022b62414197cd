import SamePageKit
import Testing

@Suite struct CommonMarkTests {
  @Test func systemLibcmarkIsLinked() {
    let parts = CommonMark.libraryVersion.split(separator: ".").compactMap { Int($0) }
    #expect(parts.count == 3)
    #expect(
      parts.first == 0 && parts[1] >= 29, "libcmark \(CommonMark.libraryVersion) is older than expected")
  }
}

import CCMark

/// The system libcmark that the render stage uses to turn CommonMark into HTML.
public enum CommonMark {
  /// The linked libcmark's version, such as "0.30.2".
  public static var libraryVersion: String { String(cString: cmark_version_string()) }
}

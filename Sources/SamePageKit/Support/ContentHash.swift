import Crypto
import Foundation

public enum ContentHash {
  /// Lowercase hex SHA-256.
  public static func sha256(_ data: some DataProtocol) -> String {
    SHA256.hash(data: data).map { byte in
      let hex = String(byte, radix: 16)
      return byte < 16 ? "0" + hex : hex
    }.joined()
  }
}

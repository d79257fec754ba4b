package dev.quorum.platform.json;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256, as bytes or lower-case hex. */
public final class Sha256 {

  private Sha256() {}

  public static byte[] digest(byte[] content) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(content);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  public static byte[] digest(String text) {
    return digest(text.getBytes(StandardCharsets.UTF_8));
  }

  public static String hex(byte[] content) {
    return HexFormat.of().formatHex(digest(content));
  }

  public static String hex(String text) {
    return HexFormat.of().formatHex(digest(text));
  }
}

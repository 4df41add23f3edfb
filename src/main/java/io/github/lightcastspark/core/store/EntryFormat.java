package io.github.lightcastspark.core.store;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;

/**
 * One entry's bytes: a header line {@code lightcast-store 1 <digest> <storedMillis> <length> <sha256 of body>}, then
 * the body as the API sent it.
 */
final class EntryFormat {
  private static final String MAGIC = "lightcast-store";
  private static final String VERSION = "1";
  /** A header is shorter than this: magic, version, two digests and two numbers. */
  private static final int MAX_HEADER = 256;

  private EntryFormat() {}

  /** A parsed entry. */
  record Entry(long storedMillis, byte[] body) {}

  static byte[] format(String digest, long storedMillis, byte[] body) {
    byte[] head = String.join(
            " ",
            MAGIC,
            VERSION,
            digest,
            Long.toString(storedMillis),
            Integer.toString(body.length),
            sha256(body))
        .concat("\n")
        .getBytes(StandardCharsets.US_ASCII);
    byte[] bytes = Arrays.copyOf(head, head.length + body.length);
    System.arraycopy(body, 0, bytes, head.length, body.length);
    return bytes;
  }

  /** @return the entry, empty when {@code bytes} are not a whole, unaltered entry of {@code digest} */
  static Optional<Entry> parse(byte[] bytes, String digest) {
    int newline = -1;
    for (int i = 0; i < bytes.length && i < MAX_HEADER; i++) {
      if (bytes[i] == '\n') {
        newline = i;
        break;
      }
    }
    if (newline < 0) {
      return Optional.empty();
    }
    String[] header = new String(bytes, 0, newline, StandardCharsets.US_ASCII).split(" ");
    byte[] body = Arrays.copyOfRange(bytes, newline + 1, bytes.length);
    try {
      boolean whole = header.length == 6
          && header[0].equals(MAGIC)
          && header[1].equals(VERSION)
          && header[2].equals(digest)
          && Long.parseLong(header[4]) == body.length
          && header[5].equals(sha256(body));
      return whole ? Optional.of(new Entry(Long.parseLong(header[3]), body)) : Optional.empty();
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static String sha256(byte[] body) {
    return HexFormat.of().formatHex(ResponseStore.sha256().digest(body));
  }
}

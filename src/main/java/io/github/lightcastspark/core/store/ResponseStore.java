package io.github.lightcastspark.core.store;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileAlreadyExistsException;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.fs.RemoteIterator;

/**
 * Successful API responses kept in a folder of any Hadoop-compatible file system (option {@code cachePath}), shared
 * by every executor, job and session that points at it. An entry is named by the SHA-256 digest of its request
 * ({@link #digest}); the credential part of that request is an HMAC under the folder's own random salt, so neither
 * the names nor the contents reveal a key, a secret or a token.
 *
 * <p>An entry is written under a temporary name and renamed, so a reader never sees half of one; two writers of one
 * entry are harmless (the last rename wins, both wrote the same answer). Each entry starts with a header line that
 * repeats its digest and gives the time it was stored and its body's length and SHA-256: an entry that does not
 * match is corrupt (a truncated copy, a foreign file), is ignored and is fetched again. A killed writer leaves only
 * a temporary file, which no reader opens.
 */
public final class ResponseStore {
  /** The folder's salt file: 32 random bytes, hex, made by the first writer. */
  static final String SALT = "salt";

  private static final String ENTRY_SUFFIX = ".entry";
  private static final String TEMPORARY = ".tmp-";
  /** The largest entry read: a body the API may send (4 MiB) and its header; a longer file is no entry. */
  static final int MAX_ENTRY_BYTES = (4 << 20) + 4096;

  private final FileSystem fs;
  private final Path root;
  private final byte[] salt;

  private ResponseStore(FileSystem fs, Path root, byte[] salt) {
    this.fs = fs;
    this.root = root;
    this.salt = salt;
  }

  /**
   * @param path the folder, as a Hadoop path or URI ({@code /data/lightcast}, {@code s3a://bucket/lightcast})
   * @param conf the Hadoop configuration of the file system (credentials of an object store, say)
   * @return the store in that folder, created with its salt if it is new
   * @throws UncheckedIOException when the folder cannot be read or created
   */
  public static ResponseStore open(String path, Configuration conf) {
    try {
      Path root = new Path(path);
      FileSystem fs = withoutChecksumFiles(root.getFileSystem(conf));
      return new ResponseStore(fs, fs.makeQualified(root), salt(fs, new Path(root, SALT)));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot open the response store at " + path + ": " + e, e);
    }
  }

  /**
   * The local file system writes a {@code .crc} file beside each file and reads it with it; an entry carries its
   * own SHA-256, so the raw file system does with half the files.
   */
  private static FileSystem withoutChecksumFiles(FileSystem fs) {
    return fs instanceof LocalFileSystem local ? local.getRaw() : fs;
  }

  /** Reads the folder's salt, or makes it: of two first writers, one wins and the other reads its salt. */
  private static byte[] salt(FileSystem fs, Path file) throws IOException {
    try {
      return HexFormat.of()
          .parseHex(new String(readAll(fs, file), StandardCharsets.US_ASCII).trim());
    } catch (FileNotFoundException absent) {
      byte[] fresh = new byte[32];
      new SecureRandom().nextBytes(fresh);
      Path temporary = new Path(file.getParent(), SALT + TEMPORARY + UUID.randomUUID());
      try (OutputStream out = fs.create(temporary, false)) {
        out.write(HexFormat.of().formatHex(fresh).getBytes(StandardCharsets.US_ASCII));
      }
      if (!fs.rename(temporary, file)) {
        fs.delete(temporary, false);
      }
      return HexFormat.of()
          .parseHex(new String(readAll(fs, file), StandardCharsets.US_ASCII).trim());
    }
  }

  /**
   * @param identity what tells one credential from another, secrets included, as plain text; never stored
   * @return its HMAC-SHA256 under this folder's salt, hex: the same credential has the same one in every JVM
   */
  public String credentialHash(String identity) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(salt, "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(identity.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JVM", e);
    }
  }

  /**
   * @param parts what makes two requests the same: the credential hash, method, URL, canonical body and vintage
   * @return the SHA-256 of the parts, hex: the entry's name
   */
  public static String digest(String... parts) {
    MessageDigest sha = sha256();
    for (String part : parts) {
      sha.update(part.getBytes(StandardCharsets.UTF_8));
      sha.update((byte) 0);
    }
    return HexFormat.of().formatHex(sha.digest());
  }

  /**
   * @param digest the entry's name, from {@link #digest}
   * @param ttl how old an entry may be and still answer
   * @param nowMillis now, wall clock
   * @return what the store holds for the request
   */
  public Lookup read(String digest, Duration ttl, long nowMillis) {
    byte[] bytes;
    try {
      bytes = readAll(fs, entry(digest));
    } catch (FileNotFoundException e) {
      return Lookup.miss();
    } catch (IOException e) {
      return Lookup.corrupt();
    }
    return EntryFormat.parse(bytes, digest)
        .map(entry -> nowMillis - entry.storedMillis() > ttl.toMillis()
            ? Lookup.expired()
            : Lookup.hit(entry.body()))
        .orElseGet(Lookup::corrupt);
  }

  /**
   * Keeps {@code body} as the answer to the request {@code digest} names, replacing an older one.
   *
   * @throws UncheckedIOException when the folder cannot be written
   */
  public void write(String digest, byte[] body, long nowMillis) {
    Path target = entry(digest);
    Path temporary = new Path(target.getParent(), digest + TEMPORARY + UUID.randomUUID());
    try {
      try (OutputStream out = fs.create(temporary, false)) {
        out.write(EntryFormat.format(digest, nowMillis, body));
      } catch (FileAlreadyExistsException impossible) {
        throw new IllegalStateException("a fresh temporary name exists: " + temporary, impossible);
      }
      if (!fs.rename(temporary, target)) {
        // The file system will not rename over an entry (HDFS): replace it. A reader in between
        // misses it once.
        fs.delete(target, false);
        if (!fs.rename(temporary, target)) {
          fs.delete(temporary, false);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write to the response store at " + root + ": " + e, e);
    }
  }

  /**
   * Lists the entries at most {@code ttl} old by their files' modification times, which are when they were written:
   * one listing of the folder (a few calls on an object store), not one call per request. An entry listed here may
   * still turn out corrupt when read, and is then fetched again.
   *
   * @return the digests of the entries listed
   * @throws UncheckedIOException when the folder cannot be listed
   */
  public Set<String> listed(Duration ttl, long nowMillis) {
    Set<String> digests = new HashSet<>();
    try {
      for (FileStatus file : files()) {
        String name = file.getPath().getName();
        if (name.endsWith(ENTRY_SUFFIX)
            && nowMillis - file.getModificationTime() <= ttl.toMillis()) {
          digests.add(name.substring(0, name.length() - ENTRY_SUFFIX.length()));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list the response store at " + root + ": " + e, e);
    }
    return digests;
  }

  /**
   * @return every file of the folder and its sub-folders: one flat listing where the file system has one (an object
   *     store), else a listing per folder, since the local file system's flat listing runs a process per file to
   *     read its permissions
   */
  private List<FileStatus> files() throws IOException {
    List<FileStatus> files = new ArrayList<>();
    if (fs instanceof RawLocalFileSystem) {
      for (FileStatus child : fs.listStatus(root)) {
        if (child.isDirectory()) {
          files.addAll(List.of(fs.listStatus(child.getPath())));
        }
      }
      return files;
    }
    RemoteIterator<LocatedFileStatus> listing = fs.listFiles(root, true);
    while (listing.hasNext()) {
      files.add(listing.next());
    }
    return files;
  }

  /** @return the file of the entry {@code digest} names: in one of 256 folders, so none grows too long */
  Path entry(String digest) {
    return new Path(new Path(root, digest.substring(0, 2)), digest + ENTRY_SUFFIX);
  }

  /** @throws IOException also when the file is longer than {@link #MAX_ENTRY_BYTES} */
  private static byte[] readAll(FileSystem fs, Path file) throws IOException {
    try (InputStream in = fs.open(file)) {
      byte[] bytes = in.readNBytes(MAX_ENTRY_BYTES + 1);
      if (bytes.length > MAX_ENTRY_BYTES) {
        throw new IOException(file + " is longer than any entry");
      }
      return bytes;
    }
  }

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 is part of every JVM", e);
    }
  }
}

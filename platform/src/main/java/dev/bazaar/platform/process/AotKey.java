package dev.bazaar.platform.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The name of one component's AOT cache files, {@code <component>-<hash>.*}. A cache is only valid
 * for the exact JDK build, classpath (each jar's path, size and time) and options it was made with,
 * and the JVM refuses a stale one silently; the hash covers all of them, so a rebuild or a JDK update
 * just asks for a new cache instead of running with a refused one.
 */
public record AotKey(String component, String hash) {

    private static final int HASH_CHARS = 16;
    private static final Pattern FILE = Pattern.compile("(.+)-([0-9a-f]{" + HASH_CHARS + "})\\.(aot|aotconf|cmd|failed)");

    /**
     * The key of {@code target} on {@code jdk} (vendor and full version, build included): a hash of
     * the JDK, every argument of the command line (the cache flags are never part of it) and the size
     * and modification time of every classpath entry.
     */
    public static AotKey of(AotTarget target, String jdk) {
        MessageDigest digest = sha256();
        update(digest, "jdk " + jdk);
        target.jvm().forEach(argument -> update(digest, argument));
        target.application().forEach(argument -> update(digest, argument));
        for (Path entry : target.classpath()) {
            update(digest, entry + " " + sizeAndTime(entry));
        }
        String hash = HexFormat.of().formatHex(digest.digest()).substring(0, HASH_CHARS);
        return new AotKey(target.component(), hash);
    }

    /** The key a cache file of {@code dir} is named after, if it is one. */
    public static Optional<AotKey> ofFile(Path file) {
        Matcher matcher = FILE.matcher(file.getFileName().toString());
        return matcher.matches() ? Optional.of(new AotKey(matcher.group(1), matcher.group(2))) : Optional.empty();
    }

    /** {@code <component>-<hash>}, the stem of every file of this key. */
    public String name() {
        return component + "-" + hash;
    }

    /** Whether {@code file} belongs to the same component under another key (an older build's). */
    public boolean supersedes(Path file) {
        return ofFile(file).filter(other -> other.component.equals(component) && !other.hash.equals(hash)).isPresent();
    }

    /** The cache the JVM maps at start ({@code -XX:AOTCache}). */
    public Path cache(Path dir) {
        return dir.resolve(name() + ".aot");
    }

    /** What a training run recorded at its exit ({@code -XX:AOTConfiguration}), input of the cache's creation. */
    public Path configuration(Path dir) {
        return dir.resolve(name() + ".aotconf");
    }

    /** The JVM part of the command line of the training run, one argument a line: the cache is created with it. */
    public Path recipe(Path dir) {
        return dir.resolve(name() + ".cmd");
    }

    /** Left when creating the cache failed, so that this key is not trained again and again. */
    public Path failure(Path dir) {
        return dir.resolve(name() + ".failed");
    }

    private static String sizeAndTime(Path entry) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(entry, BasicFileAttributes.class);
            return attributes.size() + " " + attributes.lastModifiedTime().toMillis();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the size and time of " + entry, e);
        }
    }

    private static void update(MessageDigest digest, String text) {
        digest.update(text.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}

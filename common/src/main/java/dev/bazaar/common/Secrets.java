package dev.bazaar.common;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.regex.Pattern;

/**
 * Passwords generated once at first start and reused after, one file per name, readable only by
 * the owner. Nothing secret is ever committed: a fresh checkout gets fresh passwords.
 */
public final class Secrets {

    /** Names of the secrets: principals, stores and registry users. */
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9.-]{0,63}");
    private static final char[] ALPHABET =
            "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789".toCharArray();
    private static final int LENGTH = 32;

    private final Path dir;
    private final SecureRandom random = new SecureRandom();

    public Secrets(Path dir) {
        this.dir = dir;
    }

    /** The password called {@code name}, generated and stored (mode 0600) when it does not exist yet. */
    public String password(String name) {
        Path file = file(name);
        if (Files.exists(file)) {
            return read(file);
        }
        try {
            createDir();
            Path tmp = Files.createTempFile(dir, name, ".tmp", PosixFilePermissions.asFileAttribute(
                    PosixFilePermissions.fromString("rw-------")));
            Files.writeString(tmp, generate(), StandardCharsets.UTF_8);
            try {
                // a hard link appears with its whole content or not at all, and never replaces a secret
                // another thread or process created meanwhile (a rename would)
                Files.createLink(file, tmp);
            } catch (FileAlreadyExistsException raced) {
                // the other one won: everyone uses its password
            } finally {
                Files.deleteIfExists(tmp);
            }
            return read(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write secret " + file, e);
        }
    }

    /** Whether the secret exists already, without creating it. */
    public boolean exists(String name) {
        return Files.exists(file(name));
    }

    public Path file(String name) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("invalid secret name '" + name + "': expected " + NAME.pattern());
        }
        return dir.resolve(name + ".password");
    }

    private void createDir() throws IOException {
        if (!Files.isDirectory(dir)) {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(
                    PosixFilePermissions.fromString("rwx------")));
        }
    }

    private String generate() {
        StringBuilder password = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            password.append(ALPHABET[random.nextInt(ALPHABET.length)]);
        }
        return password.toString();
    }

    private static String read(Path file) {
        try {
            String value = Files.readString(file, StandardCharsets.UTF_8).strip();
            if (value.isEmpty()) {
                throw new IllegalStateException("secret file " + file + " is empty: delete it to generate a new one");
            }
            return value;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read secret " + file, e);
        }
    }
}

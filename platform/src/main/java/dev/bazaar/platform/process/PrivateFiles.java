package dev.bazaar.platform.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

/** Writes configuration files that hold secrets: owner-only (0600), replaced atomically. */
public final class PrivateFiles {

    private PrivateFiles() {
    }

    /** Writes {@code props} as a properties file, one {@code key=value} a line in the given order. */
    public static void writeProperties(Path file, Map<String, String> props, String comment) {
        StringBuilder text = new StringBuilder("# ").append(comment).append(System.lineSeparator());
        props.forEach((key, value) -> text.append(key).append('=').append(escape(value)).append(System.lineSeparator()));
        write(file, text.toString());
    }

    public static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** Escapes what java.util.Properties would misread: backslashes and line breaks. */
    private static String escape(String value) {
        return value.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r");
    }
}

package dev.bazaar.ssl;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.UnrecoverableKeyException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;

/**
 * File handling for the TLS folder: private directory, atomic writes with explicit modes, PKCS12 and PEM.
 *
 * <p>Every write goes to a temporary file in the target's folder, is synced and then moved over the
 * target atomically, so a crash never leaves a half-written keystore behind for a broker to choke on.
 */
final class StoreFiles {

    static final Set<PosixFilePermission> PRIVATE_DIRECTORY = PosixFilePermissions.fromString("rwx------");
    static final Set<PosixFilePermission> PRIVATE_FILE = PosixFilePermissions.fromString("rw-------");
    static final Set<PosixFilePermission> PUBLIC_FILE = PosixFilePermissions.fromString("rw-r--r--");
    private static final String PKCS12 = "PKCS12";

    private StoreFiles() {
    }

    /** Creates {@code dir} with mode 0700 when it does not exist; leaves an existing folder alone. */
    static void ensureDirectory(Path dir) {
        if (Files.isDirectory(dir)) {
            return;
        }
        try {
            Path parent = dir.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.createDirectory(dir, attributes(dir, PRIVATE_DIRECTORY));
            setPermissions(dir, PRIVATE_DIRECTORY);
        } catch (FileAlreadyExistsException e) {
            if (!Files.isDirectory(dir)) {
                throw new UncheckedIOException("Could not create TLS folder " + dir + ": a file is in the way", e);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create TLS folder " + dir, e);
        }
    }

    /** A new, empty PKCS12 key store. */
    static KeyStore newPkcs12() {
        try {
            KeyStore store = KeyStore.getInstance(PKCS12);
            store.load(null, null);
            return store;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("Could not create an empty PKCS12 key store: " + e, e);
        }
    }

    static KeyStore loadPkcs12(Path file, char[] password) {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance(PKCS12);
            store.load(in, password);
            return store;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read PKCS12 store " + file + ": " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not read PKCS12 store " + file + ": " + e, e);
        }
    }

    /**
     * The store in {@code file} opened with {@code password}, or empty when that password fails the
     * store's integrity check (a wrong password); any other failure is thrown as by {@link #loadPkcs12}.
     */
    static Optional<KeyStore> loadPkcs12IfPassword(Path file, char[] password) {
        try {
            return Optional.of(loadPkcs12(file, password));
        } catch (UncheckedIOException e) {
            if (e.getCause().getCause() instanceof UnrecoverableKeyException) {
                return Optional.empty();
            }
            throw e;
        }
    }

    static void storePkcs12(Path file, KeyStore store, char[] password, Set<PosixFilePermission> mode) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            store.store(out, password);
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("Could not encode PKCS12 store " + file + ": " + e, e);
        }
        writeAtomically(file, out.toByteArray(), mode);
    }

    static String pem(X509Certificate certificate) {
        try {
            String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                    .encodeToString(certificate.getEncoded());
            return "-----BEGIN CERTIFICATE-----\n" + body + "\n-----END CERTIFICATE-----\n";
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException("Could not encode certificate " + certificate.getSubjectX500Principal()
                    + " as PEM: " + e, e);
        }
    }

    static X509Certificate readPem(Path file) {
        try {
            byte[] content = Files.readAllBytes(file);
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(content));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read PEM certificate " + file, e);
        } catch (CertificateException e) {
            throw new IllegalStateException("Could not parse PEM certificate " + file + ": " + e, e);
        }
    }

    /** Writes {@code content} to a synced temporary file beside {@code file}, then moves it over {@code file}. */
    static void writeAtomically(Path file, byte[] content, Set<PosixFilePermission> mode) {
        Path dir = file.toAbsolutePath().getParent();
        Path temp = null;
        try {
            temp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp", attributes(dir, mode));
            setPermissions(temp, mode);
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            temp = null;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + file, e);
        } finally {
            deleteQuietly(temp);
        }
    }

    private static void deleteQuietly(Path temp) {
        if (temp == null) {
            return;
        }
        try {
            Files.deleteIfExists(temp);
        } catch (IOException e) {
            System.getLogger(StoreFiles.class.getName()).log(System.Logger.Level.WARNING,
                    "Could not delete temporary file {0}: {1}", temp, e.getMessage());
        }
    }

    private static boolean isPosix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    private static FileAttribute<?>[] attributes(Path path, Set<PosixFilePermission> mode) {
        return isPosix(path)
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(mode)}
                : new FileAttribute<?>[0];
    }

    /** Applies {@code mode} exactly, since the creation attribute is narrowed by the process umask. */
    private static void setPermissions(Path path, Set<PosixFilePermission> mode) throws IOException {
        if (isPosix(path)) {
            Files.setPosixFilePermissions(path, mode);
        }
    }
}

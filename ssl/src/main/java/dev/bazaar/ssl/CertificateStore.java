package dev.bazaar.ssl;

import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Issues and keeps the platform CA and leaf keystores in one folder; every method is idempotent.
 *
 * <p>The platform runs with TLS everywhere (SASL_SSL for clients, mutual TLS between controllers),
 * so it needs its own CA and a keystore per node and service from the very first start, without
 * any manual {@code keytool}/{@code openssl} steps. Calling the {@code ensure} methods at every
 * start keeps the material valid: leaves are reissued when their host names change, when the CA
 * was replaced, or when they are about to expire, and left untouched otherwise so running peers
 * keep trusting them. The CA itself is never replaced once created, because every client trusts it.
 *
 * <p>Layout of the folder (created with mode 0700):
 * <ul>
 *   <li>{@code ca.p12} — the CA key and certificate under alias {@code ca} (0600), under the CA's own
 *       password, so that whoever holds a leaf keystore's password still cannot issue certificates;</li>
 *   <li>{@code truststore.p12} — only the CA certificate, for JVM clients and brokers;</li>
 *   <li>{@code ca.pem} — the CA certificate for librdkafka clients such as kcat;</li>
 *   <li>{@code <name>.p12} — a leaf key with the chain [leaf, CA] under alias {@code <name>} (0600).</li>
 * </ul>
 * All stores are PKCS12; the leaf keystores share one password, the truststore may have its own so that
 * clients which are given it learn nothing that opens a key. A {@code ca.p12} written by an earlier
 * version under the keystore password is rewritten under the CA password the first time it is
 * loaded, keeping the same CA.
 *
 * <p>Opening a PKCS12 store runs its password-based key derivation, tens of milliseconds each; a store
 * instance remembers what it read from each file and reads a file again only when it changed (see
 * {@link FileStamp}), so that checking every keystore at each {@code up} or restart costs next to nothing
 * after the first time. Every check on what was read runs each time.
 */
public final class CertificateStore {

    private static final System.Logger LOG = System.getLogger(CertificateStore.class.getName());
    private static final String CA_NAME = "ca";
    private static final String TRUSTSTORE_NAME = "truststore";
    private static final Set<String> RESERVED_NAMES = Set.of(CA_NAME, TRUSTSTORE_NAME);
    private static final Duration RENEW_BEFORE = Duration.ofDays(30);
    private static final String EXTENSION = ".p12";

    private final Path sslDir;
    private final char[] password;
    private final char[] truststorePassword;
    private final char[] caPassword;
    private final Clock clock;
    private final CertificateIssuer issuer;
    /** What was read from each store file, while the file stays as it was then. */
    private final Map<Path, Loaded> loaded = new HashMap<>();
    /** The CA as last read from or written to {@code ca.p12}, while the file stays as it was then. */
    private Loaded authority;

    /** A store file's content as read or written here, with the file's stamp at that moment. */
    private record Loaded(FileStamp stamp, KeyStore store, IssuedKey key) {
    }

    /**
     * @param sslDir the folder holding the TLS material, typically {@code var/ssl}
     * @param storePassword the password of every leaf keystore (copied)
     * @param truststorePassword the password of the truststore, which clients are given (copied)
     * @param caPassword the password of {@code ca.p12}, known to nothing but the issuer (copied); it must
     *     differ from {@code storePassword}
     * @throws IllegalArgumentException when {@code caPassword} equals {@code storePassword}
     */
    public CertificateStore(Path sslDir, char[] storePassword, char[] truststorePassword, char[] caPassword) {
        this(sslDir, storePassword, truststorePassword, requireOwn(caPassword, storePassword), Clock.systemUTC());
    }

    /** For tests: issues certificates as if {@code clock} told the time. */
    CertificateStore(Path sslDir, char[] storePassword, char[] caPassword, Clock clock) {
        this(sslDir, storePassword, storePassword, requireOwn(caPassword, storePassword), clock);
    }

    private CertificateStore(Path sslDir, char[] storePassword, char[] truststorePassword, char[] caPassword,
            Clock clock) {
        this.sslDir = Objects.requireNonNull(sslDir, "sslDir");
        this.password = Objects.requireNonNull(storePassword, "storePassword").clone();
        this.truststorePassword = Objects.requireNonNull(truststorePassword, "truststorePassword").clone();
        this.caPassword = Objects.requireNonNull(caPassword, "caPassword").clone();
        this.clock = Objects.requireNonNull(clock, "clock");
        this.issuer = new CertificateIssuer(clock);
    }

    private static char[] requireOwn(char[] caPassword, char[] storePassword) {
        if (Arrays.equals(Objects.requireNonNull(caPassword, "caPassword"), storePassword)) {
            throw new IllegalArgumentException("the CA password must differ from the keystore password, "
                    + "or every holder of a keystore could open the CA key");
        }
        return caPassword;
    }

    /**
     * Creates the CA ({@code ca.p12} holding the CA key, mode 0600; {@code ca.pem}; {@code truststore.p12}
     * holding only the CA certificate) if missing; loads it otherwise.
     */
    public void ensureAuthority() {
        authority();
    }

    /**
     * Returns {@code <sslDir>/<name>.p12} (alias = name, key + chain [leaf, CA], mode 0600), issuing it when
     * missing, when its SANs differ from the identity's, when it was not signed by the current CA, or when it
     * expires within 30 days.
     */
    public synchronized Path ensureKeystore(TlsIdentity identity) {
        Objects.requireNonNull(identity, "identity");
        if (RESERVED_NAMES.contains(identity.name())) {
            throw new IllegalArgumentException("TLS identity name '" + identity.name() + "' is reserved for the "
                    + identity.name() + EXTENSION + " file");
        }
        IssuedKey ca = authority();
        Path file = keystore(identity.name());
        Optional<String> reason = reissueReason(file, identity, ca);
        if (reason.isPresent()) {
            issueKeystore(file, identity, ca, reason.get());
        }
        return file;
    }

    /** {@code <sslDir>/truststore.p12}: the CA certificate only. */
    public Path truststore() {
        return sslDir.resolve(TRUSTSTORE_NAME + EXTENSION);
    }

    /** {@code <sslDir>/ca.pem}: the CA certificate for clients that do not read PKCS12. */
    public Path caPem() {
        return sslDir.resolve(CA_NAME + ".pem");
    }

    /** {@code <sslDir>/<name>.p12}, whether or not it exists yet. */
    public Path keystore(String name) {
        return sslDir.resolve(TlsIdentity.requireValidName(name) + EXTENSION);
    }

    /** Expiry of a leaf or of the CA ("ca"), for monitoring (CertificateExpiresSoon). */
    public Instant notAfter(String name) {
        Path file = keystore(name);
        KeyStore store = StoreFiles.loadPkcs12(file, CA_NAME.equals(name) ? caPassword : password);
        try {
            if (!(store.getCertificate(name) instanceof X509Certificate certificate)) {
                throw new IllegalStateException(file + " holds no X.509 certificate under alias " + name);
            }
            return certificate.getNotAfter().toInstant();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not read certificate " + name + " from " + file + ": " + e, e);
        }
    }

    private synchronized IssuedKey authority() {
        StoreFiles.ensureDirectory(sslDir);
        IssuedKey ca = loadOrCreateAuthority();
        ensureTruststore(ca.certificate());
        ensureCaPem(ca.certificate());
        return ca;
    }

    private IssuedKey loadOrCreateAuthority() {
        Path file = keystore(CA_NAME);
        if (authority != null && authority.stamp().matches(file)) {
            return authority.key();
        }
        if (Files.exists(file)) {
            Optional<FileStamp> stamp = FileStamp.of(file);
            IssuedKey ca = loadAuthority(file);
            warnIfExpiresSoon(ca.certificate());
            remember(stamp, ca);
            return ca;
        }
        IssuedKey ca = issuer.issueAuthority();
        storeAuthority(file, ca);
        LOG.log(Level.INFO, "Created platform CA {0} (serial {1}), valid until {2}, in {3}",
                ca.certificate().getSubjectX500Principal().getName(), ca.certificate().getSerialNumber().toString(16),
                ca.certificate().getNotAfter().toInstant(), file);
        return ca;
    }

    /** Remembers the CA read from {@code ca.p12} when it had {@code stamp} (nothing when it could not be looked at). */
    private void remember(Optional<FileStamp> stamp, IssuedKey ca) {
        authority = stamp.map(seen -> new Loaded(seen, null, ca)).orElse(null);
    }

    /**
     * Opens ca.p12 with the CA password; one still under the keystore password (written before the CA
     * had its own) is rewritten under the CA password, the same key and certificate. The CA cannot be
     * regenerated without breaking trust, so an unreadable ca.p12 is an error, not a reason to reissue.
     */
    private IssuedKey loadAuthority(Path file) {
        Optional<KeyStore> own = StoreFiles.loadPkcs12IfPassword(file, caPassword);
        if (own.isPresent()) {
            return key(own.get(), file, CA_NAME, caPassword);
        }
        Optional<KeyStore> legacy = Arrays.equals(caPassword, password) ? Optional.empty()
                : StoreFiles.loadPkcs12IfPassword(file, password);
        if (legacy.isEmpty()) {
            throw new IllegalStateException(file + " opens with neither the CA password nor the keystore password: "
                    + "restore the CA password it was written with, or delete the TLS folder to create a new CA "
                    + "(which every client must then trust anew)");
        }
        IssuedKey ca = key(legacy.get(), file, CA_NAME, password);
        storeAuthority(file, ca);
        LOG.log(Level.INFO, "Moved the key of platform CA {0} (serial {1}) in {2} from the keystore password to the "
                + "CA password", ca.certificate().getSubjectX500Principal().getName(),
                ca.certificate().getSerialNumber().toString(16), file);
        return ca;
    }

    private void storeAuthority(Path file, IssuedKey ca) {
        KeyStore store = StoreFiles.newPkcs12();
        setKeyEntry(store, file, CA_NAME, caPassword, ca.key(), ca.certificate());
        StoreFiles.storePkcs12(file, store, caPassword, StoreFiles.PRIVATE_FILE);
        remember(FileStamp.of(file), ca);
    }

    private static IssuedKey key(KeyStore store, Path file, String alias, char[] keyPassword) {
        try {
            Key key = store.getKey(alias, keyPassword);
            Certificate certificate = store.getCertificate(alias);
            if (!(key instanceof PrivateKey privateKey) || !(certificate instanceof X509Certificate x509)) {
                throw new IllegalStateException(file + " holds no private key and certificate under alias " + alias);
            }
            return new IssuedKey(privateKey, x509);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not read the key " + alias + " from " + file + ": " + e, e);
        }
    }

    private void warnIfExpiresSoon(X509Certificate ca) {
        if (expiresSoon(ca)) {
            LOG.log(Level.WARNING, "Platform CA in {0} expires on {1}; delete the TLS folder to create a new one",
                    sslDir, ca.getNotAfter().toInstant());
        }
    }

    /** The truststore is derived from the CA, so it is rewritten whenever it is missing, unreadable or stale. */
    private void ensureTruststore(X509Certificate ca) {
        Path file = truststore();
        if (Files.exists(file) && holdsOnly(file, ca)) {
            return;
        }
        KeyStore store = StoreFiles.newPkcs12();
        try {
            store.setCertificateEntry(CA_NAME, ca);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not add the CA certificate to " + file + ": " + e, e);
        }
        StoreFiles.storePkcs12(file, store, truststorePassword, StoreFiles.PUBLIC_FILE);
        LOG.log(Level.INFO, "Wrote truststore {0}", file);
    }

    private boolean holdsOnly(Path truststore, X509Certificate ca) {
        try {
            KeyStore store = load(truststore, truststorePassword);
            return store.size() == 1 && ca.equals(store.getCertificate(CA_NAME));
        } catch (UncheckedIOException | IllegalStateException | GeneralSecurityException e) {
            LOG.log(Level.WARNING, "Rewriting unreadable truststore {0}: {1}", truststore, e.getMessage());
            return false;
        }
    }

    private void ensureCaPem(X509Certificate ca) {
        Path file = caPem();
        if (Files.exists(file) && pemHolds(file, ca)) {
            return;
        }
        StoreFiles.writeAtomically(file, StoreFiles.pem(ca).getBytes(StandardCharsets.US_ASCII),
                StoreFiles.PUBLIC_FILE);
        LOG.log(Level.INFO, "Wrote CA certificate {0}", file);
    }

    private static boolean pemHolds(Path file, X509Certificate ca) {
        try {
            return ca.equals(StoreFiles.readPem(file));
        } catch (UncheckedIOException | IllegalStateException e) {
            LOG.log(Level.WARNING, "Rewriting unreadable CA certificate {0}: {1}", file, e.getMessage());
            return false;
        }
    }

    /** Why the keystore must be (re)issued, or empty when the existing one is still good. */
    private Optional<String> reissueReason(Path file, TlsIdentity identity, IssuedKey ca) {
        if (!Files.exists(file)) {
            return Optional.of("missing");
        }
        try {
            KeyStore store = load(file, password);
            Certificate[] chain = store.getCertificateChain(identity.name());
            if (!store.isKeyEntry(identity.name()) || chain == null || chain.length != 2
                    || !(chain[0] instanceof X509Certificate leaf)) {
                return Optional.of("no key entry with chain [leaf, CA] under alias " + identity.name());
            }
            return reissueReason(leaf, chain[1], identity, ca.certificate());
        } catch (UncheckedIOException | IllegalStateException | GeneralSecurityException e) {
            return Optional.of("unreadable (" + e.getMessage() + ")");
        }
    }

    private Optional<String> reissueReason(X509Certificate leaf, Certificate chainCa, TlsIdentity identity,
            X509Certificate ca) throws GeneralSecurityException {
        if (!chainCa.equals(ca) || !signedBy(leaf, ca)) {
            return Optional.of("not signed by the current CA");
        }
        if (!leaf.getSubjectX500Principal().equals(CertificateIssuer.leafSubject(identity))) {
            return Optional.of("subject differs from " + CertificateIssuer.leafSubject(identity).getName());
        }
        if (!CertificateIssuer.subjectAltNames(leaf).equals(CertificateIssuer.expectedSubjectAltNames(identity))) {
            return Optional.of("subject alternative names differ from "
                    + CertificateIssuer.expectedSubjectAltNames(identity));
        }
        if (expiresSoon(leaf) && leaf.getNotAfter().before(ca.getNotAfter())) {
            return Optional.of("expires on " + leaf.getNotAfter().toInstant());
        }
        return Optional.empty();
    }

    /**
     * The store in {@code file} opened with {@code password}: as read before while the file is unchanged,
     * otherwise read now. Only the leaf keystores and the truststore, each with its one password, come here.
     */
    private KeyStore load(Path file, char[] storePassword) {
        Loaded known = loaded.get(file);
        if (known != null && known.stamp().matches(file)) {
            return known.store();
        }
        Optional<FileStamp> stamp = FileStamp.of(file);
        KeyStore store = StoreFiles.loadPkcs12(file, storePassword);
        stamp.ifPresentOrElse(seen -> loaded.put(file, new Loaded(seen, store, null)), () -> loaded.remove(file));
        return store;
    }

    private static boolean signedBy(X509Certificate leaf, X509Certificate ca) {
        try {
            leaf.verify(ca.getPublicKey());
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private boolean expiresSoon(X509Certificate certificate) {
        return certificate.getNotAfter().toInstant().isBefore(clock.instant().plus(RENEW_BEFORE));
    }

    private void issueKeystore(Path file, TlsIdentity identity, IssuedKey ca, String reason) {
        IssuedKey leaf = issuer.issueLeaf(identity, ca);
        KeyStore store = StoreFiles.newPkcs12();
        setKeyEntry(store, file, identity.name(), password, leaf.key(), leaf.certificate(), ca.certificate());
        StoreFiles.storePkcs12(file, store, password, StoreFiles.PRIVATE_FILE);
        LOG.log(Level.INFO, "Issued keystore {0} for {1} (serial {2}, {3}), valid until {4}", file,
                leaf.certificate().getSubjectX500Principal().getName(), leaf.certificate().getSerialNumber().toString(16),
                reason, leaf.certificate().getNotAfter().toInstant());
    }

    private static void setKeyEntry(KeyStore store, Path file, String alias, char[] keyPassword, PrivateKey key,
            X509Certificate... chain) {
        try {
            store.setKeyEntry(alias, key, keyPassword, chain);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not add key " + alias + " to " + file + ": " + e, e);
        }
    }
}

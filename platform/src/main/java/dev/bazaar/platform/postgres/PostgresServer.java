package dev.bazaar.platform.postgres;

import dev.bazaar.common.PlatformTls;
import dev.bazaar.common.RuntimeLayout;
import dev.bazaar.platform.ComponentStatus;
import dev.bazaar.platform.process.ManagedProcess;
import dev.bazaar.platform.process.Poll;
import dev.bazaar.platform.process.PrivateFiles;
import dev.bazaar.platform.process.ProcessStopper;
import dev.bazaar.platform.process.StartupFailure;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL 17 server (the binaries of module {@code postgres-node}, unpacked under
 * {@code var/lib/} at the first start), data in {@code var/data/postgres}, on loopback with TLS from
 * the platform CA and SCRAM passwords only ({@link PostgresConfig}). PostgreSQL refuses to run as
 * root: as root, the launcher runs it in a user namespace of its own ({@code unshare -U}), where
 * it is an unprivileged user that still owns its files.
 */
public final class PostgresServer {

    public static final String COMPONENT = "postgres";
    /** The superuser role the launcher creates the databases and roles with. */
    public static final String ADMIN = "bazaar";
    /** The platform's database. */
    public static final String DATABASE = "bazaar";
    private static final String HOST = "127.0.0.1";
    public static final String ADMIN_SECRET = "postgres-bazaar";
    private static final String ARCHIVE = "postgres-linux-x86_64.txz";
    private static final Duration STOP_DEADLINE = Duration.ofSeconds(30);
    private static final Logger log = LoggerFactory.getLogger(PostgresServer.class);

    private final Path home;
    private final RuntimeLayout layout;
    private final int port;

    public PostgresServer(Path home, RuntimeLayout layout, int port) {
        this.home = home;
        this.layout = layout;
        this.port = port;
    }

    public int port() {
        return port;
    }

    /** Whether module {@code postgres-node} was built, so that there are binaries to run. */
    public boolean built() {
        return Files.exists(archive());
    }

    /** Where the server listens and how its superuser logs in: loopback, TLS verified against the platform CA. */
    public PostgresTarget target() {
        return new PostgresTarget(HOST, port, DATABASE, "sslmode=verify-full&sslrootcert="
                + PostgresTarget.encodePath(layout.caPem().toString()), ADMIN, this::adminPassword, false);
    }

    /** The JDBC URL of {@code database}, TLS verified against the platform CA. */
    public String jdbcUrl(String database) {
        return target().withDatabase(database).jdbcUrl();
    }

    /** A libpq URL for psql and other clients: {@code role}'s password, TLS verified against the platform CA. */
    public String libpqUrl(String role, String password, String database) {
        return target().withDatabase(database).libpqUrl(role, password);
    }

    /** The password of the superuser role {@value #ADMIN}, generated at the first start. */
    public String adminPassword() {
        return layout.secrets().password(ADMIN_SECRET);
    }

    /**
     * Unpacks the binaries and creates the cluster when missing, writes its configuration (with
     * {@code replicationRoles} in {@code pg_hba.conf}), and starts it unless it runs: then see
     * {@link #updateAccess}.
     */
    public boolean launch(List<String> replicationRoles) {
        if (process().running().isPresent()) {
            return false;
        }
        Path binaries = install();
        initialise(binaries);
        Path conf = writeConfig(replicationRoles);
        List<String> command = new ArrayList<>(Rootless.prefix());
        command.addAll(List.of(binaries.resolve("bin/postgres").toString(), "-D", dataDir().toString(),
                "-c", "config_file=" + conf));
        process().start(command, dataDir(), Map.of("LD_LIBRARY_PATH", binaries.resolve("lib").toString()));
        return true;
    }

    /** Waits until the admin role can log in over TLS, then creates the platform's database when missing. */
    public void awaitReady(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (!answers()) {
            if (process().running().isEmpty()) {
                throw new StartupFailure(COMPONENT, logFile(), "the process exited");
            }
            if (Instant.now().isAfter(deadline)) {
                throw new StartupFailure(COMPONENT, logFile(), "no TLS login on " + HOST + ":" + port + " within "
                        + timeout.toSeconds() + " s");
            }
            Poll.pause();
        }
        ensureDatabase(DATABASE);
    }

    /**
     * Makes the {@code pg_hba.conf} of the running server admit {@code replicationRoles} to replication and
     * no other role: when the file says otherwise, rewrites it and reloads the server, returning once new
     * connections see it. Returns whether it changed. The file is checked before the reload: PostgreSQL
     * would keep the old rules if it could not read the new ones, and say so only in its log.
     */
    public boolean updateAccess(List<String> replicationRoles, Duration timeout) {
        Path file = hbaFile();
        String text = config(replicationRoles).hbaConf();
        try {
            if (Files.exists(file) && Files.readString(file).equals(text)) {
                return false;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        PrivateFiles.write(file, text);
        reload(timeout);
        log.info("PostgreSQL reloaded {}: replication for {}", file, replicationRoles.isEmpty() ? "no role" : replicationRoles);
        return true;
    }

    /** Whether the admin role logs in over TLS and runs a query now. */
    public boolean answers() {
        try (Connection connection = connect("postgres"); Statement statement = connection.createStatement()) {
            return statement.executeQuery("SELECT 1").next();
        } catch (SQLException e) {
            return false;
        }
    }

    /** A connection of the superuser role to {@code database}. */
    public Connection connect(String database) throws SQLException {
        return target().withDatabase(database).connectAdmin();
    }

    /** Fast shutdown (SIGINT: open sessions are ended, not waited for), killed at the deadline. */
    public List<String> stop() {
        process().running().ifPresent(handle -> signal("INT", handle.pid()));
        return ProcessStopper.stopTogether(List.of(process()), STOP_DEADLINE);
    }

    public ComponentStatus status() {
        return ComponentStatus.of(process(), target().address(), this::answers);
    }

    public ManagedProcess process() {
        return new ManagedProcess(COMPONENT, layout.pidFile(COMPONENT), logFile());
    }

    public Path logFile() {
        return layout.logFile(COMPONENT);
    }

    public Path dataDir() {
        return layout.dataDir(COMPONENT);
    }

    private Path archive() {
        return home.resolve("postgres-node/target/binaries").resolve(ARCHIVE);
    }

    /** {@code var/lib/postgres}, unpacked again when the archive differs from the one it came from. */
    private Path install() {
        Path dir = layout.root().resolve("lib/postgres");
        Path marker = dir.resolve(".archive");
        try {
            String archive = Files.size(archive()) + " " + Files.getLastModifiedTime(archive()).toMillis();
            if (Files.exists(marker) && Files.readString(marker).strip().equals(archive)) {
                return dir;
            }
            deleteRecursively(dir);
            Files.createDirectories(dir);
            run(List.of("tar", "-xJf", archive().toString(), "-C", dir.toString()), dir, "unpack " + archive());
            Files.writeString(marker, archive + System.lineSeparator());
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack " + archive() + " to " + dir, e);
        }
    }

    /** {@code initdb} once: UTF-8, the superuser {@value #ADMIN} with a generated password, SCRAM only. */
    private void initialise(Path binaries) {
        if (Files.exists(dataDir().resolve("PG_VERSION"))) {
            return;
        }
        adminPassword();
        deleteRecursively(dataDir());
        List<String> command = new ArrayList<>(Rootless.prefix());
        command.addAll(List.of(binaries.resolve("bin/initdb").toString(), "-D", dataDir().toString(), "-U", ADMIN,
                "--pwfile=" + layout.secrets().file(ADMIN_SECRET), "--auth=scram-sha-256", "-E", "UTF8",
                "--locale=C", "--no-instructions"));
        run(command, layout.root(), "initdb of " + dataDir());
    }

    private Path writeConfig(List<String> replicationRoles) {
        PostgresConfig config = config(replicationRoles);
        exportPem(config.keyFile(), config.certFile());
        PrivateFiles.write(config.hbaFile(), config.hbaConf());
        Path conf = layout.confDir(COMPONENT).resolve("postgresql.conf");
        PrivateFiles.write(conf, config.postgresqlConf());
        return conf;
    }

    private PostgresConfig config(List<String> replicationRoles) {
        Path dir = layout.confDir(COMPONENT);
        return new PostgresConfig(port, hbaFile(), dir.resolve("server.crt"), dir.resolve("server.key"), replicationRoles);
    }

    private Path hbaFile() {
        return layout.confDir(COMPONENT).resolve("pg_hba.conf");
    }

    /**
     * Has the server read its configuration files again, once the rules in {@code pg_hba.conf} parse, and
     * waits until a new session started after the reload: the postmaster reloads between accepting
     * connections, and a session's {@code pg_conf_load_time()} is the postmaster's when it forked it.
     */
    private void reload(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        try (Connection connection = connect("postgres"); Statement statement = connection.createStatement()) {
            checkHbaRules(statement);
            Instant before = loadTime(statement);
            statement.execute("SELECT pg_reload_conf()");
            while (!loadTime().isAfter(before)) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("PostgreSQL did not reload " + hbaFile() + " within "
                            + timeout.toSeconds() + " s: see " + logFile());
                }
                Poll.pause();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reload the configuration of PostgreSQL on " + HOST + ":" + port + ": "
                    + e.getMessage(), e);
        }
    }

    /** Fails naming the lines of {@code pg_hba.conf} (as it is on disk) that PostgreSQL cannot read. */
    private void checkHbaRules(Statement statement) throws SQLException {
        List<String> errors = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery("SELECT line_number, error FROM pg_hba_file_rules "
                + "WHERE error IS NOT NULL ORDER BY line_number")) {
            while (rows.next()) {
                errors.add("line " + rows.getInt(1) + ": " + rows.getString(2));
            }
        }
        if (!errors.isEmpty()) {
            throw new IllegalStateException(hbaFile() + " has errors, the server keeps its old rules: " + errors);
        }
    }

    /** When the postmaster last read its configuration files, as a new session sees it. */
    private Instant loadTime() throws SQLException {
        try (Connection connection = connect("postgres"); Statement statement = connection.createStatement()) {
            return loadTime(statement);
        }
    }

    private static Instant loadTime(Statement statement) throws SQLException {
        try (ResultSet rows = statement.executeQuery("SELECT pg_conf_load_time()")) {
            rows.next();
            return rows.getObject(1, OffsetDateTime.class).toInstant();
        }
    }

    /** The key and chain of the certificate issued for {@value #COMPONENT}, as the PEM files PostgreSQL reads. */
    private void exportPem(Path keyFile, Path certFile) {
        char[] password = PlatformTls.keystorePassword(layout).toCharArray();
        Path keystore = PlatformTls.keystore(layout, COMPONENT);
        try (InputStream in = Files.newInputStream(keystore)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
            PrivateKey key = (PrivateKey) store.getKey(COMPONENT, password);
            StringBuilder chain = new StringBuilder();
            for (Certificate certificate : store.getCertificateChain(COMPONENT)) {
                chain.append(pem("CERTIFICATE", certificate.getEncoded()));
            }
            PrivateFiles.write(keyFile, pem("PRIVATE KEY", key.getEncoded()));
            PrivateFiles.write(certFile, chain.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + keystore, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot export the key of " + COMPONENT + " from " + keystore + ": " + e, e);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private void ensureDatabase(String database) {
        try (Connection connection = connect("postgres");
                PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, database);
            try (ResultSet rows = exists.executeQuery()) {
                if (!rows.next()) {
                    try (Statement create = connection.createStatement()) {
                        create.execute("CREATE DATABASE \"" + database + "\"");
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + database + " on " + HOST + ":" + port + ": "
                    + e.getMessage(), e);
        }
    }

    private void run(List<String> command, Path dir, String what) {
        try {
            Files.createDirectories(logFile().getParent());
            Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile().toFile())).start();
            if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new StartupFailure(COMPONENT, logFile(), what + " failed: " + String.join(" ", command));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command.get(0) + " for " + what, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: " + what, e);
        }
    }

    private static void signal(String signal, long pid) {
        try {
            new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start().waitFor(10, TimeUnit.SECONDS);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot send SIG" + signal + " to " + pid, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir, e);
        }
    }

}

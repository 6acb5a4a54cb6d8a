package dev.bazaar.common;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where the platform keeps its runtime state (certificates, secrets, data, logs, pids), so every
 * module finds the same file without passing paths around. Everything lives under one folder,
 * {@code var/} in a checkout, which is git-ignored.
 */
public record RuntimeLayout(Path root) {

    public RuntimeLayout {
        Objects.requireNonNull(root, "root");
        root = root.toAbsolutePath().normalize();
    }

    /** The layout of a checkout: {@code <home>/var}. */
    public static RuntimeLayout under(Path home) {
        return new RuntimeLayout(home.resolve("var"));
    }

    public Path sslDir() {
        return root.resolve("ssl");
    }

    public Path secretsDir() {
        return root.resolve("secrets");
    }

    public Path logsDir() {
        return root.resolve("logs");
    }

    public Path runDir() {
        return root.resolve("run");
    }

    public Path dataDir(String component) {
        return root.resolve("data").resolve(component);
    }

    public Path confDir(String component) {
        return root.resolve("conf").resolve(component);
    }

    public Path logFile(String component) {
        return logsDir().resolve(component + ".log");
    }

    public Path pidFile(String component) {
        return runDir().resolve(component + ".pid");
    }

    public Path truststore() {
        return sslDir().resolve("truststore.p12");
    }

    public Path caPem() {
        return sslDir().resolve("ca.pem");
    }

    public Path keystore(String identity) {
        return sslDir().resolve(identity + ".p12");
    }

    /** Addresses of the running platform, written by the launcher, read by clients. */
    public Path endpointsFile() {
        return root.resolve("endpoints.properties");
    }

    public Secrets secrets() {
        return new Secrets(secretsDir());
    }
}

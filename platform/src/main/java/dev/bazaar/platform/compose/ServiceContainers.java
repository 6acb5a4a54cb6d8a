package dev.bazaar.platform.compose;

import dev.bazaar.common.http.SecureHttpServer;
import dev.bazaar.platform.hdfs.HdfsComponent;
import dev.bazaar.platform.postgres.PostgresConfig;
import dev.bazaar.platform.postgres.PostgresServer;
import java.nio.file.attribute.PosixFilePermissions;
import dev.bazaar.platform.service.JavaService;
import dev.bazaar.platform.service.ServiceComponent;
import dev.bazaar.setup.PostgresSpec;
import java.io.File;
import java.util.TreeMap;
import java.util.stream.Stream;
import dev.bazaar.common.Secrets;
import dev.bazaar.platform.PlatformConfig;
import dev.bazaar.platform.process.PrivateFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Our services, Elasticsearch and PostgreSQL in {@code compose/}: each service's jars, java argument file and
 * environment from the catalog; Elasticsearch's and PostgreSQL's TLS material and settings.
 */
final class ServiceContainers {

    private final ComposeFolder folder;

    ServiceContainers(ComposeFolder folder) {
        this.folder = folder;
    }

    /**
     * One of our services in its container: its jars and java argument file under {@code lib/<name>}, its
     * environment (the launcher's, listening on every interface) in {@code conf/<name>/service.env}.
     */
    void service(ServiceComponent component) {
        JavaService.Launch launch = component.service().launchSpec();
        folder.java(launch.name(), launch.classpath(), launch.jvmOptions(), launch.mainClass());
        Map<String, String> env = new TreeMap<>();
        launch.environment().forEach((key, value) -> env.put(key, value.replace(folder.home().toString(), ComposePrepare.CONTAINER_HOME.toString())));
        env.put("BAZAAR_VAR", ComposePrepare.CONTAINER_VAR.toString());
        env.put(SecureHttpServer.BIND_HOST_VARIABLE, "0.0.0.0");
        env.put("MICRONAUT_SERVER_HOST", "0.0.0.0");
        if (component.dependencies().contains(ComposePrepare.ELASTICSEARCH)) {
            // the official image keeps Elasticsearch's security on (client.elasticsearch-user of client-api)
            env.put("CLIENT_ELASTICSEARCH_USER", "elastic");
        }
        if (component.dependencies().contains(HdfsComponent.NAME)) {
            // HDFS checks permissions by the user name a client gives (simple authentication)
            env.put("HADOOP_USER_NAME", launch.name());
        }
        StringBuilder text = new StringBuilder("# ").append(launch.name())
                .append(" in compose/, written by ./bazaar compose prepare from the platform's catalog\n");
        env.forEach((key, value) -> text.append(key).append('=').append(value).append('\n'));
        PrivateFiles.write(folder.host().confDir(launch.name()).resolve("service.env"), text.toString());
        folder.directory(folder.host().dataDir(launch.name()));
    }

    /** The setup jar and its runtime classpath, as the build wrote them. */
    List<Path> setupClasspath() {
        Path target = folder.home().resolve("setup").resolve("target");
        Path classpath = target.resolve("runtime.classpath");
        List<Path> jars = new ArrayList<>();
        try (Stream<Path> own = Files.list(target)) {
            own.filter(p -> p.getFileName().toString().matches("bazaar-setup-.*\\.jar")).forEach(jars::add);
            if (jars.isEmpty() || !Files.exists(classpath)) {
                throw new IllegalStateException("the build of setup is missing (" + target + "): run ./bazaar "
                        + "(it builds) or './mvnw -DskipTests install' first");
            }
            Stream.of(Files.readString(classpath).strip().split(File.pathSeparator)).filter(e -> !e.isBlank())
                    .map(Path::of).forEach(jars::add);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the build of setup in " + target, e);
        }
        return jars;
    }

    /** The launcher's jar and its runtime classpath (setup-postgres runs the launcher's PostgreSQL setup). */
    List<Path> platformClasspath() {
        Path target = folder.home().resolve("platform/target");
        List<Path> jars = new ArrayList<>(List.of(target.resolve("bazaar-platform.jar")));
        Stream.of(new PlatformConfig(folder.home(), folder.host(), folder.ports(), Duration.ofMinutes(1), Set.of()).runtimeClasspath()
                .split(File.pathSeparator)).filter(e -> !e.isBlank()).map(Path::of).forEach(jars::add);
        return jars;
    }

    /**
     * Elasticsearch's own security on: its HTTP certificate and key from the platform CA as PEM files (the image
     * reads the PKCS12 password from its own keystore only), and the password of its {@code elastic} user.
     */
    void elasticsearch() {
        Secrets secrets = folder.host().secrets();
        folder.exportPem(ComposePrepare.ELASTICSEARCH);
        secrets.password(ComposePrepare.ELASTIC_SECRET);
        folder.directory(folder.host().dataDir(ComposePrepare.ELASTICSEARCH));
        folder.note("elasticsearch: " + folder.host().sslDir().resolve(ComposePrepare.ELASTICSEARCH + ".crt") + " and its key; user elastic's "
                + "password " + secrets.file(ComposePrepare.ELASTIC_SECRET));
    }

    /**
     * PostgreSQL's official image with the embedded server's settings ({@link PostgresConfig}): TLS with its
     * certificate, SCRAM passwords, {@code hostssl} lines only, for the container network ({@code samenet}),
     * plus its own socket, which the image's first-start scripts use. setup-postgres applies migrations and roles.
     */
    void postgres() {
        String name = PostgresServer.COMPONENT;
        folder.exportPem(name);
        Path conf = folder.host().confDir(name);
        Path containerConf = folder.container().confDir(name);
        PostgresConfig config = new PostgresConfig(folder.ports().postgres(), containerConf.resolve("pg_hba.conf"),
                folder.container().sslDir().resolve(name + ".crt"), folder.container().sslDir().resolve(name + ".key"),
                PostgresSpec.load().replicationRoles());
        PrivateFiles.write(conf.resolve("postgresql.conf"), config.postgresqlConf("*", "'/var/run/postgresql'"));
        PrivateFiles.write(conf.resolve("pg_hba.conf"), config.hbaConf("samenet", true));
        try {
            Files.createDirectories(folder.host().dataDir(name), PosixFilePermissions.asFileAttribute(
                    PosixFilePermissions.fromString("rwx------")));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + folder.host().dataDir(name), e);
        }
        folder.note("postgres: " + conf.resolve("postgresql.conf") + ", pg_hba.conf");
    }

    static boolean isElasticsearch(ServiceComponent service) {
        return service.name().equals(ComposePrepare.ELASTICSEARCH);
    }
}

package dev.bazaar.platform.postgres;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The files PostgreSQL reads, written by the launcher at every start so they always say what the
 * platform promises: loopback only, no Unix socket, TLS required for every connection (there is no
 * {@code host} line in {@code pg_hba.conf}, only {@code hostssl}), SCRAM-SHA-256 passwords, and
 * {@code wal_level=logical} from the first start, so that change data capture needs no restart.
 *
 * @param replicationRoles the roles of {@code setup/postgres.yaml} with {@code replication: true}, the only
 *     ones {@code pg_hba.conf} admits to a physical replication connection
 */
public record PostgresConfig(int port, Path hbaFile, Path certFile, Path keyFile, List<String> replicationRoles) {

    /** At least what a change data capture connector needs: a WAL sender and a slot each, with room for more. */
    static final int MAX_WAL_SENDERS = 10;
    static final int MAX_REPLICATION_SLOTS = 10;

    public PostgresConfig {
        replicationRoles = List.copyOf(new TreeSet<>(replicationRoles));
    }

    /** {@code postgresql.conf}. */
    public String postgresqlConf() {
        return postgresqlConf("127.0.0.1", "''");
    }

    /**
     * The same, listening on {@code listenAddresses} with sockets in {@code socketDirectories} (quoted as
     * PostgreSQL reads them): in a container, every interface, and the image's socket folder, which its
     * first-start scripts use.
     */
    public String postgresqlConf(String listenAddresses, String socketDirectories) {
        return String.join("\n", List.of(
                "# written by ./bazaar up at every start: edit platform/.../postgres/PostgresConfig.java instead",
                "listen_addresses = '" + listenAddresses + "'",
                "port = " + port,
                "unix_socket_directories = " + socketDirectories,
                "hba_file = '" + hbaFile + "'",
                "ssl = on",
                "ssl_cert_file = '" + certFile + "'",
                "ssl_key_file = '" + keyFile + "'",
                "ssl_min_protocol_version = 'TLSv1.2'",
                "password_encryption = 'scram-sha-256'",
                "wal_level = logical",
                "max_wal_senders = " + MAX_WAL_SENDERS,
                "max_replication_slots = " + MAX_REPLICATION_SLOTS,
                "max_connections = 100",
                "shared_buffers = 64MB",
                "logging_collector = off",
                "log_destination = 'stderr'",
                "log_connections = off",
                "log_min_messages = warning",
                ""));
    }

    /**
     * {@code pg_hba.conf}: TLS with a SCRAM password, from loopback, for every database, and for physical
     * replication only to the replication roles. A logical replication connection
     * ({@code replication=database}) names a database, so it matches the first line like any other: what
     * admits it is the role's {@code REPLICATION} attribute, which only the replication roles have (and
     * which, once admitted, reads the whole cluster: the lines here do not narrow it).
     */
    public String hbaConf() {
        return hbaConf("127.0.0.1/32", false);
    }

    /**
     * The same for clients from {@code address} ({@code samenet}: the container network), and, when
     * {@code localSocket}, a SCRAM password over the server's own socket (the image's first-start scripts).
     */
    public String hbaConf(String address, boolean localSocket) {
        List<String> lines = new ArrayList<>(List.of(
                "# written by ./bazaar up at every start: TLS and a SCRAM-SHA-256 password for everyone; nothing else",
                "# is accepted. Physical replication only for the roles of setup/postgres.yaml with replication: true",
                "# TYPE   DATABASE     USER  ADDRESS       METHOD",
                "hostssl  all          all   " + address + "  scram-sha-256"));
        if (localSocket) {
            lines.add("local    all          all                 scram-sha-256");
        }
        replicationRoles.forEach(role -> lines.add("hostssl  replication  " + role + "  " + address + "  scram-sha-256"));
        lines.add("");
        return String.join("\n", lines);
    }
}

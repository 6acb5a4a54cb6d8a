package dev.bazaar.platform.postgres;

import java.nio.file.Path;
import java.util.List;

/**
 * The files PostgreSQL reads, written by the launcher at every start so they always say what the
 * platform promises: loopback only, no Unix socket, TLS required for every connection (there is no
 * {@code host} line in {@code pg_hba.conf}, only {@code hostssl}), SCRAM-SHA-256 passwords, and
 * {@code wal_level=logical} from the first start, so that change data capture needs no restart.
 */
public record PostgresConfig(int port, Path hbaFile, Path certFile, Path keyFile) {

    /** {@code postgresql.conf}. */
    public String postgresqlConf() {
        return String.join("\n", List.of(
                "# written by ./bazaar up at every start: edit platform/.../postgres/PostgresConfig.java instead",
                "listen_addresses = '127.0.0.1'",
                "port = " + port,
                "unix_socket_directories = ''",
                "hba_file = '" + hbaFile + "'",
                "ssl = on",
                "ssl_cert_file = '" + certFile + "'",
                "ssl_key_file = '" + keyFile + "'",
                "ssl_min_protocol_version = 'TLSv1.2'",
                "password_encryption = 'scram-sha-256'",
                "wal_level = logical",
                "max_wal_senders = 10",
                "max_replication_slots = 10",
                "max_connections = 100",
                "shared_buffers = 64MB",
                "logging_collector = off",
                "log_destination = 'stderr'",
                "log_connections = off",
                "log_min_messages = warning",
                ""));
    }

    /** {@code pg_hba.conf}: TLS with a SCRAM password, from loopback, for every database and for replication. */
    public String hbaConf() {
        return String.join("\n", List.of(
                "# written by ./bazaar up: TLS and a SCRAM-SHA-256 password for everyone; nothing else is accepted",
                "# TYPE   DATABASE     USER  ADDRESS       METHOD",
                "hostssl  all          all   127.0.0.1/32  scram-sha-256",
                "hostssl  replication  all   127.0.0.1/32  scram-sha-256",
                ""));
    }
}

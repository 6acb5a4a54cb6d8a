package dev.bazaar.platform.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class PostgresConfigTest {

    private final PostgresConfig config = config(List.of("cdc"));

    @Test
    void everyConnectionNeedsTlsAndAScramPasswordFromLoopback() {
        // when
        List<String> rules = rules(config);

        // then only hostssl lines, from 127.0.0.1 only, with scram-sha-256: no host, local, trust or md5 line
        assertThat(rules).as("pg_hba.conf rules").hasSize(2).allSatisfy(rule -> {
            String[] words = rule.trim().split("\\s+");
            assertThat(words[0]).as("type of %s", rule).isEqualTo("hostssl");
            assertThat(words[3]).as("address of %s", rule).isEqualTo("127.0.0.1/32");
            assertThat(words[4]).as("method of %s", rule).isEqualTo("scram-sha-256");
        });
    }

    @Test
    void onlyTheReplicationRolesMayOpenAPhysicalReplicationConnection() {
        // when
        List<String> databasesAndUsers = rules(config(List.of("other_cdc", "cdc"))).stream()
                .map(rule -> String.join(" ", Arrays.asList(rule.trim().split("\\s+")).subList(1, 3))).toList();
        List<String> withoutAny = rules(config(List.of()));

        // then a line per replication role, in a fixed order, and none for all
        assertThat(databasesAndUsers).as("database and user of each rule")
                .containsExactly("all all", "replication cdc", "replication other_cdc");
        assertThat(withoutAny).as("rules without a replication role").singleElement().asString()
                .startsWith("hostssl  all  ");
    }

    @Test
    void theServerListensOnLoopbackOnlyWithTlsAndLogicalWalFromTheFirstStart() {
        // when
        String conf = config.postgresqlConf();

        // then
        assertThat(conf).contains("listen_addresses = '127.0.0.1'", "port = 9032", "unix_socket_directories = ''",
                "ssl = on", "ssl_cert_file = '/v/conf/postgres/server.crt'", "ssl_key_file = '/v/conf/postgres/server.key'",
                "hba_file = '/v/conf/postgres/pg_hba.conf'", "password_encryption = 'scram-sha-256'", "wal_level = logical");
    }

    @Test
    void thereAreWalSendersAndSlotsForChangeDataCaptureAndMore() {
        // when
        String conf = config.postgresqlConf();

        // then at least 4 of each: the CDC connector's, a restarted task's, and room for two more
        assertThat(conf).as("postgresql.conf").contains("max_wal_senders = " + PostgresConfig.MAX_WAL_SENDERS,
                "max_replication_slots = " + PostgresConfig.MAX_REPLICATION_SLOTS);
        assertThat(List.of(PostgresConfig.MAX_WAL_SENDERS, PostgresConfig.MAX_REPLICATION_SLOTS))
                .as("WAL senders and replication slots").allSatisfy(value -> assertThat(value).isGreaterThanOrEqualTo(4));
    }

    private static PostgresConfig config(List<String> replicationRoles) {
        return new PostgresConfig(9032, Path.of("/v/conf/postgres/pg_hba.conf"), Path.of("/v/conf/postgres/server.crt"),
                Path.of("/v/conf/postgres/server.key"), replicationRoles);
    }

    private static List<String> rules(PostgresConfig config) {
        return Arrays.stream(config.hbaConf().split("\n")).filter(line -> !line.isBlank() && !line.startsWith("#")).toList();
    }
}

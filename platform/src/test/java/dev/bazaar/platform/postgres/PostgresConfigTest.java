package dev.bazaar.platform.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class PostgresConfigTest {

    private final PostgresConfig config = new PostgresConfig(9032, Path.of("/v/conf/postgres/pg_hba.conf"),
            Path.of("/v/conf/postgres/server.crt"), Path.of("/v/conf/postgres/server.key"));

    @Test
    void everyConnectionNeedsTlsAndAScramPasswordFromLoopback() {
        // when
        List<String> rules = Arrays.stream(config.hbaConf().split("\n"))
                .filter(line -> !line.isBlank() && !line.startsWith("#")).toList();

        // then only hostssl lines, from 127.0.0.1 only, with scram-sha-256: no host, local, trust or md5 line
        assertThat(rules).as("pg_hba.conf rules").hasSize(2).allSatisfy(rule -> {
            String[] words = rule.trim().split("\\s+");
            assertThat(words[0]).as("type of %s", rule).isEqualTo("hostssl");
            assertThat(words[3]).as("address of %s", rule).isEqualTo("127.0.0.1/32");
            assertThat(words[4]).as("method of %s", rule).isEqualTo("scram-sha-256");
        });
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
}

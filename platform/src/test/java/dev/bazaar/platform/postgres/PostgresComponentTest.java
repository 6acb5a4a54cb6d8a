package dev.bazaar.platform.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bazaar.common.RuntimeLayout;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PostgresComponentTest {

    @TempDir
    Path var;

    @Test
    void theEmbeddedServerOffersItsAddressAndAJdbcUrlVerifyingThePlatformCa() {
        // given
        RuntimeLayout layout = new RuntimeLayout(var);
        PostgresComponent postgres = embedded(layout);

        // when
        Map<String, String> endpoints = postgres.endpoints();

        // then: what ${postgres-jdbc.url} means in a connector config, with no credentials in it
        assertThat(endpoints).containsExactly(
                Map.entry("postgres", "postgresql://127.0.0.1:9032/bazaar"),
                Map.entry("postgres-jdbc", "jdbc:postgresql://127.0.0.1:9032/bazaar?sslmode=verify-full&sslrootcert="
                        + layout.caPem()));
        assertThat(postgres.address()).isEqualTo("postgresql://127.0.0.1:9032/bazaar");
        assertThat(postgres.processes()).as("the process it runs").hasSize(1);
        assertThat(var.resolve("secrets")).as("declaring it creates no secret").doesNotExist();
    }

    @Test
    void anExternalServerRunsNoProcessAndItsEndpointsPointThere() {
        // given
        String tls = "sslmode=verify-full&sslrootcert=/etc/ssl/db-ca.pem";
        ExternalPostgres server = ExternalPostgres.fromEnv(Map.of(ExternalPostgres.URL, "postgresql://db.example.com/shop?" + tls,
                ExternalPostgres.USER, "migrator", ExternalPostgres.PASSWORD, "s3cret")).orElseThrow();
        PostgresComponent postgres = new PostgresComponent(new PostgresServer(var, new RuntimeLayout(var), 9032),
                Optional.of(server), new RuntimeLayout(var).secrets());

        // then
        assertThat(postgres.endpoints()).containsExactly(
                Map.entry("postgres", "postgresql://db.example.com:5432/shop"),
                Map.entry("postgres-jdbc", "jdbc:postgresql://db.example.com:5432/shop?" + tls));
        assertThat(postgres.processes()).as("processes").isEmpty();
        assertThat(postgres.unavailable()).as("needs no binaries").isEmpty();
        assertThat(postgres.tlsIdentities()).as("no certificate to issue").isEmpty();
        assertThat(postgres.user("bazaar")).as("the admin there").isEqualTo("migrator");
        assertThat(postgres.password("bazaar")).isEqualTo("s3cret");
    }

    @Test
    void aRoleIsOneOfTheFileOrTheAdminAndHasAPasswordOnlyOnceCreated() {
        // given
        PostgresComponent postgres = embedded(new RuntimeLayout(var));

        // then
        assertThat(postgres.roleNames()).containsExactly("bazaar", "connect", "reader", "cdc", "shop", "promo");
        assertThatThrownBy(() -> postgres.password("writer")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown PostgreSQL role 'writer': the roles are bazaar (the admin) and those of "
                        + "setup/postgres.yaml: connect, reader, cdc, shop, promo");
        assertThatThrownBy(() -> postgres.password("reader")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("role reader has no password yet");
        new RuntimeLayout(var).secrets().password("postgres-reader");
        assertThat(postgres.password("reader")).as("once created").hasSize(32);
    }

    private PostgresComponent embedded(RuntimeLayout layout) {
        return new PostgresComponent(new PostgresServer(var, layout, 9032), Optional.empty(), layout.secrets());
    }
}

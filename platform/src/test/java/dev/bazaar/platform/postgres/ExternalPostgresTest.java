package dev.bazaar.platform.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bazaar.platform.PlatformConfig;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExternalPostgresTest {

    private static final String TLS = "sslmode=verify-full&sslrootcert=/etc/ssl/db-ca.pem";

    @Test
    void withoutAUrlThePlatformRunsItsOwnServer() {
        assertThat(ExternalPostgres.fromEnv(Map.of())).as("nothing set").isEmpty();
        assertThat(ExternalPostgres.fromEnv(Map.of(ExternalPostgres.URL, " "))).as("blank URL").isEmpty();
        assertThat(PlatformConfig.resolve(Map.of()).externalPostgres()).as("platform default").isEmpty();
    }

    @Test
    void aLibpqOrAJdbcUrlNamesTheSameServerAndBothUrlsKeepItsTlsSettings() {
        // when
        ExternalPostgres libpq = ExternalPostgres.fromEnv(env("postgresql://db.example.com/shop?" + TLS)).orElseThrow();
        ExternalPostgres jdbc = ExternalPostgres.fromEnv(env("jdbc:postgresql://db.example.com:6432/shop?" + TLS)).orElseThrow();

        // then: port 5432 unless given; the endpoints are the server's, without credentials
        PostgresTarget target = libpq.target();
        assertThat(target.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example.com:5432/shop?" + TLS);
        assertThat(target.libpqUrl()).isEqualTo("postgresql://db.example.com:5432/shop?" + TLS);
        assertThat(target.adminUser()).isEqualTo("migrator");
        assertThat(target.adminPassword().get()).isEqualTo("s3cret");
        assertThat(target.external()).isTrue();
        assertThat(jdbc.target().jdbcUrl()).isEqualTo("jdbc:postgresql://db.example.com:6432/shop?" + TLS);
        assertThat(jdbc.toString()).as("no password in toString").doesNotContain("s3cret");
        assertThat(PlatformConfig.resolve(env("postgres://db.example.com/shop?sslmode=require")).externalPostgres())
                .as("through the platform's configuration").hasValueSatisfying(server -> assertThat(server.port())
                        .isEqualTo(ExternalPostgres.DEFAULT_PORT));
    }

    @Test
    void eachBadSettingFailsNamingItsVariable() {
        assertThatThrownBy(() -> ExternalPostgres.fromEnv(Map.of(ExternalPostgres.URL, "postgresql://db/shop?" + TLS,
                ExternalPostgres.PASSWORD, "p")))
                .hasMessage("environment variable BAZAAR_POSTGRES_USER is required when BAZAAR_POSTGRES_URL is set");
        assertThatThrownBy(() -> ExternalPostgres.fromEnv(Map.of(ExternalPostgres.URL, "postgresql://db/shop?" + TLS,
                ExternalPostgres.USER, "u")))
                .hasMessage("environment variable BAZAAR_POSTGRES_PASSWORD is required when BAZAAR_POSTGRES_URL is set");
        assertThatThrownBy(() -> ExternalPostgres.fromEnv(Map.of(ExternalPostgres.PASSWORD, "p")))
                .hasMessageStartingWith("environment variable BAZAAR_POSTGRES_PASSWORD is set but BAZAAR_POSTGRES_URL is not");
        assertThatThrownBy(() -> ExternalPostgres.fromEnv(env("mysql://db/shop?" + TLS)))
                .hasMessageStartingWith("environment variable BAZAAR_POSTGRES_URL must be a postgresql:// or jdbc:postgresql:// URL");
        assertThatThrownBy(() -> ExternalPostgres.fromEnv(env("postgresql://u:p@db/shop?" + TLS)))
                .hasMessage("environment variable BAZAAR_POSTGRES_URL must not hold credentials: set them in "
                        + "BAZAAR_POSTGRES_USER and BAZAAR_POSTGRES_PASSWORD");
        assertThatThrownBy(() -> ExternalPostgres.fromEnv(env("postgresql://db?" + TLS)))
                .hasMessageStartingWith("environment variable BAZAAR_POSTGRES_URL must name the database");
        assertThatThrownBy(() -> ExternalPostgres.fromEnv(env("postgresql://db/shop")))
                .hasMessageStartingWith("environment variable BAZAAR_POSTGRES_URL must require TLS")
                .hasMessageEndingWith("not no sslmode");
        assertThatThrownBy(() -> ExternalPostgres.fromEnv(env("postgresql://db/shop?sslmode=prefer")))
                .hasMessageEndingWith("not sslmode=prefer");
        assertThatThrownBy(() -> PlatformConfig.resolve(env("postgresql://db/shop?sslmode=disable")))
                .as("at the platform's start").hasMessageStartingWith("environment variable BAZAAR_POSTGRES_URL");
    }

    private static Map<String, String> env(String url) {
        return Map.of(ExternalPostgres.URL, url, ExternalPostgres.USER, "migrator", ExternalPostgres.PASSWORD, "s3cret");
    }
}

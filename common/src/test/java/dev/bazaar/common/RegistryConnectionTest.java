package dev.bazaar.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The rules that choose between the embedded schema registry and an external one named by the environment. */
class RegistryConnectionTest {

    private static final String EXTERNAL_URL = "https://registry.example.com:8443";
    private static final String READONLY_PASSWORD = "r3ad-only";
    private static final String SHARED_TRUSTSTORE_PASSWORD = "shared-tp";
    private static final String REGISTRY_TRUSTSTORE_PASSWORD = "registry-tp";

    @TempDir
    Path var;
    @TempDir
    Path etc;

    private Path sharedTruststore;
    private Path registryTruststore;

    @BeforeEach
    void truststores() throws Exception {
        sharedTruststore = truststore(etc.resolve("kafka-ca.p12"), SHARED_TRUSTSTORE_PASSWORD);
        registryTruststore = truststore(etc.resolve("registry-ca.p12"), REGISTRY_TRUSTSTORE_PASSWORD);
    }

    @Test
    void externalRegistryWinsWhenItsUrlIsSetAndNeedsNoPlatform() {
        // given an environment naming an external registry, and no platform ever started in var
        Map<String, String> env = externalEnv();

        // when the read-only user resolves its registry
        RegistryConnection registry = RegistryConnection.resolve(env, new RuntimeLayout(var), RegistryUser.READONLY);

        // then it gets the external registry, its own credentials and the shared truststore, nothing from var
        assertThat(registry.url()).as("external url").isEqualTo(EXTERNAL_URL);
        assertThat(registry.username()).as("default username of the role").isEqualTo("readonly");
        assertThat(registry.password()).as("password from the environment").isEqualTo(READONLY_PASSWORD);
        assertThat(registry.truststore()).as("truststore of external clusters").isEqualTo(sharedTruststore);
        assertThat(registry.truststorePassword()).as("its password").isEqualTo(SHARED_TRUSTSTORE_PASSWORD);
        assertThat(registry.serdeConfig()).as("serde config")
                .containsEntry("apicurio.registry.url", EXTERNAL_URL + "/apis/registry/v3")
                .containsEntry("apicurio.registry.tls.truststore.location", sharedTruststore.toString());
        assertThat(var.resolve("secrets")).as("no embedded secret generated").doesNotExist();
    }

    @Test
    void externalRegistryWinsOverARunningEmbeddedOne() {
        // given a platform that recorded its registry, and an environment naming an external one
        RuntimeLayout layout = embeddedPlatform();

        // when the read-only user resolves its registry
        RegistryConnection registry = RegistryConnection.resolve(externalEnv(), layout, RegistryUser.READONLY);

        // then the external registry is used
        assertThat(registry.url()).as("external url, not the recorded one").isEqualTo(EXTERNAL_URL);
    }

    @Test
    void eachRoleTakesItsOwnCredentialsAndMayNameItsUser() {
        // given credentials for two roles, the developer under another name
        Map<String, String> env = externalEnv();
        env.put("BAZAAR_REGISTRY_DEVELOPER_USERNAME", "svc-bazaar-dev");
        env.put("BAZAAR_REGISTRY_DEVELOPER_PASSWORD", "d3v");

        // when each role resolves its registry
        RegistryConnection readonly = RegistryConnection.resolve(env, new RuntimeLayout(var), RegistryUser.READONLY);
        RegistryConnection developer = RegistryConnection.resolve(env, new RuntimeLayout(var), RegistryUser.DEVELOPER);

        // then each gets its own user and password
        assertThat(readonly.username() + ":" + readonly.password()).as("read-only credentials")
                .isEqualTo("readonly:" + READONLY_PASSWORD);
        assertThat(developer.username() + ":" + developer.password()).as("developer credentials")
                .isEqualTo("svc-bazaar-dev:d3v");
    }

    @Test
    void registryTruststoreWinsOverTheSharedOne() {
        // given both the shared truststore and one for the registry
        Map<String, String> env = externalEnv();
        env.put("BAZAAR_REGISTRY_TRUSTSTORE", registryTruststore.toString());
        env.put("BAZAAR_REGISTRY_TRUSTSTORE_PASSWORD", REGISTRY_TRUSTSTORE_PASSWORD);

        // when the read-only user resolves its registry
        RegistryConnection registry = RegistryConnection.resolve(env, new RuntimeLayout(var), RegistryUser.READONLY);

        // then it trusts the registry's own CA
        assertThat(registry.truststore()).as("registry truststore").isEqualTo(registryTruststore);
        assertThat(registry.truststorePassword()).as("its password").isEqualTo(REGISTRY_TRUSTSTORE_PASSWORD);
    }

    static Stream<Arguments> missingCompanions() {
        return Stream.of(
                Arguments.of("BAZAAR_REGISTRY_READONLY_PASSWORD", false),
                Arguments.of("BAZAAR_TRUSTSTORE", false),
                Arguments.of("BAZAAR_TRUSTSTORE_PASSWORD", false),
                Arguments.of("BAZAAR_REGISTRY_TRUSTSTORE_PASSWORD", true),
                Arguments.of("BAZAAR_REGISTRY_TRUSTSTORE", true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("missingCompanions")
    void missingCompanionVariableIsNamed(String missing, boolean withRegistryTruststore) {
        // given an external registry whose environment lacks one variable (a blank one counts as missing)
        Map<String, String> env = externalEnv();
        if (withRegistryTruststore) {
            env.put("BAZAAR_REGISTRY_TRUSTSTORE", registryTruststore.toString());
            env.put("BAZAAR_REGISTRY_TRUSTSTORE_PASSWORD", REGISTRY_TRUSTSTORE_PASSWORD);
        }
        env.put(missing, " ");

        // when / then resolving fails naming the variable and why it is needed
        assertThatThrownBy(() -> RegistryConnection.resolve(env, embeddedPlatform(), RegistryUser.READONLY))
                .as("error for missing " + missing)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("environment variable " + missing + " is required when");
    }

    @Test
    void anotherRolesPasswordDoesNotStandInForTheOneAskedFor() {
        // given only the developer's password
        Map<String, String> env = externalEnv();
        env.remove("BAZAAR_REGISTRY_READONLY_PASSWORD");
        env.put("BAZAAR_REGISTRY_DEVELOPER_PASSWORD", "d3v");

        // when / then the read-only user is refused, naming its own variable
        assertThatThrownBy(() -> RegistryConnection.resolve(env, new RuntimeLayout(var), RegistryUser.READONLY))
                .as("read-only without its password").hasMessageContaining("BAZAAR_REGISTRY_READONLY_PASSWORD");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"http://registry.example.com:8080", "registry.example.com:8443", "https:///apis",
        "https://registry.example.com/?a=b", "https://registry example.com"})
    void urlThatIsNotAnHttpsBaseUrlIsRefused(String url) {
        // given an external registry URL that is not an https base URL
        Map<String, String> env = externalEnv();
        env.put("BAZAAR_REGISTRY_URL", url);

        // when / then resolving fails naming the variable
        assertThatThrownBy(() -> RegistryConnection.resolve(env, new RuntimeLayout(var), RegistryUser.READONLY))
                .as("error for " + url).hasMessageStartingWith("environment variable BAZAAR_REGISTRY_URL ");
    }

    @Test
    void credentialsInTheUrlAreRefusedWithoutEchoingThem() {
        // given a URL carrying a password
        Map<String, String> env = externalEnv();
        env.put("BAZAAR_REGISTRY_URL", "https://readonly:t0psecret@registry.example.com");

        // when / then resolving fails naming the variable, never the secret
        assertThatThrownBy(() -> RegistryConnection.resolve(env, new RuntimeLayout(var), RegistryUser.READONLY))
                .as("credentials in the URL")
                .hasMessageContaining("BAZAAR_REGISTRY_URL must not hold credentials")
                .hasMessageNotContaining("t0psecret");
    }

    @Test
    void truststoreThatIsNotAFileIsNamed() {
        // given a truststore path where there is no file
        Map<String, String> env = externalEnv();
        env.put("BAZAAR_REGISTRY_TRUSTSTORE", etc.resolve("missing.p12").toString());
        env.put("BAZAAR_REGISTRY_TRUSTSTORE_PASSWORD", REGISTRY_TRUSTSTORE_PASSWORD);

        // when / then resolving fails naming the variable and the path
        assertThatThrownBy(() -> RegistryConnection.resolve(env, new RuntimeLayout(var), RegistryUser.READONLY))
                .as("missing truststore file")
                .hasMessageContaining("BAZAAR_REGISTRY_TRUSTSTORE names " + etc.resolve("missing.p12"))
                .hasMessageContaining("not a readable file");
    }

    @Test
    void truststorePasswordThatDoesNotOpenItIsNamedNotShown() {
        // given the shared truststore with a wrong password
        Map<String, String> env = externalEnv();
        env.put("BAZAAR_TRUSTSTORE_PASSWORD", "wr0ng-password");

        // when / then resolving fails naming both variables, never the password
        assertThatThrownBy(() -> RegistryConnection.resolve(env, new RuntimeLayout(var), RegistryUser.READONLY))
                .as("wrong truststore password")
                .hasMessageContaining("named by BAZAAR_TRUSTSTORE ")
                .hasMessageContaining("with the password in BAZAAR_TRUSTSTORE_PASSWORD")
                .hasMessageNotContaining("wr0ng-password");
    }

    @Test
    void embeddedRegistryWhenNoUrlIsSet() {
        // given a running platform, and an environment naming only an external Kafka cluster (blank registry URL)
        RuntimeLayout layout = embeddedPlatform();
        Map<String, String> env = Map.of("BAZAAR_MAIN_BOOTSTRAP_SERVERS", "kafka.example:9093",
                "BAZAAR_TRUSTSTORE", sharedTruststore.toString(), "BAZAAR_TRUSTSTORE_PASSWORD", SHARED_TRUSTSTORE_PASSWORD,
                "BAZAAR_REGISTRY_URL", "");

        // when the read-only user resolves its registry
        RegistryConnection registry = RegistryConnection.resolve(env, layout, RegistryUser.READONLY);

        // then it is the embedded registry, exactly as before
        assertThat(registry).as("embedded registry").isEqualTo(RegistryConnection.embedded(layout, RegistryUser.READONLY));
        assertThat(registry.url()).as("recorded url").isEqualTo("https://127.0.0.1:9081");
        assertThat(registry.password()).as("generated secret")
                .isEqualTo(layout.secrets().password(RegistryUser.READONLY.secretName()));
        assertThat(registry.truststore()).as("platform truststore").isEqualTo(layout.truststore());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"BAZAAR_REGISTRY_READONLY_PASSWORD", "BAZAAR_REGISTRY_ADMIN_USERNAME",
        "BAZAAR_REGISTRY_TRUSTSTORE", "BAZAAR_REGISTRY_TRUSTSTORE_PASSWORD"})
    void registryVariableWithoutTheUrlIsRefused(String variable) {
        // given a registry variable but no registry URL
        Map<String, String> env = Map.of(variable, "value");

        // when / then resolving fails naming both, instead of silently using the embedded registry
        assertThatThrownBy(() -> RegistryConnection.resolve(env, embeddedPlatform(), RegistryUser.READONLY))
                .as("stray " + variable)
                .hasMessageContaining("environment variable " + variable + " is set but BAZAAR_REGISTRY_URL is not");
    }

    @Test
    void embeddedRegistryOfAPlatformThatNeverStartedIsExplained() {
        assertThatThrownBy(() -> RegistryConnection.resolve(Map.of(), new RuntimeLayout(var), RegistryUser.READONLY))
                .as("no endpoints file").hasMessageContaining("./bazaar up");
    }

    private Map<String, String> externalEnv() {
        Map<String, String> env = new HashMap<>();
        env.put("BAZAAR_REGISTRY_URL", EXTERNAL_URL + "/");
        env.put("BAZAAR_REGISTRY_READONLY_PASSWORD", READONLY_PASSWORD);
        env.put("BAZAAR_TRUSTSTORE", sharedTruststore.toString());
        env.put("BAZAAR_TRUSTSTORE_PASSWORD", SHARED_TRUSTSTORE_PASSWORD);
        return env;
    }

    private RuntimeLayout embeddedPlatform() {
        RuntimeLayout layout = new RuntimeLayout(var);
        new PlatformEndpoints("127.0.0.1:9092", "127.0.0.1:9192", "https://127.0.0.1:9081").store(layout);
        return layout;
    }

    private static Path truststore(Path file, String password) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, password.toCharArray());
        }
        return file;
    }
}

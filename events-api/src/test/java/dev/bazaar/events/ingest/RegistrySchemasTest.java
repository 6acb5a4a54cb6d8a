package dev.bazaar.events.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.bazaar.common.KafkaConnection;
import dev.bazaar.common.PlatformTls;
import dev.bazaar.common.RegistryConnection;
import dev.bazaar.common.RuntimeLayout;
import dev.bazaar.events.EventKind;
import dev.bazaar.ssl.CertificateStore;
import dev.bazaar.ssl.TlsIdentity;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each kind's schema and id read from the registry at start; a subject not registered stops the service, saying why. */
class RegistrySchemasTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path var;

    private HttpsServer registry;
    private RegistryConnection connection;
    private final List<String> asked = new CopyOnWriteArrayList<>();
    private volatile int status;
    private volatile String body;

    @BeforeEach
    void startACannedRegistry() throws IOException {
        RuntimeLayout layout = new RuntimeLayout(var);
        new CertificateStore(layout.sslDir(), PlatformTls.keystorePassword(layout).toCharArray(),
                layout.secrets().password(KafkaConnection.TRUSTSTORE_SECRET).toCharArray(),
                layout.secrets().password("ca").toCharArray())
                .ensureKeystore(new TlsIdentity("registry", "service", List.of("registry")));
        registry = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        registry.setHttpsConfigurator(new HttpsConfigurator(PlatformTls.serverContext(layout, "registry")));
        registry.createContext("/", this::answer);
        registry.start();
        connection = new RegistryConnection("https://localhost:" + registry.getAddress().getPort(), "readonly", "secret",
                layout.truststore(), layout.secrets().password(KafkaConnection.TRUSTSTORE_SECRET));
    }

    @AfterEach
    void stopIt() {
        registry.stop(0);
    }

    @Test
    void latestVersionOfTheKindsSubjectGivesItsIdAndSchema() throws IOException {
        // given the registry holds the view-event schema under id 12
        status = 200;
        body = JSON.writeValueAsString(Map.of("subject", "product-events-raw-view-event", "version", 1, "id", 12,
                "schema", schemaText(EventKind.VIEW_EVENT)));

        // when events-api reads it
        KindSchema schema = new RegistrySchemas(connection).load(EventKind.VIEW_EVENT, "product-events-raw");

        // then it asked for the latest version of product-events-raw-view-event, and has its id and date-time fields
        assertThat(asked).as("requests").containsExactly(
                "/apis/ccompat/v7/subjects/product-events-raw-view-event/versions/latest");
        assertThat(schema.id()).as("id").isEqualTo(12);
        assertThat(schema.subject()).as("subject").isEqualTo("product-events-raw-view-event");
        assertThat(schema.dateTimeFields()).as("date-time fields").containsExactly("event_datetime");
        assertThat(schema.declares("userId")).as("declares userId").isTrue();
    }

    @Test
    void subjectNotRegisteredStopsTheStartSayingSetupRegistersIt() {
        status = 404;
        body = "{\"error_code\":40401,\"message\":\"Subject not found\"}";
        assertThatThrownBy(() -> new RegistrySchemas(connection).load(EventKind.PRODUCT_EVENTS, "product-events-raw"))
                .as("missing subject").isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no subject product-events-raw-product_events")
                .hasMessageContaining("./bazaar setup apply").hasMessageContaining("setup/schemas/events/product_events.json");
    }

    @Test
    void registryRefusingTheCredentialsStopsTheStartWithItsAnswer() {
        status = 401;
        body = "{\"message\":\"Unauthorized\"}";
        assertThatThrownBy(() -> new RegistrySchemas(connection).load(EventKind.VIEW_EVENT, "product-events-raw"))
                .as("refused").hasMessageContaining("answered 401").hasMessageContaining("product-events-raw-view-event");
    }

    private void answer(HttpExchange exchange) throws IOException {
        asked.add(exchange.getRequestURI().getPath());
        byte[] answer = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, answer.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(answer);
        }
    }

    private static String schemaText(EventKind kind) throws IOException {
        try (InputStream in = RegistrySchemasTest.class.getResourceAsStream("/schemas/events/" + kind.id() + ".json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}

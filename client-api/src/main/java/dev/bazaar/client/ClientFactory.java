package dev.bazaar.client;

import java.util.Optional;
import dev.bazaar.common.PlatformTls;
import dev.bazaar.common.BasicAuth;
import dev.bazaar.client.catalog.CatalogIndex;
import dev.bazaar.client.recommend.RecommendationService;
import dev.bazaar.client.recommend.RecommendationsLoader;
import dev.bazaar.client.recommend.RecommendationsStore;
import dev.bazaar.client.search.RegistryEncoder;
import dev.bazaar.client.search.SearchEvents;
import dev.bazaar.client.search.SearchService;
import dev.bazaar.common.ClientApiCredentials;
import dev.bazaar.common.Cluster;
import dev.bazaar.common.KafkaConnection;
import dev.bazaar.common.PlatformEndpoints;
import dev.bazaar.common.RegistryConnection;
import dev.bazaar.common.RegistryUser;
import dev.bazaar.common.RuntimeLayout;
import dev.bazaar.common.http.micronaut.ServiceSecurity;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Property;
import io.micronaut.core.convert.format.MapFormat;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Builds client-api's Kafka clients, registry encoder and Elasticsearch client from the one place
 * that knows how a principal connects ({@code common/}) and from the endpoints the platform
 * recorded. The services are {@link Context} beans, so a bad setting or a missing platform stops the
 * service at start, not at its first request. Plain Kafka clients rather than {@code @KafkaClient}:
 * a search is encoded and validated before it is sent and answered only once acknowledged, and the
 * recommendations are read with {@code assign()}, not as a group. Declares its HTTP security too,
 * which {@code common/} serves.
 */
@Factory
final class ClientFactory {

    static final String PRINCIPAL = "client";
    private static final String ELASTICSEARCH = "elasticsearch";

    @Singleton
    RuntimeLayout layout(ClientConfig config) {
        return new RuntimeLayout(Path.of(config.varDir()));
    }

    /**
     * HTTPS with the keystore issued for client-api; the client searches and reads recommendations as
     * role {@code client}, by password or bearer token (the routes' rules are in application.yml).
     */
    @Singleton
    ServiceSecurity security() {
        return new ServiceSecurity("client-api", ClientApiCredentials.CALLER, ClientApiCredentials.TOKEN_SECRET,
                "client");
    }

    /**
     * The producer of {@code client-search}; {@code client.producer.*} settings (Kafka's own names)
     * override the defaults below and the connection.
     */
    @Singleton
    @Bean(preDestroy = "close")
    Producer<String, byte[]> producer(RuntimeLayout layout, ClientConfig config,
            @Property(name = "client.producer") @MapFormat(transformation = MapFormat.MapTransformation.FLAT)
            Map<String, String> overrides) {
        long timeout = config.publishTimeout().toMillis();
        Properties props = connection(layout);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "1");
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, Long.toString(Math.max(1, timeout / 2)));
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Long.toString(Math.max(1, timeout / 2)));
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Long.toString(timeout));
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "client-api");
        props.putAll(overrides);
        return new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
    }

    @Singleton
    @Bean(preDestroy = "close")
    RegistryEncoder encoder(RuntimeLayout layout) {
        return new RegistryEncoder(RegistryConnection.resolve(System.getenv(), layout, RegistryUser.READONLY));
    }

    @Singleton
    @Bean(preDestroy = "close")
    CatalogIndex catalog(RuntimeLayout layout, ClientConfig config) {
        String url = config.elasticsearch().orElseGet(() -> PlatformEndpoints.load(layout).serviceUrl(ELASTICSEARCH)
                .orElseThrow(() -> new IllegalStateException("no Elasticsearch URL: set client.elasticsearch-url, or "
                        + "run the platform with its services part ('./bazaar up' records it in "
                        + layout.endpointsFile() + ")")));
        Optional<String> authorization = config.elasticsearchLogin().map(user -> {
            String secret = "elasticsearch-" + user;
            if (!layout.secrets().exists(secret)) {
                throw new IllegalStateException("client.elasticsearch-user is " + user + " but " + layout.secrets().file(secret)
                        + " holds no password for it");
            }
            return BasicAuth.header(user, layout.secrets().password(secret));
        });
        return CatalogIndex.connect(url, config.index(), config.elasticsearchTimeout(), authorization,
                PlatformTls.clientContext(layout));
    }

    @Context
    SearchService search(CatalogIndex catalog, Producer<String, byte[]> producer, RegistryEncoder encoder,
            ClientConfig config, MeterRegistry metrics) {
        SearchEvents events = new SearchEvents(producer, encoder, config.publishTimeout());
        return new SearchService(catalog, events, config.fuzziness(), Clock.systemUTC(), metrics);
    }

    @Singleton
    RecommendationsStore store() {
        return new RecommendationsStore();
    }

    /**
     * The loader of the recommendations, started with the service; {@code client.consumer.*}
     * settings (Kafka's own names) override the defaults below.
     */
    @Context
    @Bean(preDestroy = "close")
    RecommendationsLoader loader(RuntimeLayout layout, RecommendationsStore store,
            @Property(name = "client.consumer") @MapFormat(transformation = MapFormat.MapTransformation.FLAT)
            Map<String, String> overrides) {
        Properties props = connection(layout);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "client-api-recommendations");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.putAll(overrides);
        Consumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
        RecommendationsLoader loader = new RecommendationsLoader(consumer, store, Duration.ofSeconds(2));
        loader.start();
        return loader;
    }

    @Context
    RecommendationService recommendations(RecommendationsStore store, CatalogIndex catalog, MeterRegistry metrics) {
        return new RecommendationService(store, catalog, metrics);
    }

    private static Properties connection(RuntimeLayout layout) {
        return KafkaConnection.resolve(System.getenv(), layout, Cluster.MAIN, PRINCIPAL).clientProperties();
    }
}

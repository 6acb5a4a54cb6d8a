package dev.bazaar.shop;

import dev.bazaar.common.Cluster;
import dev.bazaar.common.HttpUser;
import dev.bazaar.common.KafkaConnection;
import dev.bazaar.common.RegistryConnection;
import dev.bazaar.common.RegistryUser;
import dev.bazaar.common.RuntimeLayout;
import dev.bazaar.common.ShopApiCredentials;
import dev.bazaar.common.http.micronaut.ServiceSecurity;
import dev.bazaar.shop.publish.Publisher;
import dev.bazaar.shop.publish.RecordEncoder;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Property;
import io.micronaut.core.convert.format.MapFormat;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Builds shop-api's Kafka producer and registry encoder from the one place that knows how a
 * principal connects ({@code common/}). A plain producer of pre-encoded bytes, rather than a
 * {@code @KafkaClient}, because a request is validated whole before any of it is sent. Declares
 * its HTTP security too, which {@code common/} serves.
 */
@Factory
final class ShopFactory {

    static final String PRINCIPAL = "shop";

    @Singleton
    RuntimeLayout layout(ShopConfig config) {
        return new RuntimeLayout(Path.of(config.varDir()));
    }

    /**
     * HTTPS with the keystore issued for shop-api; the shop publishes items and orders as role
     * {@code shop}, by password or bearer token (the routes' rules are in application.yml).
     */
    @Singleton
    ServiceSecurity security() {
        HttpUser shop = new HttpUser(ShopApiCredentials.USER, ShopApiCredentials.PASSWORD_SECRET);
        return new ServiceSecurity("shop-api", shop, ShopApiCredentials.TOKEN_SECRET, "shop");
    }

    /**
     * The producer; {@code shop.kafka.*} settings (Kafka's own names, e.g. {@code shop.kafka.linger.ms})
     * override the defaults below and the connection.
     */
    @Singleton
    @Bean(preDestroy = "close")
    Producer<String, byte[]> producer(RuntimeLayout layout, ShopConfig config,
            @Property(name = "shop.kafka") @MapFormat(transformation = MapFormat.MapTransformation.FLAT)
            Map<String, String> overrides) {
        Properties props = KafkaConnection.resolve(System.getenv(), layout, Cluster.MAIN, PRINCIPAL).clientProperties();
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, Long.toString(config.sendTimeout().toMillis() / 2));
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Long.toString(config.sendTimeout().toMillis() / 2));
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Long.toString(config.sendTimeout().toMillis()));
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "shop-api");
        props.putAll(overrides);
        return new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
    }

    @Singleton
    @Bean(preDestroy = "close")
    RecordEncoder encoder(RuntimeLayout layout) {
        return new RecordEncoder(RegistryConnection.resolve(System.getenv(), layout, RegistryUser.READONLY));
    }

    @Singleton
    Publisher publisher(Producer<String, byte[]> producer, RecordEncoder encoder, ShopConfig config) {
        return new Publisher(producer, encoder, config.sendTimeout().plusSeconds(1));
    }
}

package dev.bazaar.lag.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.bazaar.common.Cluster;
import dev.bazaar.common.HttpUser;
import dev.bazaar.common.PlatformEndpoints;
import dev.bazaar.common.PlatformTls;
import dev.bazaar.common.RuntimeLayout;
import dev.bazaar.platform.it.EmbeddedPlatform;
import dev.bazaar.platform.it.EmbeddedPlatform.Running;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The lag exporter as {@code ./bazaar up} runs it: a group nobody wrote an exporter for (here, offsets
 * committed by an admin client, as a CLI's group would) has its lag on the scrape, in records and in
 * seconds, with its members; the scrape needs Prometheus' credential.
 */
@ExtendWith(EmbeddedPlatform.class)
class LagExporterIT {

    /** One poll every 5 s in the tests' platform (15 s as deployed), plus a loaded machine. */
    private static final Duration SCRAPED = Duration.ofSeconds(60);

    @Test
    void aGroupsCommittedOffsetsAgainstTheEndsAreOnTheScrapeInRecordsAndSeconds(Running platform) throws Exception {
        // given a topic of 2 partitions with 100 and 30 records, and a group that committed 40 and 30
        RuntimeLayout layout = platform.layout();
        String topic = "lag-it-" + UUID.randomUUID().toString().substring(0, 8);
        String group = "lag-it-group-" + topic.substring(7);
        Properties admin = platform.client(Cluster.MAIN, "admin", new Properties());
        try (Admin kafka = Admin.create(admin);
                KafkaProducer<String, String> producer = new KafkaProducer<>(admin, new StringSerializer(),
                        new StringSerializer())) {
            kafka.createTopics(List.of(new NewTopic(topic, 2, (short) 3))).all().get();
            for (int i = 0; i < 130; i++) {
                producer.send(new ProducerRecord<>(topic, i < 100 ? 0 : 1, "k" + i, "v" + i));
            }
            producer.flush();
            kafka.alterConsumerGroupOffsets(group, Map.of(new TopicPartition(topic, 0), new OffsetAndMetadata(40),
                    new TopicPartition(topic, 1), new OffsetAndMetadata(30))).all().get();
        }
        String url = PlatformEndpoints.load(layout).serviceUrl("lag-exporter").orElseThrow() + "/prometheus";
        HttpClient http = PlatformTls.httpClient(layout);

        // when Prometheus scrapes the exporter
        String labels = "cluster=\"main\",group=\"" + group + "\",topic=\"" + topic + "\",partition=\"";
        String scrape = await("the group on the scrape").atMost(SCRAPED).pollInterval(Duration.ofSeconds(1))
                .until(() -> scrape(http, url, HttpUser.METRICS.basic(layout)).body(),
                        body -> body.contains("bazaar_consumer_group_lag_records{" + labels + "1\"}"));

        // then it is 60 records behind on partition 0, at the end of partition 1, and has no members
        assertThat(value(scrape, "bazaar_consumer_group_lag_records{" + labels + "0\"}")).contains(60.0);
        assertThat(value(scrape, "bazaar_consumer_group_lag_records{" + labels + "1\"}")).contains(0.0);
        assertThat(value(scrape, "bazaar_consumer_group_committed_offset{" + labels + "0\"}")).contains(40.0);
        assertThat(value(scrape, "bazaar_consumer_group_lag_seconds{" + labels + "0\"}")).hasValueSatisfying(
                seconds -> assertThat(seconds).isGreaterThanOrEqualTo(0.0));
        assertThat(value(scrape, "bazaar_consumer_group_lag_seconds{" + labels + "1\"}")).contains(0.0);
        assertThat(value(scrape, "bazaar_consumer_group_members{cluster=\"main\",group=\"" + group + "\",state=\"Empty\"}"))
                .contains(0.0);
        assertThat(value(scrape, "bazaar_lag_exporter_poll_success{cluster=\"main\"}")).contains(1.0);
        // and without Prometheus' credential there is no scrape
        assertThat(scrape(http, url, null).statusCode()).isEqualTo(401);
    }

    private static HttpResponse<String> scrape(HttpClient http, String url, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Optional<Double> value(String scrape, String series) {
        Matcher line = Pattern.compile("^" + Pattern.quote(series) + " (\\S+)$", Pattern.MULTILINE).matcher(scrape);
        return line.find() ? Optional.of(Double.parseDouble(line.group(1))) : Optional.empty();
    }
}

package dev.bazaar.analytics.publish;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bazaar.analytics.OrderFixture;
import dev.bazaar.analytics.Schemas;
import dev.bazaar.analytics.TestSpark;
import dev.bazaar.analytics.compute.Analysis;
import dev.bazaar.analytics.compute.CustomerRecommendations;
import dev.bazaar.analytics.compute.Recommender;
import dev.bazaar.analytics.compute.SalesReporter;
import dev.bazaar.analytics.config.NameLanguage;
import dev.bazaar.analytics.orders.OrderFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The records a run publishes, from the fixture's shop, hold to the topics' schemas in setup/schemas. */
class RecordFactoryTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path folder;

    private static Analysis.Result result;
    private static List<CustomerRecommendations> lists;

    @BeforeAll
    static void analyseTheFixture() throws IOException {
        Path root = OrderFixture.standard().write(folder.resolve("orders"));
        Analysis analysis = new Analysis(TestSpark.session(), new Recommender(10, 2),
                new SalesReporter(10, NameLanguage.RU));
        result = analysis.analyse(OrderFiles.list(root.toUri().toString(), new Configuration()), OrderFixture.catalog(),
                OrderFixture.PERIOD, OrderFixture.NOW);
        lists = new ArrayList<>();
        Recommender.stream(result.recommendations()).forEachRemaining(lists::add);
    }

    @AfterAll
    static void release() {
        result.close();
    }

    @Test
    void theAnalysisCountsWhatTheRunPrints() {
        // then: 9 orders in the period, 10 products sold in it (the knife too), 7 customers known
        assertThat(result.periodOrders()).as("orders in the period").isEqualTo(9);
        assertThat(result.products()).as("products sold in the period").isEqualTo(10);
        assertThat(result.customers()).as("customers").isEqualTo(OrderFixture.CUSTOMERS.size());
        assertThat(lists).as("lists streamed to the driver").extracting(CustomerRecommendations::customer)
                .containsExactlyInAnyOrderElementsOf(OrderFixture.CUSTOMERS);
    }

    @Test
    void everyRecommendationsRecordIsValidAgainstItsSchema() throws IOException {
        // when
        List<ObjectNode> records = lists.stream()
                .map(list -> RecordFactory.recommendations(list, OrderFixture.PERIOD, OrderFixture.NOW.plusMillis(1234)))
                .toList();

        // then
        assertThat(records).as("recommendations records").hasSize(OrderFixture.CUSTOMERS.size())
                .allSatisfy(record -> assertThat(Schemas.violations("recommendations.json", record))
                        .as("violations of %s", record).isEmpty());
        JsonNode erin = records.stream().filter(record -> record.path("customer").asText().equals("Erin")).findFirst()
                .orElseThrow();
        assertThat(erin.path("recommendations").get(1)).as("Erin's second entry").hasToString(
                "{\"productId\":\"kettlebell\",\"rank\":2,\"score\":0.6667,\"reason\":\"popular\"}");
        assertThat(erin.path("generatedAt").asText()).as("generatedAt, to the second").isEqualTo("2026-11-23T12:00:01Z");
        assertThat(erin.path("period")).as("period")
                .isEqualTo(JSON.readTree("{\"from\":\"2026-10-24T12:00:00Z\",\"to\":\"2026-11-23T12:00:00Z\"}"));
    }

    @Test
    void theReportRecordIsValidAgainstItsSchema() throws IOException {
        // when
        ObjectNode record = RecordFactory.report(result.report());

        // then
        assertThat(Schemas.violations("analytic-topic.json", record)).as("violations of %s", record).isEmpty();
        assertThat(record.path("reportId").asText()).as("reportId").isEqualTo("sales-20261123T120000Z");
        assertThat(record.path("categories").get(0)).as("first category").hasToString(
                "{\"category\":\"tech\",\"orders\":2,\"units\":4,\"revenue\":{\"amount\":20450.30,\"currency\":\"RUB\"}}");
        assertThat(record.path("topProducts").get(0).path("name").asText()).as("name of the best seller, in Russian")
                .isEqualTo("Телефон");
    }

    @Test
    void theSchemaCheckCatchesWhatTheRegistryWouldRefuse() {
        // given a record with a reason the schema does not know
        ObjectNode record = RecordFactory.recommendations(lists.get(0), OrderFixture.PERIOD, OrderFixture.NOW);
        ((ObjectNode) record.withArray("recommendations").get(0)).put("reason", "because");

        // then
        assertThat(Schemas.violations("recommendations.json", record)).as("violations").hasSize(1)
                .allSatisfy(message -> assertThat(message).contains("reason"));
    }
}

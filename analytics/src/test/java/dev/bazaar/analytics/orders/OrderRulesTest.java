package dev.bazaar.analytics.orders;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bazaar.analytics.Schemas;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The order rules are a copy of parts of orders.json: this keeps the copy true. */
class OrderRulesTest {

    private static final JsonNode ORDERS = Schemas.document("orders.json");

    @Test
    void idAndCustomerPatternsAreTheSchemas() {
        // when
        JsonNode definitions = ORDERS.path("definitions");

        // then
        assertThat(OrderRules.ID_PATTERN).as("orderId").isEqualTo(definitions.path("orderId").path("pattern").asText());
        assertThat(OrderRules.ID_PATTERN).as("productId").isEqualTo(definitions.path("productId").path("pattern").asText());
        assertThat(OrderRules.ID_PATTERN).as("storeId").isEqualTo(definitions.path("storeId").path("pattern").asText());
        assertThat(OrderRules.CUSTOMER_PATTERN).as("customer")
                .isEqualTo(definitions.path("customer").path("pattern").asText());
        assertThat(OrderRules.CURRENCY_PATTERN).as("currency")
                .isEqualTo(definitions.path("money").path("properties").path("currency").path("pattern").asText());
    }

    @Test
    void customersAndProductsReadFromOrdersFitTheRecordsTheJobPublishes() {
        // when
        JsonNode recommendations = Schemas.document("recommendations.json").path("definitions");
        JsonNode report = Schemas.document("analytic-topic.json").path("definitions");

        // then
        assertThat(OrderRules.CUSTOMER_PATTERN).as("customer of recommendations")
                .isEqualTo(recommendations.path("customer").path("pattern").asText());
        assertThat(OrderRules.ID_PATTERN).as("productId of recommendations")
                .isEqualTo(recommendations.path("productId").path("pattern").asText());
        assertThat(OrderRules.ID_PATTERN).as("productId of the report")
                .isEqualTo(report.path("productId").path("pattern").asText());
    }

    @Test
    void statesAreTheSchemas() {
        // when
        List<String> states = new ArrayList<>();
        ORDERS.path("properties").path("state").path("enum").forEach(state -> states.add(state.asText()));

        // then
        assertThat(OrderRules.STATES).as("states").containsExactlyElementsOf(states);
    }

    @Test
    void theSparkSchemaHasEveryRequiredField() {
        // when
        List<String> required = new ArrayList<>();
        ORDERS.path("required").forEach(field -> required.add(field.asText()));

        // then
        assertThat(OrderRules.ORDER.fieldNames()).as("fields read from each line")
                .containsExactlyInAnyOrderElementsOf(required);
    }
}

package dev.bazaar.analytics.orders;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bazaar.analytics.OrderFixture;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OrderReaderTest {

    @TempDir
    static Path folder;

    private static Orders orders;

    @BeforeAll
    static void readTheFixture() throws IOException {
        orders = OrderFixture.readStandard(folder);
    }

    @AfterAll
    static void release() {
        orders.close();
    }

    @Test
    void countsEveryNonBlankLineAndTheOnesThatAreNotValidOrders() {
        // then: "not JSON", an order without items, a quantity of 0 and the customer "!Erin"
        assertThat(orders.lines()).as("non-blank lines of committed files").isEqualTo(OrderFixture.LINES);
        assertThat(orders.invalid()).as("lines that are not valid orders").isEqualTo(OrderFixture.INVALID_LINES);
    }

    @Test
    void keepsOneVersionPerOrderAndKnowsWhichAreCancelled() {
        // then
        assertThat(orders.orders()).as("distinct valid orders").isEqualTo(OrderFixture.ORDERS);
        assertThat(orders.cancelled()).as("orders whose latest version is cancelled").isEqualTo(OrderFixture.CANCELLED);
        assertThat(orders.latest().where("orderId = 'o-x'").first().<String>getAs("state"))
                .as("o-x: paid, then cancelled a day later").isEqualTo("cancelled");
    }

    @Test
    void theLatestVersionOfAnOrderIsTheOneCounted() {
        // when: o-c1 was created with 3 mats and shipped with 1
        Map<String, Long> carolsUnits = orders.purchases().where("customer = 'Carol'").collectAsList().stream()
                .collect(Collectors.toMap(row -> row.<String>getAs("productId"), row -> row.<Long>getAs("quantity"),
                        Long::sum));

        // then
        assertThat(carolsUnits).as("Carol's units by product")
                .containsExactlyInAnyOrderEntriesOf(Map.of(OrderFixture.MAT, 1L, OrderFixture.BOTTLE, 1L,
                        OrderFixture.NOVEL, 1L, OrderFixture.ATLAS, 1L));
    }

    @Test
    void purchasesLeaveOutCancelledOrdersAndThePeriodLeavesOutOlderOnes() {
        // when
        List<String> all = orderIds(orders.purchases().collectAsList());
        List<String> recent = orderIds(orders.purchases(OrderFixture.PERIOD.from(), OrderFixture.PERIOD.to())
                .collectAsList());

        // then
        assertThat(all).as("orders with purchases, any time").doesNotContain("o-x", "o-g1")
                .contains("o-a-old", "o-f-old", "o-a1");
        assertThat(recent).as("orders with purchases in the period")
                .containsExactlyInAnyOrder("o-a1", "o-a2", "o-b1", "o-b2", "o-c1", "o-c2", "o-d1", "o-d2", "o-e1");
    }

    @Test
    void everyCustomerWithAValidOrderIsKnownWhateverItsStateOrAge() {
        // when
        List<String> customers = orders.customers().collectAsList().stream().map(row -> row.getString(0)).toList();

        // then: Gina's only order was cancelled, Frank's is older than the period; "!Erin" is not a customer
        assertThat(customers).as("customers").containsExactlyInAnyOrderElementsOf(OrderFixture.CUSTOMERS);
    }

    @Test
    void amountsAreExactDecimals() {
        // when
        Row cable = orders.purchases().where("orderId = 'o-d1' AND productId = 'usb-cable'").first();

        // then
        assertThat(cable.<BigDecimal>getAs("amount")).as("unit price of the cable").isEqualByComparingTo("150.10");
        assertThat(cable.<Long>getAs("quantity")).as("cables in o-d1").isEqualTo(2L);
    }

    private static List<String> orderIds(List<Row> rows) {
        return rows.stream().map(row -> row.<String>getAs("orderId")).distinct().toList();
    }
}

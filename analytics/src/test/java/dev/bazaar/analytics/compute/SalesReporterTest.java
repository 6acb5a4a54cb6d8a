package dev.bazaar.analytics.compute;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bazaar.analytics.OrderFixture;
import dev.bazaar.analytics.TestSpark;
import dev.bazaar.analytics.config.NameLanguage;
import dev.bazaar.analytics.orders.Orders;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sales report of the fixture's shop, worked out by hand from the period's orders that were not
 * cancelled (latest versions): o-a1 mat + novel, o-a2 2 dumbbells, o-b1 mat + kettlebell, o-b2 knife,
 * o-c1 mat + bottle, o-c2 novel + atlas, o-d1 phone + 2 cables, o-d2 kettlebell + jump-rope, o-e1 cable.
 */
class SalesReporterTest {

    private static final Instant GENERATED_AT = Instant.parse("2026-11-23T12:00:07Z");

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
    void sumsOrdersUnitsAndRevenuePerCategoryBiggestFirst() {
        // when
        SalesReport report = report(10, NameLanguage.EN);

        // then: the knife left the catalog, so its sale counts as uncategorized
        assertThat(report.categories()).as("categories").extracting(SalesReporterTest::describe).containsExactly(
                "tech: 2 orders, 4 units, 20450.30 RUB",
                "sports: 5 orders, 9 units, 12351.25 RUB",
                "books: 2 orders, 3 units, 2200.00 RUB",
                "uncategorized: 1 orders, 1 units, 700.00 RUB");
    }

    @Test
    void listsTheBestSellingProductsByRevenueNamedFromTheCatalog() {
        // when
        SalesReport report = report(10, NameLanguage.EN);

        // then: the knife is named by its id, it is not in the catalog any more
        assertThat(report.topProducts()).as("top products").extracting(SalesReporterTest::describe).containsExactly(
                "phone Phone: 1 units, 20000.00 RUB",
                "dumbbells Dumbbells: 2 units, 5001.00 RUB",
                "kettlebell Kettlebell: 2 units, 3600.00 RUB",
                "yoga-mat Yoga mat: 3 units, 3000.00 RUB",
                "atlas Atlas: 1 units, 1200.00 RUB",
                "novel Novel: 2 units, 1000.00 RUB",
                "knife knife: 1 units, 700.00 RUB",
                "usb-cable USB cable: 3 units, 450.30 RUB",
                "jump-rope Jump rope: 1 units, 450.00 RUB",
                "bottle Water bottle: 1 units, 300.25 RUB");
    }

    @Test
    void keepsTheConfiguredNumberOfTopProductsInTheConfiguredLanguage() {
        // when
        SalesReport report = report(3, NameLanguage.RU);

        // then
        assertThat(report.topProducts()).as("top 3, Russian names").extracting(ProductSales::name)
                .containsExactly("Телефон", "Гантели", "Гиря");
    }

    @Test
    void isIdentifiedByTheTimeItWasGeneratedAndCoversThePeriod() {
        // when
        SalesReport report = report(10, NameLanguage.EN);

        // then
        assertThat(report.reportId()).as("report id").isEqualTo("sales-20261123T120007Z");
        assertThat(report.period()).as("period").isEqualTo(OrderFixture.PERIOD);
        assertThat(report.generatedAt()).as("generated at").isEqualTo(GENERATED_AT);
    }

    private static SalesReport report(int top, NameLanguage language) {
        return new SalesReporter(top, language).report(orders, OrderFixture.PERIOD, OrderFixture.catalog(),
                CatalogFrame.of(TestSpark.session(), OrderFixture.catalog()), GENERATED_AT);
    }

    private static String describe(CategorySales sales) {
        return String.format(Locale.ROOT, "%s: %d orders, %d units, %s %s", sales.category(), sales.orders(),
                sales.units(), sales.revenue().toPlainString(), sales.currency());
    }

    private static String describe(ProductSales sales) {
        return String.format(Locale.ROOT, "%s %s: %d units, %s %s", sales.productId(), sales.name(), sales.units(),
                sales.revenue().toPlainString(), sales.currency());
    }
}

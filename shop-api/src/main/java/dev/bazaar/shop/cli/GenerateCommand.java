package dev.bazaar.shop.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bazaar.common.PlatformEndpoints;
import dev.bazaar.common.PlatformTls;
import dev.bazaar.common.RuntimeLayout;
import dev.bazaar.common.cli.PostgresLogin;
import dev.bazaar.common.ShopApiCredentials;
import dev.bazaar.shop.catalog.CatalogGenerator;
import dev.bazaar.shop.catalog.OrderGenerator;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.locks.LockSupport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code bazaar shop generate items|orders|subscribers}: publishes the shipped catalog, or orders of a
 * set of customers over it, through shop-api; or subscribes those customers to some of the catalog's
 * stores for promo (rows of PostgreSQL's {@code subscribers_restaurants}). Prints progress and a
 * summary; exits 1 when anything failed.
 */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Publish the catalog (items) or generated orders through shop-api, or subscribe the customers "
                + "to some of the catalog's stores (subscribers) for promo.")
final class GenerateCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "WHAT", description = "items, orders or subscribers")
    private String what;

    @Option(names = "--count", description = "How many records (default: the whole catalog for items, 100 orders, "
            + "3 stores per customer for subscribers).")
    private Integer count;

    @Option(names = "--rate", defaultValue = "0", description = "Records per second at most; 0 = as fast as acknowledged.")
    private double rate;

    @Option(names = "--customers", split = ",", defaultValue = "Alice,Bob,Charlie,David,Eva",
            description = "Customers who place the orders (default: ${DEFAULT-VALUE}).")
    private List<String> customers;

    @Option(names = "--seed", defaultValue = "" + CatalogGenerator.DEFAULT_SEED, description = "Seed of the catalog and orders.")
    private long seed;

    @Option(names = "--batch", defaultValue = "100", description = "Records per request (default ${DEFAULT-VALUE}).")
    private int batch;

    @Option(names = "--url", defaultValue = "${env:BAZAAR_SHOP_URL}",
            description = "shop-api (default: where the platform in --var runs it).")
    private URI url;

    @Option(names = "--var", defaultValue = "${env:BAZAAR_VAR:-var}", description = "Runtime folder holding shop-api's credentials and the platform CA.")
    private Path var;

    @Override
    public Integer call() {
        validate();
        RuntimeLayout layout = new RuntimeLayout(var);
        if (what.equals("subscribers")) {
            return subscribers(layout);
        }
        ShopClient client = new ShopClient(url != null ? url : platformUrl(layout), ShopApiCredentials.basic(layout),
                PlatformTls.httpClient(layout));
        List<ObjectNode> catalog = new CatalogGenerator(seed).products(CatalogGenerator.DEFAULT_SIZE);
        int total = what.equals("items") ? (count == null ? catalog.size() : count) : (count == null ? 100 : count);
        OrderGenerator orders = new OrderGenerator(catalog, customers, seed ^ System.nanoTime());
        Progress progress = new Progress(spec.commandLine().getErr(), what, total);
        long began = System.nanoTime();
        for (int from = 0; from < total; from += batch) {
            List<ObjectNode> records = new ArrayList<>();
            for (int i = from; i < Math.min(total, from + batch); i++) {
                records.add(what.equals("items") ? catalog.get(i % catalog.size()) : orders.order(i, Instant.now()));
            }
            progress.sent(records.size(), send(client, records, progress));
            pace(began, from + records.size());
        }
        return summary(progress);
    }

    private int subscribers(RuntimeLayout layout) {
        List<String> stores = SubscriberSeeder.stores(new CatalogGenerator(seed).products(CatalogGenerator.DEFAULT_SIZE));
        SubscriberSeeder.Seeded seeded = SubscriberSeeder.seed(PostgresLogin.resolve(System.getenv(), layout, "shop"),
                stores, customers, count == null ? 3 : count, seed);
        PrintWriter out = spec.commandLine().getOut();
        out.printf("subscribers: %d customers, %d new subscriptions, %d already there (of %d stores)%n",
                customers.size(), seeded.added(), seeded.present(), stores.size());
        out.flush();
        return 0;
    }

    private int send(ShopClient client, List<ObjectNode> records, Progress progress) {
        try {
            return client.post(what.equals("items") ? "/items" : "/orders", records);
        } catch (java.io.IOException e) {
            progress.failed(e.getMessage() == null ? e.toString() : e.getMessage());
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            progress.failed("interrupted");
            return 0;
        }
    }

    private void pace(long beganNanos, int sent) {
        if (rate > 0) {
            long due = beganNanos + (long) (sent / rate * 1e9);
            LockSupport.parkNanos(Math.max(0, due - System.nanoTime()));
        }
    }

    private int summary(Progress progress) {
        PrintWriter out = spec.commandLine().getOut();
        progress.finish();
        out.printf("%s: sent %d, acknowledged %d, failed %d%n", what, progress.sent(), progress.acknowledged(),
                progress.sent() - progress.acknowledged());
        progress.firstError().ifPresent(error -> out.println("first error: " + error));
        out.flush();
        return progress.acknowledged() == progress.sent() ? 0 : 1;
    }

    private void validate() {
        if (!what.equals("items") && !what.equals("orders") && !what.equals("subscribers")) {
            throw new ParameterException(spec.commandLine(), "unknown WHAT '" + what
                    + "': expected items, orders or subscribers");
        }
        if (count != null && count < 1) {
            throw new ParameterException(spec.commandLine(), "--count must be at least 1, was " + count);
        }
        if (batch < 1 || batch > 1000) {
            throw new ParameterException(spec.commandLine(), "--batch must be within 1..1000, was " + batch);
        }
        if (rate < 0) {
            throw new ParameterException(spec.commandLine(), "--rate must not be negative, was " + rate);
        }
    }

    /** shop-api's URL as the platform recorded it at {@code up}. */
    private static URI platformUrl(RuntimeLayout layout) {
        return URI.create(PlatformEndpoints.load(layout).serviceUrl("shop-api").orElseThrow(() ->
                new IllegalStateException("the platform recorded no shop-api URL: run './bazaar up' again or pass --url")));
    }
}

package dev.bazaar.promo.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bazaar.common.RuntimeLayout;
import dev.bazaar.common.ShopApiCredentials;
import dev.bazaar.common.cli.ServiceException;
import dev.bazaar.common.cli.ServiceTarget;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code bazaar promo campaign}: publishes a store's campaign through shop-api's {@code POST /campaigns}. */
@Command(name = "campaign", mixinStandardHelpOptions = true,
        description = "Publish a campaign of a store through shop-api, active from now (or --starts-in) for --minutes.")
final class CampaignCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Spec
    private CommandSpec spec;

    @Option(names = "--store", required = true, description = "The store (restaurant_id) whose subscribers it is for.")
    private String store;

    @Option(names = "--content", required = true, description = "The campaign's text.")
    private String content;

    @Option(names = "--minutes", defaultValue = "30", description = "How long it runs (default ${DEFAULT-VALUE}).")
    private int minutes;

    @Option(names = "--starts-in", defaultValue = "0",
            description = "Minutes from now until it starts (default ${DEFAULT-VALUE}: now).")
    private int startsIn;

    @Option(names = "--id", description = "The campaign id (default: a new one).")
    private String id;

    @Option(names = "--owner", defaultValue = "store manager", description = "Who runs it (default: ${DEFAULT-VALUE}).")
    private String owner;

    @Option(names = "--contact", defaultValue = "promo@bazaar.example",
            description = "How to reach the owner (default: ${DEFAULT-VALUE}).")
    private String contact;

    @Option(names = "--url", defaultValue = "${env:BAZAAR_SHOP_URL}", description = "shop-api's base URL (default: "
            + "the one the platform recorded, or BAZAAR_SHOP_URL).")
    private String url;

    @Option(names = "--var", defaultValue = "${env:BAZAAR_VAR:-var}",
            description = "Runtime folder of the platform: endpoints and credentials (default: ${DEFAULT-VALUE}).")
    private Path var;

    private final Clock clock = Clock.systemUTC();

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (minutes < 1 || startsIn < 0) {
            throw new ParameterException(spec.commandLine(), "--minutes must be at least 1 and --starts-in not negative");
        }
        ServiceTarget shop = ServiceTarget.resolve(url, new RuntimeLayout(var), "shop-api",
                ShopApiCredentials.CALLER, "BAZAAR_SHOP_URL");
        long now = clock.instant().getEpochSecond();
        long start = now + startsIn * 60L;
        ObjectNode campaign = JSON.createObjectNode()
                .put("restaurant_id", store)
                .put("adv_campaign_id", id != null ? id : "campaign-" + UUID.randomUUID())
                .put("adv_campaign_content", content)
                .put("adv_campaign_owner", owner)
                .put("adv_campaign_owner_contact", contact)
                .put("adv_campaign_datetime_start", start)
                .put("adv_campaign_datetime_end", start + minutes * 60L)
                .put("datetime_created", now);
        HttpRequest request = HttpRequest.newBuilder(URI.create(shop.url() + "/campaigns")).timeout(TIMEOUT)
                .header("Authorization", shop.authorization()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(campaign.toString())).build();
        HttpResponse<String> answer = shop.http().send(request, HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 202) {
            throw new ServiceException("shop-api at " + shop.url() + " answered " + answer.statusCode() + ": "
                    + answer.body());
        }
        spec.commandLine().getOut().printf("campaign %s of store %s published: active %d..%d (epoch s), %s%n",
                campaign.path("adv_campaign_id").asText(), store, start, start + minutes * 60L,
                JSON.readTree(answer.body()).path("records").path(0));
        return 0;
    }
}

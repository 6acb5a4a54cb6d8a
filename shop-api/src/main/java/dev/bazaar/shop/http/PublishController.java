package dev.bazaar.shop.http;

import dev.bazaar.common.Topics;
import dev.bazaar.shop.ShopConfig;
import dev.bazaar.shop.publish.Accepted;
import dev.bazaar.shop.publish.Publisher;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * {@code POST /items}, {@code POST /orders} and {@code POST /campaigns}: one record or an array, answered
 * once Kafka acknowledged all.
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
final class PublishController {

    private final Publisher publisher;
    private final ShopConfig config;

    PublishController(Publisher publisher, ShopConfig config) {
        this.publisher = publisher;
        this.config = config;
    }

    @Post(uri = "/items", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    HttpResponse<Published> items(@Body String body) {
        return publish(Topics.ITEMS, body, "productId");
    }

    @Post(uri = "/orders", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    HttpResponse<Published> orders(@Body String body) {
        return publish(Topics.ORDERS, body, "orderId");
    }

    /** A store's campaign for promo, keyed by its store; one that ends before it starts is refused too. */
    @Post(uri = "/campaigns", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    HttpResponse<Published> campaigns(@Body String body) {
        return publish(Topics.PROMO_CAMPAIGNS, body, "restaurant_id", CampaignWindow::check);
    }

    private HttpResponse<Published> publish(String topic, String body, String keyField) {
        return publish(topic, body, keyField, (record, index, errors) -> { });
    }

    private HttpResponse<Published> publish(String topic, String body, String keyField, Publisher.Rule rule) {
        List<Accepted> accepted = publisher.publish(topic, JsonBodies.records(body, config.maxBatch()), keyField, rule);
        return HttpResponse.accepted().body(new Published(accepted.size(), accepted));
    }

    /** The answer to a publish: how many records Kafka acknowledged, and where each one is. */
    @Serdeable
    record Published(int acknowledged, List<Accepted> records) {
    }
}

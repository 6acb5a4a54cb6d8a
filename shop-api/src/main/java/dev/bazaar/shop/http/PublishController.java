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

/** {@code POST /items} and {@code POST /orders}: one record or an array, answered once Kafka acknowledged all. */
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

    private HttpResponse<Published> publish(String topic, String body, String keyField) {
        List<Accepted> accepted = publisher.publish(topic, JsonBodies.records(body, config.maxBatch()), keyField);
        return HttpResponse.accepted().body(new Published(accepted.size(), accepted));
    }

    /** The answer to a publish: how many records Kafka acknowledged, and where each one is. */
    @Serdeable
    record Published(int acknowledged, List<Accepted> records) {
    }
}

package dev.bazaar.events.cli;

import dev.bazaar.common.cli.ServiceException;
import dev.bazaar.common.cli.ServiceTarget;
import dev.bazaar.events.EventKind;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Posts events to events-api over HTTPS with the platform's credentials, one request per event. */
final class EventsClient {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final ServiceTarget target;

    EventsClient(ServiceTarget target) {
        this.target = target;
    }

    /** An answer: its status and body (where Kafka stored the event, or problem JSON). */
    record Answer(int status, String body) {

        boolean acknowledged() {
            return status == 200 || status == 202;
        }
    }

    /** Posts one event of {@code kind} to {@code POST /events?kind=}. */
    Answer post(EventKind kind, byte[] event) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(target.url() + "/events?kind=" + kind.id()))
                .timeout(TIMEOUT).header("Authorization", target.authorization())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(event)).build();
        HttpResponse<String> response = target.http().send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 401) {
            throw new ServiceException("events-api at " + target.url() + " refused the credentials: are --var "
                    + "(BAZAAR_VAR) and --url the same platform's?");
        }
        return new Answer(response.statusCode(), response.body());
    }

    URI url() {
        return target.url();
    }
}

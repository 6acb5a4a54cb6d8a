package dev.bazaar.client.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.bazaar.common.cli.ServiceException;
import dev.bazaar.common.cli.ServiceTarget;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Asks client-api one GET over HTTPS with the platform's credentials. Failing to reach it, or an answer that
 * is neither a result nor a 400/404, is a {@link ServiceException} that says where it asked and
 * what to do.
 */
final class ClientApiClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ServiceTarget target;

    ClientApiClient(ServiceTarget target) {
        this.target = target;
    }

    /** An answer of client-api: its status and JSON body (a result, or problem JSON). */
    record Answer(int status, JsonNode body) {

        /** The problem's detail, or the status when the body has none. */
        String detail() {
            return body.path("detail").asText("HTTP " + status);
        }
    }

    /** GETs {@code pathAndQuery} (already encoded), waiting up to {@code timeout} for the answer. */
    Answer get(String pathAndQuery, Duration timeout) throws InterruptedException {
        URI uri = URI.create(target.url() + pathAndQuery);
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).header("Authorization", target.authorization())
                .header("Accept", "application/json").GET().build();
        HttpResponse<String> response;
        try {
            response = target.http().send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new ServiceException("client-api does not answer at " + target.url() + " (" + describe(e) + "): start "
                    + "the platform with './bazaar up' (./bazaar status shows what runs), or pass --url", e);
        }
        Answer answer = new Answer(response.statusCode(), parse(response.body()));
        return switch (answer.status()) {
            case 200, 400, 404 -> answer;
            case 401 -> throw new ServiceException("client-api at " + target.url() + " refused the credentials: are "
                    + "--var (BAZAAR_VAR) and --url the same platform's?");
            case 503 -> throw new ServiceException("client-api at " + target.url() + " cannot serve now: "
                    + answer.detail() + "; check './bazaar status' and try again");
            default -> throw new ServiceException("client-api at " + target.url() + " answered " + answer.status()
                    + " to GET " + uri.getRawPath() + ": " + answer.detail());
        };
    }

    private static JsonNode parse(String body) {
        try {
            return body == null || body.isBlank() ? MissingNode.getInstance() : JSON.readTree(body);
        } catch (IOException notJson) {
            // an answer from something else than client-api (a proxy's page): show it as the detail
            String text = body.strip();
            return JsonNodeFactory.instance.objectNode().put("detail", "not JSON (" + notJson.getClass().getSimpleName()
                    + "): " + (text.length() > 200 ? text.substring(0, 200) + "..." : text));
        }
    }

    private static String describe(IOException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": " + e.getMessage();
    }
}

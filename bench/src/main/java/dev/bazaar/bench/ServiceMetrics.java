package dev.bazaar.bench;

import dev.bazaar.common.HttpUser;
import dev.bazaar.common.PlatformTls;
import dev.bazaar.common.RuntimeLayout;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleBinaryOperator;

/**
 * A service's {@code /prometheus} as Prometheus reads it (its own scrape credential, HTTPS verified
 * against the platform CA): the sum or the largest of a family's samples whose labels hold given pairs.
 */
final class ServiceMetrics {

    private final HttpClient http;
    private final URI url;
    private final String authorization;

    private ServiceMetrics(HttpClient http, URI url, String authorization) {
        this.http = http;
        this.url = url;
        this.authorization = authorization;
    }

    /** The metrics of the service at {@code serviceUrl}. */
    static ServiceMetrics of(RuntimeLayout layout, String serviceUrl) {
        return new ServiceMetrics(PlatformTls.httpClient(layout), URI.create(serviceUrl + "/prometheus"),
                HttpUser.METRICS.basic(layout));
    }

    /** One scrape. */
    Scrape scrape() throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(10))
                .header("Authorization", authorization).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + url + " answered " + response.statusCode());
        }
        return new Scrape(response.body().lines().filter(line -> !line.startsWith("#") && !line.isBlank()).toList());
    }

    /** The sample lines of one scrape. */
    record Scrape(List<String> lines) {

        /** The sum of {@code family}'s samples whose labels hold every {@code label="value"} of {@code labels}. */
        double sum(String family, String... labels) {
            return fold(family, labels, 0, Double::sum);
        }

        /** The largest of them (a cache every store shares reports the same value once per store). */
        double max(String family, String... labels) {
            return fold(family, labels, Double.NaN, (a, b) -> Double.isNaN(a) ? b : Math.max(a, b));
        }

        private double fold(String family, String[] labels, double identity, DoubleBinaryOperator operator) {
            double result = identity;
            for (String line : lines) {
                int space = line.lastIndexOf(' ');
                String name = line.substring(0, space);
                String bare = name.contains("{") ? name.substring(0, name.indexOf('{')) : name;
                if (bare.equals(family) && holdsAll(name, labels)) {
                    result = operator.applyAsDouble(result, Double.parseDouble(line.substring(space + 1)));
                }
            }
            return result;
        }

        private static boolean holdsAll(String name, String[] labels) {
            List<String> missing = new ArrayList<>(List.of(labels));
            missing.removeIf(name::contains);
            return missing.isEmpty();
        }
    }
}

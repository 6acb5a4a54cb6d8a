package dev.bazaar.analytics.schedule;

import dev.bazaar.analytics.config.AnalyticsConfig;
import java.nio.file.Path;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;

/**
 * What the scheduler reads from its environment at start: the runtime folder ({@code BAZAAR_VAR},
 * default {@code var}), its status port ({@code BAZAAR_HTTP_PORT}, required) and every analytics
 * setting ({@code BAZAAR_ANALYTICS_EVERY} and the rest), all checked before anything starts, so a bad
 * value fails the scheduler at once naming the variable rather than every run later.
 */
public record SchedulerSettings(Path var, int httpPort, AnalyticsConfig config) {

    public static final String VAR = "BAZAAR_VAR";
    public static final String HTTP_PORT = "BAZAAR_HTTP_PORT";

    /** The settings {@code env} holds; a {@link ConfigException} names the variable that is wrong. */
    public static SchedulerSettings fromEnvironment(Map<String, String> env) {
        String var = env.getOrDefault(VAR, "");
        String port = env.get(HTTP_PORT);
        if (port == null || port.isBlank()) {
            throw new ConfigException(HTTP_PORT + " is required: the port the scheduler serves /health on");
        }
        int httpPort;
        try {
            httpPort = Integer.parseInt(port.strip());
        } catch (NumberFormatException e) {
            throw new ConfigException(HTTP_PORT, port, "must be a port number (0-65535)");
        }
        if (httpPort < 0 || httpPort > 65535) {
            throw new ConfigException(HTTP_PORT, port, "must be a port number (0-65535)");
        }
        AnalyticsConfig config;
        try {
            config = new AnalyticsConfig(AnalyticsConfig.fromEnvironment(env));
        } catch (ConfigException e) {
            throw new ConfigException(environmentNames(e.getMessage()));
        }
        return new SchedulerSettings(Path.of(var.isBlank() ? "var" : var.strip()).toAbsolutePath(), httpPort, config);
    }

    /** Kafka's message names the key ({@code analytics.every}); the scheduler's reader set the variable. */
    private static String environmentNames(String message) {
        String named = message;
        for (String key : AnalyticsConfig.CONFIG_DEF.names()) {
            named = named.replace("configuration " + key, "configuration " + key + " ("
                    + AnalyticsConfig.environmentVariable(key) + ")");
        }
        return named;
    }
}

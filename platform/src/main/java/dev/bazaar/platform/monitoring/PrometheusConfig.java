package dev.bazaar.platform.monitoring;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills the {@code ${key}} placeholders of the configuration templates in {@code prometheus/}
 * (ports and paths differ per platform), so the files under version control stay the ones a user
 * reads and {@code promtool} checks.
 */
public final class PrometheusConfig {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([a-z][a-z0-9.]*)}");
    private static final Pattern JOB = Pattern.compile("(?m)^\\s*- job_name:\\s*(\\S+)\\s*$");

    private PrometheusConfig() {
    }

    /**
     * The scrape jobs of a {@code prometheus.yml} template, in its order: the one list of jobs — a
     * component's scrape target names one of them, and the launcher writes one target file per job.
     */
    public static List<String> jobs(Path prometheusYml) {
        try {
            Matcher matcher = JOB.matcher(Files.readString(prometheusYml));
            List<String> jobs = new ArrayList<>();
            while (matcher.find()) {
                jobs.add(matcher.group(1));
            }
            return List.copyOf(jobs);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the scrape jobs of " + prometheusYml, e);
        }
    }

    /**
     * The template with every placeholder replaced by its value.
     *
     * @throws IllegalArgumentException naming the first placeholder {@code values} has no value for
     */
    public static String render(String template, Map<String, String> values) {
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder rendered = new StringBuilder();
        while (matcher.find()) {
            String value = values.get(matcher.group(1));
            if (value == null) {
                int line = (int) template.substring(0, matcher.start()).chars().filter(c -> c == '\n').count() + 1;
                throw new IllegalArgumentException("no value for placeholder ${" + matcher.group(1) + "} on line "
                        + line + "; known: " + values.keySet());
            }
            matcher.appendReplacement(rendered, Matcher.quoteReplacement(value));
        }
        return matcher.appendTail(rendered).toString();
    }
}

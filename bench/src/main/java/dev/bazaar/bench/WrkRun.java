package dev.bazaar.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * wrk (the Debian package; {@code ./bazaar} installs it) posting view events with the script
 * {@code bench/view-event.lua}: {@code -t2}, {@code -c<connections>}, {@code -d<seconds>s}, {@code --latency},
 * and its summary parsed. wrk checks no TLS certificate (it has no option to): it talks to events-api on
 * loopback, where that does not matter; the Java clients of the benchmark verify it.
 */
final class WrkRun {

    static final String SCRIPT_RESOURCE = "/bench/view-event.lua";
    private static final String AUTHORIZATION_VARIABLE = "BAZAAR_BENCH_AUTHORIZATION";
    private static final int THREADS = 2;
    private static final Pattern RATE = Pattern.compile("Requests/sec:\\s+([\\d.]+)");
    private static final Pattern TOTAL = Pattern.compile("(\\d+) requests in ([\\d.]+)(us|ms|s|m|h),");
    private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses: (\\d+)");
    private static final Pattern SOCKET_ERRORS = Pattern.compile(
            "Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");
    private static final Pattern SCRIPT_SUMMARY = Pattern.compile("bench-summary fresh=(\\d+) copies=(\\d+)");

    private final Path script;
    private final Path payload;
    private final String authorization;

    private WrkRun(Path script, Path payload, String authorization) {
        this.script = script;
        this.payload = payload;
        this.authorization = authorization;
    }

    /**
     * wrk set up in {@code dir}: the script and {@code compactPayload} written there, {@code authorization}
     * passed to the script by the environment.
     */
    static WrkRun prepare(Path dir, byte[] compactPayload, String authorization) throws IOException {
        Files.createDirectories(dir);
        Path script = dir.resolve("view-event.lua");
        try (InputStream in = WrkRun.class.getResourceAsStream(SCRIPT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the wrk script " + SCRIPT_RESOURCE + " is not on the classpath");
            }
            Files.copy(in, script, StandardCopyOption.REPLACE_EXISTING);
        }
        Path payload = dir.resolve("view-event.compact.json");
        Files.write(payload, compactPayload);
        return new WrkRun(script, payload, authorization);
    }

    /**
     * Fails at once, naming the package, when wrk cannot be run: before a benchmark spends minutes starting its
     * platform (wrk prints its version and usage with {@code -v} and exits 1, so only the start is checked).
     */
    static void requireInstalled() {
        try {
            Process process = new ProcessBuilder("wrk", "-v").redirectErrorStream(true).start();
            process.getInputStream().transferTo(OutputStream.nullOutputStream());
            process.waitFor();
        } catch (IOException e) {
            throw new IllegalStateException("cannot run wrk, which `bench events` drives: install Debian's package wrk "
                    + "(./bazaar bench installs it when apt-get may run): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while looking for wrk", e);
        }
    }

    /** One wrk run against {@code url}; {@code duplicateShare} of the requests re-send a recent body; {@code seed} per run. */
    WrkResult run(URI url, int connections, int seconds, double duplicateShare, int seed)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("wrk", "-t" + THREADS, "-c" + connections, "-d" + seconds + "s",
                "--latency", "--timeout", "10s", "-s", script.toString(), url.toString(), "--", payload.toString(),
                String.join(",", ViewEventSample.FRESH_FIELDS), Double.toString(duplicateShare), Integer.toString(seed)));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put(AUTHORIZATION_VARIABLE, authorization);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start wrk (Debian package wrk; ./bazaar installs it): "
                    + e.getMessage(), e);
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int code = process.waitFor();
        if (code != 0) {
            throw new IllegalStateException("wrk failed (" + code + "):\n" + output);
        }
        return parse(output, connections);
    }

    /** wrk's summary and the script's counts. */
    static WrkResult parse(String output, int connections) {
        Matcher total = find(TOTAL, output);
        Matcher script = find(SCRIPT_SUMMARY, output);
        Matcher errors = SOCKET_ERRORS.matcher(output);
        Matcher non2xx = NON_2XX.matcher(output);
        return new WrkResult(connections, Long.parseLong(total.group(1)), millis(total.group(2), total.group(3)) / 1000,
                Double.parseDouble(find(RATE, output).group(1)), percentile(output, "50"), percentile(output, "99"),
                non2xx.find() ? Long.parseLong(non2xx.group(1)) : 0,
                errors.find() ? Map.of("connect", Long.parseLong(errors.group(1)), "read", Long.parseLong(errors.group(2)),
                        "write", Long.parseLong(errors.group(3)), "timeout", Long.parseLong(errors.group(4))) : Map.of(),
                Long.parseLong(script.group(1)), Long.parseLong(script.group(2)), output);
    }

    /** The line {@code "  99%   12.34ms"} of the latency distribution, in milliseconds. */
    private static double percentile(String output, String percent) {
        Matcher line = find(Pattern.compile("(?m)^\\s+" + percent + "%\\s+([\\d.]+)(us|ms|s|m|h)\\s*$"), output);
        return millis(line.group(1), line.group(2));
    }

    private static double millis(String value, String unit) {
        double number = Double.parseDouble(value);
        return switch (unit) {
            case "us" -> number / 1000;
            case "ms" -> number;
            case "s" -> number * 1000;
            case "m" -> number * 60_000;
            case "h" -> number * 3_600_000;
            default -> throw new IllegalArgumentException("unit " + unit);
        };
    }

    private static Matcher find(Pattern pattern, String output) {
        Matcher matcher = pattern.matcher(output);
        if (!matcher.find()) {
            throw new IllegalStateException("wrk's output has no " + pattern.pattern() + ":\n" + output);
        }
        return matcher;
    }

    /**
     * One wrk run: completed requests, their rate and latency, the answers that were not 2xx, socket errors,
     * and what the script sent (fresh bodies and copies, including those in flight when wrk stopped).
     */
    record WrkResult(int connections, long requests, double seconds, double perSecond, double p50Millis,
            double p99Millis, long non2xx, Map<String, Long> socketErrors, long fresh, long copies, String output) {

        long socketErrorCount() {
            return socketErrors.values().stream().mapToLong(Long::longValue).sum();
        }

        RunResult asRunResult() {
            return new RunResult(String.format(Locale.ROOT, "events-api wrk, %d connections", connections), requests,
                    perSecond, p50Millis, p99Millis);
        }
    }
}

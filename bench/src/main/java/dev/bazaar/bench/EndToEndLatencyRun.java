package dev.bazaar.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Kafka's own {@code EndToEndLatency} in its own JVM: one record at a time, produced with acks=all
 * and consumed, on the same cluster and principal; the raw latency the pipelines are held against.
 */
final class EndToEndLatencyRun {

    /** "Percentiles: 50th = 3, 99th = 12, 99.9th = 40" (milliseconds). */
    private static final Pattern PERCENTILES = Pattern.compile("Percentiles: 50th = (\\d+), 99th = (\\d+), 99.9th = (\\d+)");
    private static final Pattern AVERAGE = Pattern.compile("Avg latency: ([\\d.]+) ms");

    private EndToEndLatencyRun() {
    }

    static RunResult run(String java, String classpath, String bootstrap, Path clientConfig, String topic, int records,
            int recordSize) throws IOException, InterruptedException {
        List<String> command = List.of(java, "-Xmx256m", "-cp", classpath, "org.apache.kafka.tools.EndToEndLatency",
                "--bootstrap-server", bootstrap, "--topic", topic, "--num-records", Integer.toString(records),
                "--producer-acks", "all", "--record-size", Integer.toString(recordSize),
                "--command-config", clientConfig.toString());
        long began = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int code = process.waitFor();
        double seconds = (System.nanoTime() - began) / 1e9;
        Matcher percentiles = PERCENTILES.matcher(output);
        Matcher average = AVERAGE.matcher(output);
        if (code != 0 || !percentiles.find() || !average.find()) {
            throw new IllegalStateException("EndToEndLatency failed (" + code + "):\n" + output);
        }
        return new RunResult("kafka EndToEndLatency, 1 at a time, acks=all", records, records / seconds,
                Double.parseDouble(percentiles.group(1)), Double.parseDouble(percentiles.group(2)));
    }
}

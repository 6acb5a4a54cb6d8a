package dev.bazaar.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Kafka's own ProducerPerformance in its own JVM, the baseline every produce path is held against. */
final class ProducerPerformanceRun {

    /** The summary line, e.g. "50000 records sent, 9800.5 records/sec (9.57 MB/sec), ... 1400 ms 50th, ... 2450 ms 99th". */
    private static final Pattern SUMMARY = Pattern.compile(
            "(\\d+) records sent, ([\\d.]+) records/sec .* (\\d+) ms 50th, (\\d+) ms 95th, (\\d+) ms 99th");

    private ProducerPerformanceRun() {
    }

    static RunResult run(String java, String classpath, Path producerConfig, String topic, int records, int recordSize,
            String throughput) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(java, "-Xmx512m", "-cp", classpath,
                "org.apache.kafka.tools.ProducerPerformance", "--topic", topic, "--num-records", Integer.toString(records),
                "--record-size", Integer.toString(recordSize), "--throughput", throughput,
                "--producer.config", producerConfig.toString(), "--producer-props", "acks=all", "linger.ms=5"));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int code = process.waitFor();
        Matcher summary = SUMMARY.matcher(output);
        if (code != 0 || !summary.find()) {
            throw new IllegalStateException("ProducerPerformance failed (" + code + "):\n" + output);
        }
        return new RunResult("kafka ProducerPerformance, " + recordSize + " B, acks=all", Long.parseLong(summary.group(1)),
                Double.parseDouble(summary.group(2)), Double.parseDouble(summary.group(3)),
                Double.parseDouble(summary.group(5)));
    }
}

package dev.bazaar.systemtest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bazaar.platform.it.EmbeddedPlatform.Running;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The order files the HDFS sink has committed, listed through WebHDFS: a file's name says which
 * partition and offsets it holds ({@code <topic>+<partition>+<first>+<last>.jsonl}), and a file has
 * that name only once committed. The folders come from the deployed connector's configuration
 * ({@code setup/connectors/hdfs-orders-sink.json}).
 */
final class CommittedOrderFiles {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern NAME = Pattern.compile("(.+)\\+(\\d+)\\+(\\d+)\\+(\\d+)\\.jsonl");
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final String webhdfs;
    private final String ordersFolder;
    private final String partitionField;

    private CommittedOrderFiles(String webhdfs, String ordersFolder, String partitionField) {
        this.webhdfs = webhdfs;
        this.ordersFolder = ordersFolder;
        this.partitionField = partitionField;
    }

    /** The committed files of the platform's HDFS sink, as {@code setup/connectors/hdfs-orders-sink.json} lays them out. */
    static CommittedOrderFiles of(Running platform) throws IOException {
        JsonNode config = Checkout.connectorConfig("hdfs-orders-sink");
        String folder = config.path("topics.dir").asText().replaceAll("/+$", "") + "/" + config.path("topics").asText();
        return new CommittedOrderFiles(platform.platform().endpoints().serviceUrl("webhdfs").orElseThrow(() ->
                new IllegalStateException("the platform recorded no WebHDFS URL")), folder,
                config.path("partition.field").asText());
    }

    /** The orders (records of the orders topic) that no committed file of their customer's folder holds yet. */
    List<TopicSnapshot.Entry> missing(Collection<TopicSnapshot.Entry> orders) throws IOException, InterruptedException {
        Map<String, List<long[]>> committed = new HashMap<>();
        List<TopicSnapshot.Entry> missing = new ArrayList<>();
        for (TopicSnapshot.Entry order : orders) {
            String customer = order.value().path(partitionField).asText();
            List<long[]> ranges = committed.get(customer);
            if (ranges == null) {
                ranges = ranges(customer);
                committed.put(customer, ranges);
            }
            if (ranges.stream().noneMatch(range -> range[0] == order.partition() && range[1] <= order.offset()
                    && order.offset() <= range[2])) {
                missing.add(order);
            }
        }
        return missing;
    }

    /** {partition, first, last} of each committed file in the customer's folder; none while the folder does not exist. */
    private List<long[]> ranges(String customer) throws IOException, InterruptedException {
        // the sink keeps names of letters, digits, '-', '.' and '_' as they are: the test's customers have such names
        String folder = ordersFolder + "/" + partitionField + "=" + customer;
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(webhdfs + "/webhdfs/v1" + folder
                + "?op=LISTSTATUS&user.name=" + System.getProperty("user.name"))).timeout(TIMEOUT).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        List<long[]> ranges = new ArrayList<>();
        if (response.statusCode() == 404) {
            return ranges;
        }
        if (response.statusCode() != 200) {
            throw new IOException("WebHDFS answered " + response.statusCode() + " listing " + folder + ": "
                    + response.body());
        }
        for (JsonNode file : JSON.readTree(response.body()).path("FileStatuses").path("FileStatus")) {
            Matcher name = NAME.matcher(file.path("pathSuffix").asText());
            if ("FILE".equals(file.path("type").asText()) && name.matches()) {
                ranges.add(new long[] {Long.parseLong(name.group(2)), Long.parseLong(name.group(3)),
                        Long.parseLong(name.group(4))});
            }
        }
        return ranges;
    }
}

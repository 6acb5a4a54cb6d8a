package dev.bazaar.analytics;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * What one run did, as the command prints it, the scheduler's {@code /health} shows it and
 * {@code run --summary-file} writes it (JSON): outcome, times and counts, and the error of a failed run.
 *
 * @param outcome {@code succeeded} or {@code failed}
 * @param orders where the order files were read from
 * @param ordersRead distinct valid orders (latest versions), cancelled ones included
 * @param customers customers a list of recommendations was computed for
 * @param products distinct products sold in the period
 */
public record RunSummary(String outcome, String startedAt, String finishedAt, double seconds, String orders,
        long files, long lines, long invalidLines, long ordersRead, long cancelled, long periodOrders, long customers,
        long products, long catalogProducts, long recommendationsPublished, long reportsPublished, String reportId,
        String error) {

    public static final String SUCCEEDED = "succeeded";
    public static final String FAILED = "failed";
    private static final ObjectMapper JSON = new ObjectMapper();

    public boolean succeeded() {
        return SUCCEEDED.equals(outcome);
    }

    public long recordsPublished() {
        return recommendationsPublished + reportsPublished;
    }

    /** Writes this summary to {@code file} (replacing it whole, so a reader never sees half of it). */
    public void write(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path tmp = Files.createTempFile(parent, file.getFileName().toString(), ".tmp");
        JSON.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), this);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    public static RunSummary read(Path file) throws IOException {
        return JSON.readValue(file.toFile(), RunSummary.class);
    }
}

package dev.bazaar.hdfs.loader;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.apache.kafka.connect.sink.SinkRecord;

/**
 * The folder a record's line goes to, relative to its topic's folder: {@code <field>=<value>} (e.g.
 * {@code customer=Alice}) and/or {@code date=yyyy-MM-dd[/hour=HH]} in UTC, so readers such as Spark
 * can prune by folder. A value is escaped so that it is always one plain folder name: characters
 * outside letters, digits, space, '.', '_' and '-' become {@code %XX}, and so does a leading '.' or
 * '_' (readers skip such names as hidden).
 */
public final class Folders {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH");

    private final String fieldName;
    private final List<String> field;
    private final HdfsSinkConfig.TimePartitioning time;
    private final List<String> timeField;

    public Folders(String fieldName, HdfsSinkConfig.TimePartitioning time, List<String> timeField) {
        this.fieldName = fieldName;
        this.field = fieldName.isEmpty() ? List.of() : List.of(fieldName.split("\\."));
        this.time = time;
        this.timeField = timeField;
    }

    public static Folders of(HdfsSinkConfig config) {
        return new Folders(config.partitionFieldName(), config.timePartitioning(), config.timeField());
    }

    /** The relative folder, empty for the topic's folder itself; a {@link BadRecordException} when a field is missing. */
    public String folderOf(SinkRecord record, JsonLine line) {
        StringBuilder folder = new StringBuilder();
        if (!field.isEmpty()) {
            String value = line.text(field).filter(text -> !text.isEmpty()).orElseThrow(() -> new BadRecordException(
                    "the record has no value at '" + fieldName + "' to choose its folder by"));
            folder.append(escape(fieldName)).append('=').append(escape(value));
        }
        if (time != HdfsSinkConfig.TimePartitioning.NONE) {
            OffsetDateTime at = timeOf(record, line).atOffset(ZoneOffset.UTC);
            append(folder, "date=" + DAY.format(at));
            if (time == HdfsSinkConfig.TimePartitioning.HOUR) {
                append(folder, "hour=" + HOUR.format(at));
            }
        }
        return folder.toString();
    }

    private Instant timeOf(SinkRecord record, JsonLine line) {
        if (timeField.isEmpty()) {
            if (record.timestamp() == null) {
                throw new BadRecordException("the record has no timestamp to choose its time folder by");
            }
            return Instant.ofEpochMilli(record.timestamp());
        }
        String text = line.text(timeField).orElseThrow(() -> new BadRecordException(
                "the record has no value at '" + String.join(".", timeField) + "' to choose its time folder by"));
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new BadRecordException("'" + String.join(".", timeField) + "' is not an RFC 3339 date-time: " + text, e);
        }
    }

    private static void append(StringBuilder folder, String level) {
        if (!folder.isEmpty()) {
            folder.append('/');
        }
        folder.append(level);
    }

    static String escape(String value) {
        StringBuilder escaped = new StringBuilder(value.length());
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            int b = bytes[i] & 0xff;
            boolean plain = b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9' || b == ' '
                    || b == '-' || (b == '.' || b == '_') && i > 0;
            if (plain) {
                escaped.append((char) b);
            } else {
                escaped.append('%').append(String.format("%02X", b));
            }
        }
        return escaped.toString();
    }
}

package dev.bazaar.promo.topology;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A store's campaign as the earlier system's producers send it on {@code promo-campaigns}: eight
 * fields, times in epoch seconds, in plain JSON or the registry wire format (magic byte 0 and a 4-byte
 * schema id). Read field by field so that a bad record is refused with the field named, whatever
 * producer wrote it: shop-api checks the schema, a plain producer may not. A field the contract does
 * not have is refused too: a notification carries the campaign's fields and adds its own two, which a
 * campaign must not already hold.
 *
 * @param event the whole campaign as received, which each notification copies
 */
public record Campaign(String storeId, String campaignId, long startSeconds, long endSeconds, ObjectNode event) {

    public static final String STORE = "restaurant_id";
    public static final String ID = "adv_campaign_id";
    public static final String START = "adv_campaign_datetime_start";
    public static final String END = "adv_campaign_datetime_end";
    static final List<String> TEXT_FIELDS = List.of(STORE, ID, "adv_campaign_content", "adv_campaign_owner",
            "adv_campaign_owner_contact");
    static final List<String> TIME_FIELDS = List.of(START, END, "datetime_created");
    static final Set<String> FIELDS = Stream.concat(TEXT_FIELDS.stream(), TIME_FIELDS.stream())
            .collect(Collectors.toUnmodifiableSet());

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Whether the campaign runs at {@code nowSeconds}: start ≤ now ≤ end, both ends included. */
    public boolean activeAt(long nowSeconds) {
        return startSeconds <= nowSeconds && nowSeconds <= endSeconds;
    }

    public boolean endedBy(long nowSeconds) {
        return nowSeconds > endSeconds;
    }

    /**
     * The campaign in {@code value}.
     *
     * @throws InvalidRecordException naming the field (or the framing) that is wrong
     */
    public static Campaign read(byte[] value) {
        JsonNode node = JsonValues.object(value, "campaign");
        node.fieldNames().forEachRemaining(field -> {
            if (!FIELDS.contains(field)) {
                throw new InvalidRecordException("field " + field + " is not a field of a campaign (those are "
                        + String.join(", ", TEXT_FIELDS) + ", " + String.join(", ", TIME_FIELDS) + ")");
            }
        });
        for (String field : TEXT_FIELDS) {
            JsonNode text = node.get(field);
            if (text == null || text.isNull()) {
                throw new InvalidRecordException("field " + field + " is missing");
            }
            if (!text.isTextual()) {
                throw new InvalidRecordException("field " + field + " must be a string, not " + text.getNodeType());
            }
        }
        for (String field : List.of(STORE, ID)) {
            String text = node.get(field).textValue();
            if (text.isBlank() || text.indexOf(Keys.SEPARATOR) >= 0) {
                throw new InvalidRecordException("field " + field + " must be a non-blank string without U+0000");
            }
        }
        for (String field : TIME_FIELDS) {
            JsonNode time = node.get(field);
            if (time == null || time.isNull()) {
                throw new InvalidRecordException("field " + field + " is missing");
            }
            if (!time.isIntegralNumber() || !time.canConvertToLong() || time.longValue() < 0) {
                throw new InvalidRecordException("field " + field + " must be a whole number of seconds since the "
                        + "epoch (0 or more), not " + time);
            }
        }
        long start = node.get(START).longValue();
        long end = node.get(END).longValue();
        if (end < start) {
            throw new InvalidRecordException("the campaign ends (" + END + " " + end + ") before it starts (" + START
                    + " " + start + ")");
        }
        return new Campaign(node.get(STORE).textValue(), node.get(ID).textValue(), start, end, (ObjectNode) node);
    }

    /** The campaign's JSON, as it was received (without the wire format's framing). */
    public byte[] json() {
        try {
            return JSON.writeValueAsBytes(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write campaign " + campaignId + " as JSON", e);
        }
    }
}

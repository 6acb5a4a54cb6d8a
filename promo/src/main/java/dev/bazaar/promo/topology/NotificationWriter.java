package dev.bazaar.promo.topology;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A notification as the earlier push service reads it from {@code promo-notifications}: every field of
 * the campaign, then {@code client_id} and {@code trigger_datetime_created} (epoch seconds), in the
 * registry wire format with the id of the subject's schema, so any Confluent-compatible JSON Schema
 * deserializer reads it. A fan-out writes the campaign's part once ({@link Template}) and only the
 * customer's part per notification.
 */
final class NotificationWriter {

    static final String CLIENT = "client_id";
    static final String TRIGGERED = "trigger_datetime_created";

    private final int schemaId;

    NotificationWriter(int schemaId) {
        this.schemaId = schemaId;
    }

    /** The notifications of {@code campaign} made at {@code nowSeconds}, for any customer. */
    Template template(Campaign campaign, long nowSeconds) {
        byte[] json;
        try {
            json = JsonValues.JSON.writeValueAsBytes(campaign.event());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the notification of campaign " + campaign.campaignId(), e);
        }
        // the campaign's object without its closing brace, framed: a campaign has at least its eight fields
        byte[] head = new byte[5 + json.length - 1];
        head[0] = 0;
        head[1] = (byte) (schemaId >>> 24);
        head[2] = (byte) (schemaId >>> 16);
        head[3] = (byte) (schemaId >>> 8);
        head[4] = (byte) schemaId;
        System.arraycopy(json, 0, head, 5, json.length - 1);
        byte[] tail = (",\"" + TRIGGERED + "\":" + nowSeconds + "}").getBytes(StandardCharsets.US_ASCII);
        return new Template(head, tail);
    }

    /** One campaign's notification but for the customer: {@code head + "client_id":"…" + tail}. */
    static final class Template {

        private static final byte[] CLIENT_FIELD = (",\"" + CLIENT + "\":\"").getBytes(StandardCharsets.US_ASCII);

        private final byte[] head;
        private final byte[] tail;

        private Template(byte[] head, byte[] tail) {
            this.head = head;
            this.tail = tail;
        }

        byte[] to(String clientId) {
            byte[] client = JsonStringEncoder.getInstance().quoteAsUTF8(clientId);
            byte[] value = Arrays.copyOf(head, head.length + CLIENT_FIELD.length + client.length + 1 + tail.length);
            int at = head.length;
            System.arraycopy(CLIENT_FIELD, 0, value, at, CLIENT_FIELD.length);
            at += CLIENT_FIELD.length;
            System.arraycopy(client, 0, value, at, client.length);
            at += client.length;
            value[at++] = '"';
            System.arraycopy(tail, 0, value, at, tail.length);
            return value;
        }
    }
}

package dev.bazaar.promo.topology;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;

/**
 * A notification as the earlier push service reads it from {@code promo-notifications}: every field of
 * the campaign, then {@code client_id} and {@code trigger_datetime_created} (epoch seconds), in the
 * registry wire format with the id of the subject's schema, so any Confluent-compatible JSON Schema
 * deserializer reads it.
 */
final class NotificationWriter {

    static final String CLIENT = "client_id";
    static final String TRIGGERED = "trigger_datetime_created";

    private final int schemaId;

    NotificationWriter(int schemaId) {
        this.schemaId = schemaId;
    }

    byte[] write(Campaign campaign, String clientId, long nowSeconds) {
        ObjectNode notification = campaign.event().deepCopy();
        notification.put(CLIENT, clientId);
        notification.put(TRIGGERED, nowSeconds);
        byte[] json;
        try {
            json = JsonValues.JSON.writeValueAsBytes(notification);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the notification of campaign " + campaign.campaignId(), e);
        }
        return ByteBuffer.allocate(5 + json.length).put((byte) 0).putInt(schemaId).put(json).array();
    }
}

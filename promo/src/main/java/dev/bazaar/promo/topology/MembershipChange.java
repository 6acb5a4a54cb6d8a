package dev.bazaar.promo.topology;

import java.nio.charset.StandardCharsets;

/**
 * A customer joining ({@code +1}) or leaving ({@code -1}) the subscribers of a store, as promo sends
 * it from the task that owns the row to the task that owns the store (the repartition topic
 * {@code promo-subscriptions-by-store}): one byte of sign, then the customer id in UTF-8.
 */
public record MembershipChange(String clientId, int delta) {

    public MembershipChange {
        if (delta != 1 && delta != -1) {
            throw new IllegalArgumentException("a membership changes by +1 or -1, not " + delta);
        }
    }

    public byte[] encode() {
        byte[] client = clientId.getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[client.length + 1];
        bytes[0] = (byte) (delta > 0 ? '+' : '-');
        System.arraycopy(client, 0, bytes, 1, client.length);
        return bytes;
    }

    public static MembershipChange decode(byte[] bytes) {
        if (bytes == null || bytes.length < 2 || (bytes[0] != '+' && bytes[0] != '-')) {
            throw new IllegalArgumentException("not a membership change of promo's: " + (bytes == null ? "null"
                    : bytes.length + " bytes"));
        }
        return new MembershipChange(new String(bytes, 1, bytes.length - 1, StandardCharsets.UTF_8),
                bytes[0] == '+' ? 1 : -1);
    }
}

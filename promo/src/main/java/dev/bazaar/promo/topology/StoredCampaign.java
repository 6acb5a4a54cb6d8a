package dev.bazaar.promo.topology;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * A campaign in the store of campaigns: whether its notifications went out to the subscribers it had
 * when it started ({@code fannedOut}; later subscribers are notified as they come), its start and end
 * up front so the punctuation reads them without parsing JSON, then the campaign's JSON.
 */
record StoredCampaign(boolean fannedOut, long startSeconds, long endSeconds, byte[] json) {

    private static final int HEADER = 1 + Long.BYTES * 2;

    static StoredCampaign of(Campaign campaign, boolean fannedOut) {
        return new StoredCampaign(fannedOut, campaign.startSeconds(), campaign.endSeconds(), campaign.json());
    }

    boolean activeAt(long nowSeconds) {
        return startSeconds <= nowSeconds && nowSeconds <= endSeconds;
    }

    boolean endedBy(long nowSeconds) {
        return nowSeconds > endSeconds;
    }

    StoredCampaign markedFannedOut() {
        return new StoredCampaign(true, startSeconds, endSeconds, json);
    }

    Campaign campaign() {
        return Campaign.read(json);
    }

    byte[] encode() {
        return ByteBuffer.allocate(HEADER + json.length).put((byte) (fannedOut ? 1 : 0)).putLong(startSeconds)
                .putLong(endSeconds).put(json).array();
    }

    static StoredCampaign decode(byte[] bytes) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        return new StoredCampaign(buffer.get() == 1, buffer.getLong(), buffer.getLong(),
                Arrays.copyOfRange(bytes, HEADER, bytes.length));
    }
}

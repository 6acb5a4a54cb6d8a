package dev.bazaar.shop.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bazaar.shop.publish.FieldError;
import java.util.List;

/**
 * The rule of a campaign that its JSON Schema cannot state: it does not end before it starts (a
 * campaign that did would notify nobody, silently). Checked only when both times are whole numbers;
 * otherwise the schema's own errors say what is wrong with them.
 */
final class CampaignWindow {

    static final String START = "adv_campaign_datetime_start";
    static final String END = "adv_campaign_datetime_end";

    private CampaignWindow() {
    }

    static void check(JsonNode campaign, int index, List<FieldError> errors) {
        JsonNode start = campaign.path(START);
        JsonNode end = campaign.path(END);
        if (start.isIntegralNumber() && end.isIntegralNumber() && end.longValue() < start.longValue()) {
            errors.add(new FieldError(index, "$." + END, "must not be before " + START + " (" + end.longValue()
                    + " < " + start.longValue() + "): the campaign would end before it starts"));
        }
    }
}

package dev.bazaar.shop.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bazaar.shop.publish.FieldError;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CampaignWindowTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aCampaignThatEndsBeforeItStartsIsRefusedNamingItsEnd() throws Exception {
        List<FieldError> errors = new ArrayList<>();
        CampaignWindow.check(JSON.readTree("{\"adv_campaign_datetime_start\":200,\"adv_campaign_datetime_end\":100}"),
                4, errors);
        assertThat(errors).singleElement().satisfies(error -> {
            assertThat(error.record()).isEqualTo(4);
            assertThat(error.path()).isEqualTo("$.adv_campaign_datetime_end");
            assertThat(error.message()).contains("must not be before adv_campaign_datetime_start (100 < 200)");
        });
    }

    @Test
    void aCampaignOfOneSecondOrLongerPassesAndTimesThatAreNoNumbersAreLeftToTheSchema() throws Exception {
        List<FieldError> errors = new ArrayList<>();
        CampaignWindow.check(JSON.readTree("{\"adv_campaign_datetime_start\":100,\"adv_campaign_datetime_end\":100}"),
                0, errors);
        CampaignWindow.check(JSON.readTree("{\"adv_campaign_datetime_start\":\"x\",\"adv_campaign_datetime_end\":1}"),
                1, errors);
        assertThat(errors).isEmpty();
    }
}

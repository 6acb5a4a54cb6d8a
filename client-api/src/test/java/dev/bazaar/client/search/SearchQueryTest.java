package dev.bazaar.client.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.bazaar.client.InvalidParameterException;
import org.junit.jupiter.api.Test;

/** How the parameters of {@code GET /search} become a query, and how each bad one is refused by name. */
class SearchQueryTest {

    private static final int PAGE_SIZE = 10;
    private static final int MAX_PAGE = 1000;

    @Test
    void pageDefaultsToTheFirstAndUserToTheAuthenticatedOne() {
        // when only the text is given
        SearchQuery query = SearchQuery.of("  гантели  ", null, null, "client", PAGE_SIZE, MAX_PAGE);

        // then it is the first page, searched by the authenticated user, the text without blanks around it
        assertThat(query).as("query").isEqualTo(new SearchQuery("гантели", 1, PAGE_SIZE, "client"));
        assertThat(query.from()).as("first result").isZero();
    }

    @Test
    void userParameterAndPageAreTaken() {
        SearchQuery query = SearchQuery.of("yoga mat", "3", "Charlie", "client", PAGE_SIZE, MAX_PAGE);
        assertThat(query.user()).as("user").isEqualTo("Charlie");
        assertThat(query.page()).as("page").isEqualTo(3);
        assertThat(query.from()).as("first result of page 3").isEqualTo(20);
    }

    @Test
    void missingOrBlankTextIsRefusedNamingQ() {
        assertThat(refused(null, "1", null).parameter()).as("no q").isEqualTo("q");
        assertThat(refused("   ", "1", null).parameter()).as("blank q").isEqualTo("q");
    }

    @Test
    void textLongerThanTheSchemaAllowsIsRefused() {
        InvalidParameterException e = refused("x".repeat(SearchQuery.MAX_LENGTH + 1), null, null);
        assertThat(e.parameter()).as("parameter").isEqualTo("q");
        assertThat(e.reason()).as("reason").contains("at most 500");
    }

    @Test
    void pageBelowOneNotANumberOrPastTheLastIsRefusedNamingPage() {
        for (String page : new String[] {"0", "-1", "abc", "1.5", String.valueOf(MAX_PAGE + 1)}) {
            InvalidParameterException e = refused("гантели", page, null);
            assertThat(e.parameter()).as("parameter refused for page '%s'", page).isEqualTo("page");
            assertThat(e.reason()).as("reason for page '%s'", page).contains("from 1 to " + MAX_PAGE);
        }
    }

    @Test
    void lastPageIsAccepted() {
        assertThat(SearchQuery.of("гантели", String.valueOf(MAX_PAGE), null, "client", PAGE_SIZE, MAX_PAGE).page())
                .as("last page").isEqualTo(MAX_PAGE);
    }

    @Test
    void userTheSchemaWouldRefuseIsRefusedNamingUser() {
        InvalidParameterException e = refused("гантели", "1", "<script>");
        assertThat(e.parameter()).as("parameter").isEqualTo("user");
        assertThat(refused("гантели", "1", "x".repeat(65)).parameter()).as("too long a user").isEqualTo("user");
    }

    private static InvalidParameterException refused(String q, String page, String user) {
        InvalidParameterException e = catchThrowableOfType(InvalidParameterException.class,
                () -> SearchQuery.of(q, page, user, "client", PAGE_SIZE, MAX_PAGE));
        assertThat(e).as("refusal of q=%s page=%s user=%s", q, page, user).isNotNull();
        return e;
    }
}

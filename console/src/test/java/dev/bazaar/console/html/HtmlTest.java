package dev.bazaar.console.html;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Whatever a producer or a user wrote is text in a page, never markup. */
class HtmlTest {

    @Test
    void markupQuotesAndAmpersandsBecomeEntities() {
        assertThat(Html.text("<script>alert('x')</script> & \"q\"")).isEqualTo(
                "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;");
        assertThat(Html.text(null)).isEqualTo("null");
    }

    @Test
    void aNameInAUrlIsEncodedThenEscaped() {
        assertThat(Html.url("a b/c&d\"")).isEqualTo("a%20b%2Fc%26d%22");
    }
}

package dev.bazaar.console.html;

/**
 * Text made safe for HTML: every value a page shows (a topic name, a message, a principal, an error
 * from Kafka) goes through {@link #text(Object)}, so nothing a user or a producer wrote can become
 * markup or script in another user's browser.
 */
public final class Html {

    private Html() {
    }

    /** {@code value} as HTML text or attribute value (quotes escaped too). */
    public static String text(Object value) {
        String s = String.valueOf(value);
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** {@code value} as one path segment or query value of a URL, then as HTML attribute text. */
    public static String url(String value) {
        return text(java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20"));
    }
}

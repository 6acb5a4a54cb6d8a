package dev.bazaar.client.search;

import dev.bazaar.client.Customers;
import dev.bazaar.client.InvalidParameterException;

/**
 * A search as a user asked for it, checked: the text (1-500 characters, as the client-search schema
 * allows), the page (1 up to the last one Elasticsearch can serve) and who searched.
 *
 * @param text what to search for, without surrounding blanks
 * @param page the result page, from 1
 * @param pageSize results per page
 * @param user who searched: the {@code user} parameter, or the authenticated HTTP user
 */
public record SearchQuery(String text, int page, int pageSize, String user) {

    /** The longest query the client-search schema accepts. */
    public static final int MAX_LENGTH = 500;

    /**
     * The query of request parameters {@code q}, {@code page} and {@code user} (each may be null),
     * or an {@link InvalidParameterException} naming the first bad one.
     */
    public static SearchQuery of(String q, String page, String user, String authenticatedUser, int pageSize,
            int maxPage) {
        String text = text(q);
        int number = page(page, maxPage);
        String who = user == null || user.isEmpty() ? Customers.require("user", authenticatedUser)
                : Customers.require("user", user);
        return new SearchQuery(text, number, pageSize, who);
    }

    /** Where this page starts among all results (0-based). */
    public int from() {
        return (page - 1) * pageSize;
    }

    private static String text(String q) {
        if (q == null || q.isBlank()) {
            throw new InvalidParameterException("q", "is required: the text to search for");
        }
        String text = q.strip();
        if (text.length() > MAX_LENGTH) {
            throw new InvalidParameterException("q", "must be at most " + MAX_LENGTH + " characters, was "
                    + text.length());
        }
        return text;
    }

    private static int page(String page, int maxPage) {
        if (page == null || page.isBlank()) {
            return 1;
        }
        String why = "must be a whole number from 1 to " + maxPage + ", was '"
                + (page.length() > 20 ? page.substring(0, 20) + "..." : page) + "'";
        int number;
        try {
            number = Integer.parseInt(page.strip());
        } catch (NumberFormatException e) {
            throw new InvalidParameterException("page", why);
        }
        if (number < 1 || number > maxPage) {
            throw new InvalidParameterException("page", why);
        }
        return number;
    }
}

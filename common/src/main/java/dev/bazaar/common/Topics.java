package dev.bazaar.common;

/**
 * Names of the platform topics, the one place code refers to them. Their partitions, retention,
 * schemas and ACLs are declared as data in {@code setup/}; a setup test keeps the two in step.
 */
public final class Topics {

    public static final String ITEMS = "items";
    public static final String ORDERS = "orders";
    public static final String FILTERED_ITEMS = "filtered-items";
    public static final String BLOCKED_PRODUCTS = "blocked-products";
    /** Every change made through the console, written by its own principal only. */
    public static final String CONSOLE_AUDIT = "console-audit";
    public static final String CLIENT_SEARCH = "client-search";
    public static final String RECOMMENDATIONS = "recommendations";
    public static final String ANALYTIC_TOPIC = "analytic-topic";
    /** Product events as events-api accepted them, keyed by their de-duplication hash; one schema per event kind. */
    public static final String PRODUCT_EVENTS_RAW = "product-events-raw";
    /** The first copy of each product event within the de-duplication window. */
    public static final String PRODUCT_EVENTS = "product-events";
    /** The later copies the de-duplicator dropped. */
    public static final String PRODUCT_EVENTS_DUPLICATES = "product-events-duplicates";
    /** Stores' time-limited campaigns, published through shop-api or by any producer as {@code shop}. */
    public static final String PROMO_CAMPAIGNS = "promo-campaigns";
    /** Changes of PostgreSQL's {@code subscribers_restaurants}, captured by the CDC connector; keyed by row id. */
    public static final String PROMO_SUBSCRIBERS = "promo-subscribers";
    /** One notification per campaign and subscriber of its store, while the campaign is active. */
    public static final String PROMO_NOTIFICATIONS = "promo-notifications";
    /** Records promo could not use; raw bytes with the reason in headers. */
    public static final String DLQ_PROMO = "dlq-promo";
    /** Records stream-filter could not read; raw bytes with the reason in headers, so no schema. */
    public static final String DLQ_STREAM_FILTER = "dlq-stream-filter";

    private Topics() {
    }
}

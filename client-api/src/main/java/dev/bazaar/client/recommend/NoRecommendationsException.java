package dev.bazaar.client.recommend;

import java.time.Duration;

/** No recommendations arrived for a customer within the wait: answered 404. */
public final class NoRecommendationsException extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private final String customer;

    public NoRecommendationsException(String customer, Duration waited) {
        super("no recommendations for customer '" + customer + "'" + (waited.isZero() ? ""
                : " (waited " + waited.toMillis() + " ms)") + ": the analytics job has not published any for this "
                + "customer yet; they are computed from the customer's orders");
        this.customer = customer;
    }

    public String customer() {
        return customer;
    }
}

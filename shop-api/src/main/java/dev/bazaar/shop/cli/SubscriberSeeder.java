package dev.bazaar.shop.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bazaar.common.cli.PostgresLogin;
import dev.bazaar.common.cli.ServiceException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;

/**
 * Seeds the customers' favourite stores for promo: each customer subscribes to some of the catalog's
 * stores (chosen by the seed, so a run is repeatable), as rows of PostgreSQL's
 * {@code subscribers_restaurants} written as role {@code shop}; a subscription already there is left
 * alone, so seeding twice adds nothing.
 */
final class SubscriberSeeder {

    /** What a seeding did. */
    record Seeded(int added, int present) {
    }

    private SubscriberSeeder() {
    }

    /** The distinct stores of {@code catalog}, in a stable order. */
    static List<String> stores(List<ObjectNode> catalog) {
        TreeSet<String> stores = new TreeSet<>();
        catalog.forEach(product -> stores.add(product.path("storeId").asText()));
        return new ArrayList<>(stores);
    }

    /** The {@code perCustomer} stores {@code customer} subscribes to, the same for the same seed. */
    static List<String> favourites(List<String> stores, String customer, int perCustomer, long seed) {
        List<String> shuffled = new ArrayList<>(stores);
        Collections.shuffle(shuffled, new Random(seed ^ customer.hashCode()));
        return shuffled.subList(0, Math.min(perCustomer, shuffled.size()));
    }

    static Seeded seed(PostgresLogin login, List<String> stores, List<String> customers, int perCustomer, long seed) {
        int added = 0;
        int present = 0;
        try (Connection connection = login.connect("bazaar shop generate subscribers");
                PreparedStatement insert = connection.prepareStatement("INSERT INTO subscribers_restaurants "
                        + "(client_id, restaurant_id) SELECT ?, ? WHERE NOT EXISTS (SELECT 1 FROM subscribers_restaurants "
                        + "WHERE client_id = ? AND restaurant_id = ?)")) {
            for (String customer : customers) {
                for (String store : favourites(stores, customer, perCustomer, seed)) {
                    insert.setString(1, customer);
                    insert.setString(2, store);
                    insert.setString(3, customer);
                    insert.setString(4, store);
                    if (insert.executeUpdate() > 0) {
                        added++;
                    } else {
                        present++;
                    }
                }
            }
        } catch (SQLException e) {
            throw new ServiceException("cannot write subscribers_restaurants as role " + login.role() + " at "
                    + login.where() + ": " + e.getMessage(), e);
        }
        return new Seeded(added, present);
    }
}

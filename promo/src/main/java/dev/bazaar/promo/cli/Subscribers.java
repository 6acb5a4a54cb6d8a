package dev.bazaar.promo.cli;

import dev.bazaar.common.RuntimeLayout;
import dev.bazaar.common.cli.PostgresLogin;
import dev.bazaar.common.cli.ServiceException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;

/**
 * The customers' favourite stores in PostgreSQL's {@code subscribers_restaurants}, written as role
 * {@value #ROLE} (INSERT, DELETE and SELECT on that table only): what the shop's own app does when a
 * customer stars or un-stars a store. CDC carries each change to promo.
 */
final class Subscribers {

    static final String ROLE = "shop";

    private final PostgresLogin login;

    private Subscribers(PostgresLogin login) {
        this.login = login;
    }

    static Subscribers resolve(Map<String, String> env, RuntimeLayout layout) {
        return new Subscribers(PostgresLogin.resolve(env, layout, ROLE));
    }

    /** Subscribes {@code client} to {@code store} unless already subscribed; whether a row was added. */
    boolean subscribe(String client, String store) {
        return update("INSERT INTO subscribers_restaurants (client_id, restaurant_id) SELECT ?, ? WHERE NOT EXISTS "
                + "(SELECT 1 FROM subscribers_restaurants WHERE client_id = ? AND restaurant_id = ?)",
                client, store, client, store) > 0;
    }

    /** Removes every row subscribing {@code client} to {@code store}; how many there were. */
    int unsubscribe(String client, String store) {
        return update("DELETE FROM subscribers_restaurants WHERE client_id = ? AND restaurant_id = ?", client, store);
    }

    private int update(String sql, String... values) {
        try (Connection connection = login.connect("bazaar promo");
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                statement.setString(i + 1, values[i]);
            }
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new ServiceException("cannot change subscribers_restaurants as role " + ROLE + " at " + login.where()
                    + ": " + e.getMessage(), e);
        }
    }
}

package dev.bazaar.promo.cli;

import dev.bazaar.common.RuntimeLayout;
import dev.bazaar.common.cli.PostgresLogin;
import dev.bazaar.common.cli.ServiceException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bazaar promo feedback}: records a customer's answer to a notification in its feedback row, as
 * PostgreSQL role {@value #ROLE} (SELECT and UPDATE on {@code subscribers_feedback}). An answer is
 * written once: one already recorded is never overwritten, and a notification that has no row (yet)
 * is an error, not a new row.
 */
@Command(name = "feedback", mixinStandardHelpOptions = true,
        description = "Record a customer's answer to a campaign's notification (subscribers_feedback.feedback).")
final class FeedbackCommand implements Callable<Integer> {

    static final String ROLE = "promo";

    @Spec
    private CommandSpec spec;

    @Option(names = "--campaign", required = true, description = "The campaign (adv_campaign_id).")
    private String campaign;

    @Option(names = "--client", required = true, description = "The customer (client_id).")
    private String client;

    @Option(names = "--text", required = true, description = "The customer's answer.")
    private String text;

    @Option(names = "--var", defaultValue = "${env:BAZAAR_VAR:-var}",
            description = "Runtime folder of the platform: endpoints and credentials (default: ${DEFAULT-VALUE}).")
    private Path var;

    @Override
    public Integer call() {
        PostgresLogin login = PostgresLogin.resolve(System.getenv(), new RuntimeLayout(var), ROLE);
        try (Connection connection = login.connect("bazaar promo feedback")) {
            if (record(connection) == 1) {
                spec.commandLine().getOut().println("feedback of " + client + " on campaign " + campaign + " recorded");
                return 0;
            }
            throw new ServiceException(why(connection));
        } catch (SQLException e) {
            throw new ServiceException("cannot record the feedback as role " + ROLE + " at " + login.where() + ": "
                    + e.getMessage(), e);
        }
    }

    private int record(Connection connection) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE subscribers_feedback SET feedback = ? "
                + "WHERE adv_campaign_id = ? AND client_id = ? AND feedback IS NULL")) {
            update.setString(1, text);
            update.setString(2, campaign);
            update.setString(3, client);
            return update.executeUpdate();
        }
    }

    private String why(Connection connection) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT feedback FROM subscribers_feedback "
                + "WHERE adv_campaign_id = ? AND client_id = ?")) {
            query.setString(1, campaign);
            query.setString(2, client);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? client + " already answered campaign " + campaign + ": \"" + row.getString(1)
                        + "\" (an answer is never overwritten)"
                        : "no notification of campaign " + campaign + " to " + client + " in subscribers_feedback (yet): "
                                + "was the customer subscribed while it was active, and has the feedback sink caught up?";
            }
        }
    }
}

package dev.bazaar.promo.cli;

import dev.bazaar.common.RuntimeLayout;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bazaar promo unsubscribe}: a customer removes a store from their favourites. */
@Command(name = "unsubscribe", mixinStandardHelpOptions = true,
        description = "Unsubscribe a customer from a store (deletes their rows of subscribers_restaurants).")
final class UnsubscribeCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--client", required = true, description = "The customer (client_id).")
    private String client;

    @Option(names = "--store", required = true, description = "The store (restaurant_id).")
    private String store;

    @Option(names = "--var", defaultValue = "${env:BAZAAR_VAR:-var}",
            description = "Runtime folder of the platform: endpoints and credentials (default: ${DEFAULT-VALUE}).")
    private Path var;

    @Override
    public Integer call() {
        int removed = Subscribers.resolve(System.getenv(), new RuntimeLayout(var)).unsubscribe(client, store);
        spec.commandLine().getOut().println(removed > 0 ? client + " unsubscribed from " + store
                : client + " was not subscribed to " + store);
        return 0;
    }
}

package dev.bazaar.promo.cli;

import dev.bazaar.common.RuntimeLayout;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bazaar promo subscribe}: a customer puts a store among their favourites. */
@Command(name = "subscribe", mixinStandardHelpOptions = true,
        description = "Subscribe a customer to a store's campaigns (a row of subscribers_restaurants).")
final class SubscribeCommand implements Callable<Integer> {

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
        boolean added = Subscribers.resolve(System.getenv(), new RuntimeLayout(var)).subscribe(client, store);
        spec.commandLine().getOut().println(added ? client + " subscribed to " + store
                : client + " was already subscribed to " + store);
        return 0;
    }
}

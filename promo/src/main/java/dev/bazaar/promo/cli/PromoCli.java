package dev.bazaar.promo.cli;

import dev.bazaar.common.cli.ServiceCli;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code bazaar promo}: what a store and its customers do, for demos and tests — publish a campaign
 * through shop-api, subscribe a customer to a store or unsubscribe them (rows of PostgreSQL's
 * {@code subscribers_restaurants}, which CDC brings to promo), record a customer's answer to a
 * notification. Exit codes: 0 done, 2 usage error, 3 a service unreachable or refusing.
 */
@Command(name = "promo", mixinStandardHelpOptions = true, versionProvider = ServiceCli.Version.class,
        description = "Campaigns, subscriptions and feedback of the promo pipeline.",
        subcommands = {CampaignCommand.class, SubscribeCommand.class, UnsubscribeCommand.class, FeedbackCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:done",
            "2:usage error: a bad or missing option",
            "3:shop-api or PostgreSQL unreachable or refusing (start them with ./bazaar up), or nothing to answer"})
public final class PromoCli {

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    public static CommandLine commandLine() {
        return ServiceCli.commandLine(new PromoCli());
    }
}

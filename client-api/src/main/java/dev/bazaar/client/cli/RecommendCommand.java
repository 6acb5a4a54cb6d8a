package dev.bazaar.client.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code bazaar client recommend}: a customer's recommended products with their rank, names and reasons. */
@Command(name = "recommend", mixinStandardHelpOptions = true,
        description = "Show a customer's recommendations (products blocked since are left out).",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:recommendations were printed",
            "1:the customer has no recommendations (none published, or none still in the catalog)",
            "2:usage error (e.g. no --user-id, a negative --wait)",
            "3:client-api unreachable, credentials refused or an error answer"})
final class RecommendCommand implements Callable<Integer> {

    /** Beyond the wait: how long client-api may take to look the products up. */
    private static final Duration ANSWER_MARGIN = Duration.ofSeconds(30);
    /** When no --wait is given client-api waits its configured time, which the CLI cannot know: allow for a long one. */
    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(90);

    @Spec
    CommandSpec spec;

    @ParentCommand
    ClientCli parent;

    @Option(names = {"--user-id", "--customer"}, required = true, description = "The customer, e.g. Eva.")
    String customer;

    @Option(names = "--wait", description = "Seconds to wait at most for recommendations that do not exist yet "
            + "(default: client-api's client.recommendations-wait, which also caps it).")
    Double wait;

    @Option(names = "--lang", defaultValue = "ru", description = "Language of product names: ru or en (default: ${DEFAULT-VALUE}).")
    String language;

    @Override
    public Integer call() throws InterruptedException {
        validate();
        String path = "/recommendations/" + SearchCommand.encode(customer)
                + (wait == null ? "" : "?wait=" + String.format(Locale.ROOT, "%.3f", wait));
        Duration timeout = wait == null ? DEFAULT_TIMEOUT : Duration.ofMillis((long) (wait * 1000)).plus(ANSWER_MARGIN);
        ClientApiClient.Answer answer = parent.client().get(path, timeout);
        PrintWriter out = spec.commandLine().getOut();
        if (answer.status() == 404) {
            out.println(answer.detail());
            out.flush();
            return ClientCli.NOTHING_FOUND;
        }
        if (answer.status() != 200) {
            return Answers.refused(spec, answer);
        }
        if (answer.body().path("recommendations").isEmpty()) {
            out.println("no recommendations to show for " + customer + ": none of the recommended products is in the "
                    + "catalog any more");
            out.flush();
            return ClientCli.NOTHING_FOUND;
        }
        Listings.recommendations(answer.body(), language).forEach(out::println);
        out.flush();
        return ClientCli.FOUND;
    }

    private void validate() {
        if (customer.isBlank()) {
            throw new ParameterException(spec.commandLine(), "--user-id must not be blank");
        }
        if (wait != null && (wait < 0 || wait.isNaN() || wait > 3600)) {
            throw new ParameterException(spec.commandLine(), "--wait must be 0 to 3600 seconds, was " + wait);
        }
        Answers.requireLanguage(spec, language);
    }
}

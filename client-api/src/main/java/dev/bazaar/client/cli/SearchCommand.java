package dev.bazaar.client.cli;

import java.io.PrintWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code bazaar client search}: one page of the catalog matching a text, as {@code category → name}, id and price. */
@Command(name = "search", mixinStandardHelpOptions = true,
        description = "Search the catalog (typos forgiven); the search is recorded on client-search.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:at least one product matches",
            "1:no product matches (or the page is past the last one)",
            "2:usage error (e.g. no --query, --page below 1, a malformed --user)",
            "3:client-api unreachable, credentials refused or an error answer"})
final class SearchCommand implements Callable<Integer> {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Spec
    CommandSpec spec;

    @ParentCommand
    ClientCli parent;

    @Option(names = {"--query", "-q"}, required = true, description = "What to search for, e.g. гантели.")
    String query;

    @Option(names = "--user", description = "Who searches (default: client-api's authenticated user).")
    String user;

    @Option(names = "--page", defaultValue = "1", description = "Result page, from 1 (default: ${DEFAULT-VALUE}).")
    int page;

    @Option(names = "--lang", defaultValue = "ru", description = "Language of product names: ru or en (default: ${DEFAULT-VALUE}).")
    String language;

    @Override
    public Integer call() throws InterruptedException {
        validate();
        StringBuilder path = new StringBuilder("/search?q=").append(encode(query.strip())).append("&page=").append(page);
        if (user != null) {
            path.append("&user=").append(encode(user));
        }
        ClientApiClient.Answer answer = parent.client().get(path.toString(), TIMEOUT);
        PrintWriter out = spec.commandLine().getOut();
        if (answer.status() != 200) {
            return Answers.refused(spec, answer);
        }
        Listings.search(answer.body(), language).forEach(out::println);
        out.flush();
        return answer.body().path("results").isEmpty() ? ClientCli.NOTHING_FOUND : ClientCli.FOUND;
    }

    private void validate() {
        if (query.isBlank()) {
            throw new ParameterException(spec.commandLine(), "--query must not be blank");
        }
        if (page < 1) {
            throw new ParameterException(spec.commandLine(), "--page must be 1 or more, was " + page);
        }
        Answers.requireLanguage(spec, language);
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}

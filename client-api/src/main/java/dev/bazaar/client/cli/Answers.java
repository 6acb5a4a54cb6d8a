package dev.bazaar.client.cli;

import java.io.PrintWriter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** What the commands share about client-api's answers and their own options. */
final class Answers {

    private Answers() {
    }

    /**
     * Reports a request client-api refused as a bad parameter (400): a usage error, naming the
     * parameter; exit code 2.
     */
    static int refused(CommandSpec spec, ClientApiClient.Answer answer) {
        PrintWriter err = spec.commandLine().getErr();
        err.println("client-api refused the request: " + answer.detail());
        err.flush();
        return ClientCli.USAGE;
    }

    static void requireLanguage(CommandSpec spec, String language) {
        if (!"ru".equals(language) && !"en".equals(language)) {
            throw new ParameterException(spec.commandLine(), "--lang must be ru or en, was '" + language + "'");
        }
    }
}

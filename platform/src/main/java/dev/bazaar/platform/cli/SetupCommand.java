package dev.bazaar.platform.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code bazaar setup apply}: makes the running platform match {@code setup/}. */
@Command(name = "setup", mixinStandardHelpOptions = true, description = "Apply the platform data in setup/.",
        subcommands = SetupCommand.Apply.class)
final class SetupCommand {

    @Command(name = "apply", mixinStandardHelpOptions = true,
            description = "Create what is missing and fix what drifted: principals, ACLs, topics, schemas. Never deletes data.")
    static final class Apply implements Callable<Integer> {

        @Override
        public Integer call() {
            Bazaar.platform().applySetup(System.out);
            return 0;
        }
    }
}

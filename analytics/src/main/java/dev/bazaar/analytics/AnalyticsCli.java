package dev.bazaar.analytics;

import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code bazaar analytics}: the analytics job from the command line ({@code run} runs it once). The
 * same main class is what spark-submit runs on a cluster.
 */
@Command(name = "analytics", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Turn the orders in HDFS into recommendations and a sales report.",
        subcommands = RunCommand.class)
public final class AnalyticsCli {

    public static void main(String[] args) {
        System.exit(commandLine(System.getenv()).execute(args));
    }

    /** The command line, reading settings from {@code env} (the process environment in production). */
    public static CommandLine commandLine(Map<String, String> env) {
        return new CommandLine(new AnalyticsCli(), new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> type) throws Exception {
                if (type == RunCommand.class) {
                    return type.cast(new RunCommand(env));
                }
                return CommandLine.defaultFactory().create(type);
            }
        });
    }
}

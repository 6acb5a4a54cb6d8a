package dev.bazaar.dedup.cli;

import dev.bazaar.common.KafkaConnection;
import dev.bazaar.common.RuntimeLayout;
import dev.bazaar.dedup.app.Connections;
import dev.bazaar.dedup.app.DedupApp;
import dev.bazaar.dedup.app.DedupConfig;
import dev.bazaar.dedup.app.DedupService;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.common.config.ConfigException;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code bazaar dedup run}: the generic app ({@link DedupService}) in the foreground until Ctrl-C. Its
 * settings are those of {@link DedupConfig}: from {@code --config}'s file, each overridden by its option
 * ({@code --key-fields} for {@code key.fields}, and so on). A bad setting is a usage error (exit 2) naming
 * the option; a platform that cannot run the job (no credential, a missing topic) exits 1 saying why.
 */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"De-duplicate --from into --to in the foreground until Ctrl-C: the first copy of each record "
                + "within the retention goes to --to unchanged, later copies to --duplicates (or nowhere), exactly once.",
                "Principal dedup-jobs may run jobs on topics named jobs.*; the default application id is <to>-dedup."})
final class RunCommand implements Callable<Integer> {

    private static final Duration START_WAIT = Duration.ofMinutes(2);
    private static final Pattern CONFIG_KEY = Pattern.compile("configuration \"?([a-z.]+)\"?");

    @Spec
    CommandSpec spec;

    @CommandLine.ParentCommand
    DedupCli parent;

    @Option(names = "--from", paramLabel = "TOPIC", description = "The topic to de-duplicate.")
    String from;

    @Option(names = "--to", paramLabel = "TOPIC", description = "Where first copies go, unchanged.")
    String to;

    @Option(names = "--duplicates", paramLabel = "TOPIC", description = "Where later copies go (default: dropped, counted).")
    String duplicates;

    @Option(names = "--dead-letter", paramLabel = "TOPIC",
            description = "Where records that cannot be keyed go (default: such a record stops the job).")
    String deadLetter;

    @ArgGroup(exclusive = true)
    KeyChoice key;

    /** What makes two records copies: fields of the value, or the record key. */
    static final class KeyChoice {

        @Option(names = "--key-fields", paramLabel = "FIELD", split = ",",
                description = "JSON fields of the value (plain or registry wire format) whose values form the key.")
        List<String> fields;

        @Option(names = "--record-key", description = "The record key is the key (the default).")
        boolean recordKey;
    }

    @Option(names = "--retention", paramLabel = "DURATION", description = "7d, 12h, 30m, 90s or ISO-8601 (default: 7d).")
    String retention;

    @Option(names = "--application-id", paramLabel = "ID", description = "Kafka Streams application id (default: <to>-dedup).")
    String applicationId;

    @Option(names = "--principal", paramLabel = "NAME", description = "Kafka principal to run as (default: dedup-jobs).")
    String principal;

    @Option(names = "--threads", paramLabel = "N", description = "Stream threads (default: 1).")
    String threads;

    @Option(names = "--state-dir", paramLabel = "DIR", description = "Where the store lives (default: var/data/dedup).")
    Path stateDir;

    @Option(names = "--http-port", paramLabel = "PORT", description = "Serve /health and /prometheus over HTTPS (0: any port).")
    String httpPort;

    @Option(names = "--config", paramLabel = "FILE", description = "A properties file of the same settings; options win.")
    Path config;

    @Override
    public Integer call() throws Exception {
        DedupConfig settings = config();
        RuntimeLayout layout = parent.layout();
        Map<String, String> env = System.getenv();
        KafkaConnection connection = Connections.of(env, layout, settings.principal());
        Path state = settings.stateDir().orElse(DedupApp.stateDir(layout, env.get("BAZAAR_INSTANCE")));
        DedupService service = DedupService.start(settings, connection, state,
                settings.httpPort().map(port -> new DedupService.HttpEdge(layout, port)));
        PrintWriter out = spec.commandLine().getOut();
        out.printf("dedup %s as %s: %s; Ctrl-C stops%n", settings.applicationId(), settings.principal(),
                settings.job().describe());
        if (service.awaitRunning(START_WAIT)) {
            out.printf("dedup %s: running%s%n", settings.applicationId(),
                    service.httpPort().map(port -> ", /health and /prometheus on https://127.0.0.1:" + port).orElse(""));
        }
        return DedupApp.runUntilStopped(service);
    }

    /** The settings: the file's, then the options given; a bad one is a usage error naming its option. */
    DedupConfig config() {
        Map<String, String> settings = new LinkedHashMap<>();
        if (config != null) {
            try {
                settings.putAll(DedupConfig.readFile(config));
            } catch (ConfigException e) {
                throw new ParameterException(spec.commandLine(), "--config: " + e.getMessage());
            }
        }
        put(settings, DedupConfig.FROM, from);
        put(settings, DedupConfig.TO, to);
        put(settings, DedupConfig.DUPLICATES, duplicates);
        put(settings, DedupConfig.DEAD_LETTER, deadLetter);
        if (key != null) {
            settings.put(DedupConfig.KEY_FIELDS, key.recordKey ? "" : String.join(",", key.fields));
        }
        put(settings, DedupConfig.RETENTION, retention);
        put(settings, DedupConfig.APPLICATION_ID, applicationId);
        put(settings, DedupConfig.PRINCIPAL, principal);
        put(settings, DedupConfig.THREADS, threads);
        put(settings, DedupConfig.STATE_DIR, Optional.ofNullable(stateDir).map(Path::toString).orElse(null));
        put(settings, DedupConfig.HTTP_PORT, httpPort);
        try {
            return new DedupConfig(settings);
        } catch (ConfigException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage() + option(e.getMessage()));
        }
    }

    private static void put(Map<String, String> settings, String key, String value) {
        if (value != null) {
            settings.put(key, value);
        }
    }

    /** " (option --x)" for the key a {@link ConfigException}'s message names. */
    private static String option(String message) {
        Matcher matcher = CONFIG_KEY.matcher(message);
        return matcher.find() && DedupConfig.keys().contains(matcher.group(1))
                ? " (option --" + matcher.group(1).replace('.', '-') + ")" : "";
    }
}

package dev.bazaar.platform.cli;

import dev.bazaar.common.RuntimeLayout;
import dev.bazaar.platform.PlatformConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code bazaar logs <component>}: the end of a component's log. */
@Command(name = "logs", mixinStandardHelpOptions = true, description = "Print the log of a component.")
final class LogsCommand implements Callable<Integer> {

    @Parameters(paramLabel = "COMPONENT", description = "e.g. main-1, mirror-1, registry")
    private String component;

    @Option(names = {"-n", "--lines"}, defaultValue = "200", description = "How many last lines (default ${DEFAULT-VALUE}; 0 = all).")
    private int lines;

    @Override
    public Integer call() throws IOException {
        RuntimeLayout layout = PlatformConfig.resolve(System.getenv()).layout();
        Path log = layout.logFile(component);
        if (!component.matches("[a-z0-9-]+") || !Files.exists(log)) {
            throw new IllegalArgumentException("no log for component '" + component + "'; known: " + known(layout));
        }
        List<String> all = Files.readAllLines(log);
        int from = lines <= 0 ? 0 : Math.max(0, all.size() - lines);
        all.subList(from, all.size()).forEach(System.out::println);
        return 0;
    }

    private static String known(RuntimeLayout layout) throws IOException {
        if (!Files.isDirectory(layout.logsDir())) {
            return "none (the platform never started here)";
        }
        try (Stream<Path> files = Files.list(layout.logsDir())) {
            return String.join(", ", files.map(p -> p.getFileName().toString().replaceFirst("\\.log$", ""))
                    .sorted().toList());
        }
    }
}

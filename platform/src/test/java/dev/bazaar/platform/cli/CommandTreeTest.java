package dev.bazaar.platform.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The one command tree: {@code bazaar --help} lists every command, each answers {@code --help}, and the commands of
 * other modules start the JVM the launcher script used to start (recorded here, not run, but for one real child).
 */
class CommandTreeTest {

    private static final String JAVA = "/opt/jdk/bin/java";
    private static final int JDK_21 = 21;
    private static final int JDK_25 = 25;
    private static final String DEPENDENCIES = String.join(File.pathSeparator, "/m2/a.jar", "/m2/b.jar");
    /** The repository: tests run in platform/. */
    private static final Path REPOSITORY = Path.of("").toAbsolutePath().getParent();

    @TempDir
    Path home;
    @TempDir
    Path scratch;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final List<ProcessBuilder> started = new ArrayList<>();
    private int childExitCode;

    @AfterEach
    void clearHome() {
        System.clearProperty("bazaar.home");
    }

    @Test
    void rootHelpHasALineWithADescriptionForEveryCommand() {
        // given
        CommandLine bazaar = bazaar(JDK_25);
        // when
        int code = bazaar.execute("--help");
        // then
        assertThat(code).as("exit code; stderr: %s", err).isZero();
        Map<String, CommandLine> commands = bazaar.getSubcommands();
        assertThat(commands).as("the modules' commands are the launcher's")
                .containsKeys("shop", "filter", "client", "analytics", "bench", "mirror", "up", "status", "down");
        commands.forEach((name, command) -> {
            String[] description = command.getCommandSpec().usageMessage().description();
            assertThat(description).as("description of %s", name).isNotEmpty();
            String line = "(?m)^  " + Pattern.quote(name) + " +" + Pattern.quote(description[0].split(" ")[0]);
            if (command.getCommandSpec().usageMessage().hidden()) {
                assertThat(out.toString()).as("hidden command %s", name).doesNotContainPattern("(?m)^  " + name + " ");
            } else {
                assertThat(out.toString()).as("line of %s in bazaar --help", name).containsPattern(line);
            }
        });
    }

    @Test
    void everyCommandAnswersHelpWithExitCodeZero() throws IOException {
        // given every module built
        for (ModuleCli program : programs()) {
            built(program);
        }
        for (List<String> path : commandPaths(bazaar(JDK_25), List.of())) {
            started.clear();
            StringWriter help = new StringWriter();
            CommandLine bazaar = bazaar(JDK_25);
            bazaar.setOut(new PrintWriter(help, true));
            // when
            List<String> args = new ArrayList<>(path);
            args.add("--help");
            int code = bazaar.execute(args.toArray(String[]::new));
            // then
            assertThat(code).as("exit code of bazaar %s --help; stderr: %s", path, err).isZero();
            if (isModuleCommand(path)) {
                assertThat(started).as("child JVMs of %s --help", path).hasSize(1);
                assertThat(started.get(0).command()).as("%s --help goes to the module's CLI", path).endsWith("--help");
            } else {
                assertThat(help.toString()).as("help of %s", path).contains("Usage: bazaar " + String.join(" ", path));
                assertThat(started).as("child JVMs of %s --help", path).isEmpty();
            }
        }
    }

    @Test
    void moduleCommandPassesEveryArgumentToItsCliInTheScriptsJvm() throws IOException {
        // given
        built(program("client"));
        // when
        int code = bazaar(JDK_25).execute("client", "search", "--query", "x", "--", "--help", "@file", "-V");
        // then
        assertThat(code).as("exit code; stderr: %s", err).isZero();
        assertThat(started).as("child JVMs").hasSize(1);
        assertThat(started.get(0).command()).as("command line").containsExactly(JAVA,
                "--sun-misc-unsafe-memory-access=allow", "-Dlog4j2.level=warn",
                "-cp", jar("client-api") + File.pathSeparator + DEPENDENCIES, "dev.bazaar.client.cli.ClientCli",
                "search", "--query", "x", "--", "--help", "@file", "-V");
        assertThat(started.get(0).directory()).as("working folder").isEqualTo(home.toFile());
    }

    @Test
    void jdk24OptionsOnlyFromJdk24AndSparkOnLoopback() throws IOException {
        // given
        built(program("analytics"));
        // when
        bazaar(JDK_25).execute("analytics", "run");
        bazaar(JDK_21).execute("analytics", "run");
        // then
        assertThat(started).as("child JVMs").hasSize(2);
        assertThat(started.get(0).command()).as("on JDK 25").containsExactly(JAVA,
                "--sun-misc-unsafe-memory-access=allow", "--enable-native-access=ALL-UNNAMED", "-Xmx1g", "-cp",
                jar("analytics") + File.pathSeparator + DEPENDENCIES, "dev.bazaar.analytics.AnalyticsCli", "run");
        assertThat(started.get(1).command()).as("on JDK 21").containsExactly(JAVA, "-Xmx1g", "-cp",
                jar("analytics") + File.pathSeparator + DEPENDENCIES, "dev.bazaar.analytics.AnalyticsCli", "run");
        assertThat(started.get(0).environment()).as("environment: SPARK_LOCAL_IP unless the caller set it")
                .containsEntry("SPARK_LOCAL_IP", System.getenv().getOrDefault("SPARK_LOCAL_IP", "127.0.0.1"));
    }

    @Test
    void benchmarkRunsItsMainClassWithTheNumbersGiven() throws IOException {
        // given
        built(new Benchmark("any", "Any", "any", List.of()).program());
        // when
        int code = bazaar(JDK_25).execute("bench", "filter", "1000", "500");
        bazaar(JDK_25).execute("bench", "search-sink");
        // then
        assertThat(code).as("exit code; stderr: %s", err).isZero();
        assertThat(started.get(0).command()).as("bench filter 1000 500").containsExactly(JAVA,
                "--sun-misc-unsafe-memory-access=allow", "--enable-native-access=ALL-UNNAMED", "-Xmx1g",
                "-Dbazaar.home=" + home, "-cp", jar("bench") + File.pathSeparator + DEPENDENCIES, "dev.bazaar.bench.FilterBenchmark",
                "1000", "500");
        assertThat(started.get(1).command()).as("bench search-sink: the benchmark's defaults")
                .endsWith("dev.bazaar.bench.SearchSinkBenchmark");
    }

    @Test
    void benchHelpListsEveryBenchmarkWithItsArguments() {
        // when
        int code = bazaar(JDK_25).execute("bench", "--help");
        // then
        assertThat(code).as("exit code").isZero();
        for (Benchmark benchmark : ModuleCommands.BENCHMARKS) {
            String firstWord = benchmark.description().split(" ")[0];
            assertThat(out.toString()).as("bench --help line of %s", benchmark.name())
                    .containsPattern("(?m)^  " + Pattern.quote(benchmark.synopsis()) + " +" + Pattern.quote(firstWord));
        }
        assertThat(out.toString()).as("as the script's usage line had them")
                .contains("shop-ingest [records]", "filter [records] [rate]", "search-sink [documents]",
                        "replication-lag [records] [rate]", "hdfs-sink [batches]", "search-latency [items] [searches]");
    }

    @Test
    void benchWithoutABenchmarkOrWithBadNumbersIsAUsageError() throws IOException {
        // given
        built(new Benchmark("any", "Any", "any", List.of()).program());
        // when / then
        assertThat(bazaar(JDK_25).execute("bench")).as("bench alone").isEqualTo(Bazaar.USAGE);
        assertThat(err.toString()).as("bench alone lists the benchmarks").contains("filter [records] [rate]");
        assertThat(bazaar(JDK_25).execute("bench", "filter", "ten")).as("not a number").isEqualTo(Bazaar.USAGE);
        assertThat(bazaar(JDK_25).execute("bench", "hdfs-sink", "1", "2")).as("one number too many")
                .isEqualTo(Bazaar.USAGE);
        assertThat(bazaar(JDK_25).execute("bench", "nope")).as("unknown benchmark").isEqualTo(Bazaar.USAGE);
        assertThat(started).as("child JVMs").isEmpty();
    }

    @Test
    void theChildsExitCodeIsTheCommands() throws IOException {
        // given
        built(program("filter"));
        childExitCode = 3;
        // when
        int code = bazaar(JDK_25).execute("filter", "list");
        // then
        assertThat(code).as("exit code of bazaar filter list").isEqualTo(3);
    }

    @Test
    void aModuleNotBuiltFailsNamingTheBuild() {
        // when
        int code = bazaar(JDK_25).execute("shop", "generate", "items");
        // then
        assertThat(code).as("exit code").isEqualTo(Bazaar.FAILURE);
        assertThat(err.toString()).as("message")
                .contains("bazaar shop: shop-api is not built (no shop-api/target/shop-api.jar): run ./bazaar build");
        assertThat(started).as("child JVMs").isEmpty();
    }

    @Test
    void anErrorNamesTheWholeCommand() {
        // when
        int code = bazaar(JDK_25).execute("mirror", "failover", "--group", "g", "--wait", "-1");
        // then
        assertThat(code).as("exit code").isEqualTo(Bazaar.USAGE);
        assertThat(err.toString()).as("message").contains("bazaar mirror failover: --wait must be 0 or more seconds");
    }

    @Test
    void everyMainClassIsInItsModule() {
        for (ModuleCli program : programs()) {
            Path source = REPOSITORY.resolve(program.module()).resolve("src/main/java")
                    .resolve(program.mainClass().replace('.', '/') + ".java");
            assertThat(source).as("main class of bazaar %s", program.name()).isRegularFile();
        }
    }

    @Test
    void homeIsBazaarHomeElseTheWorkingFolder() {
        // given
        System.setProperty("bazaar.home", home.toString());
        // when
        ChildJvm fromProperty = ChildJvm.current();
        System.clearProperty("bazaar.home");
        ChildJvm fromWorkingFolder = ChildJvm.current();
        // then
        assertThat(fromProperty.home()).as("with bazaar.home").isEqualTo(home);
        assertThat(fromWorkingFolder.home()).as("without").isEqualTo(Path.of("").toAbsolutePath());
        assertThat(Path.of(fromProperty.java())).as("the launcher's own java").isExecutable();
        assertThat(fromProperty.jdk()).as("its version").isEqualTo(Runtime.version().feature());
    }

    @Test
    void clientHelpInARealChildJvm() throws IOException {
        // given client-api built in this checkout
        assumeThat(REPOSITORY.resolve("client-api/target/client-api.jar")).as("client-api built").isRegularFile();
        assumeThat(REPOSITORY.resolve("client-api/target/runtime.classpath")).as("its classpath").isRegularFile();
        Path output = scratch.resolve("client-help.txt");
        ChildJvm real = ChildJvm.current();
        ChildJvm capturing = new ChildJvm(real.java(), REPOSITORY, real.jdk(),
                child -> ChildJvm.startAndWait(child.redirectErrorStream(true).redirectOutput(output.toFile())));
        CommandLine bazaar = Bazaar.commandLine(capturing);
        bazaar.setErr(new PrintWriter(err, true));
        // when
        int code = bazaar.execute("client", "--help");
        // then
        String help = Files.readString(output);
        assertThat(code).as("exit code; output: %s; stderr: %s", help, err).isZero();
        assertThat(help).as("client's own help").contains("Usage: client", "search", "recommend");
    }

    private CommandLine bazaar(int jdk) {
        CommandLine bazaar = Bazaar.commandLine(new ChildJvm(JAVA, home, jdk, child -> {
            started.add(child);
            return childExitCode;
        }));
        bazaar.setOut(new PrintWriter(out, true));
        bazaar.setErr(new PrintWriter(err, true));
        return bazaar;
    }

    /** Every command's words, e.g. {@code [mirror, status]}, depth first. */
    private static List<List<String>> commandPaths(CommandLine command, List<String> path) {
        List<List<String>> paths = new ArrayList<>();
        command.getSubcommands().forEach((name, sub) -> {
            List<String> subPath = Stream.concat(path.stream(), Stream.of(name)).toList();
            paths.add(subPath);
            paths.addAll(commandPaths(sub, subPath));
        });
        return paths;
    }

    private static boolean isModuleCommand(List<String> path) {
        return path.size() == 1
                && ModuleCommands.MODULES.stream().anyMatch(program -> program.name().equals(path.get(0)));
    }

    private static List<ModuleCli> programs() {
        return Stream.concat(ModuleCommands.MODULES.stream(),
                ModuleCommands.BENCHMARKS.stream().map(Benchmark::program)).toList();
    }

    private static ModuleCli program(String name) {
        return ModuleCommands.MODULES.stream().filter(program -> program.name().equals(name)).findFirst().orElseThrow();
    }

    /** Gives {@code home} the build output of {@code program}'s module: its jar and runtime classpath. */
    private void built(ModuleCli program) throws IOException {
        Path target = Files.createDirectories(home.resolve(program.module()).resolve("target"));
        Files.write(target.resolve(program.jarName()), new byte[0]);
        Files.writeString(target.resolve("runtime.classpath"), DEPENDENCIES + "\n");
    }

    private String jar(String module) {
        return home.resolve(module).resolve("target").resolve(module + ".jar").toString();
    }
}

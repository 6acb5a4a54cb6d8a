package dev.bazaar.platform.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.Model.UsageMessageSpec;
import picocli.CommandLine.ParseResult;

/** {@code bazaar bench <benchmark> [numbers]}: one benchmark, in a JVM of its own, on a platform of its own. */
final class BenchCommand implements Callable<Integer> {

    private final Benchmark benchmark;
    private final ChildJvm jvm;
    private final CommandSpec spec;

    private BenchCommand(Benchmark benchmark, ChildJvm jvm) {
        this.benchmark = benchmark;
        this.jvm = jvm;
        this.spec = CommandSpec.wrapWithoutInspection(this).name(benchmark.name());
    }

    /** {@code bench}, with a command per benchmark; its help lists each with its arguments. */
    static CommandLine commandLine(List<Benchmark> benchmarks, ChildJvm jvm) {
        CommandSpec spec = CommandSpec.create().name("bench").mixinStandardHelpOptions(true)
                .versionProvider(new VersionProvider());
        spec.usageMessage().description("Run a benchmark on a platform of its own (ports and var/ of its own).",
                "Each prints its result and the ratio to a baseline measured in the same run; "
                        + "benchmarks are not tests.");
        CommandLine bench = new CommandLine(spec);
        benchmarks.forEach(benchmark -> bench.addSubcommand(new BenchCommand(benchmark, jvm).asCommandLine()));
        Map<String, String> synopses = new LinkedHashMap<>();
        benchmarks.forEach(benchmark -> synopses.put(benchmark.synopsis(), benchmark.description()));
        bench.getHelpSectionMap().put(UsageMessageSpec.SECTION_KEY_COMMAND_LIST,
                help -> help.createTextTable(synopses).toString());
        return bench;
    }

    private CommandLine asCommandLine() {
        spec.mixinStandardHelpOptions(true).versionProvider(new VersionProvider());
        spec.usageMessage().description(benchmark.description(), "A number left out is the benchmark's default.");
        for (Benchmark.Argument argument : benchmark.arguments()) {
            spec.addPositional(PositionalParamSpec.builder().paramLabel(argument.label()).arity("0..1")
                    .index(String.valueOf(spec.positionalParameters().size())).type(Integer.class)
                    .description(argument.description()).build());
        }
        return new CommandLine(spec);
    }

    @Override
    public Integer call() throws Exception {
        ParseResult parsed = spec.commandLine().getParseResult();
        List<String> args = new ArrayList<>();
        for (int i = 0; i < benchmark.arguments().size() && parsed.hasMatchedPositional(i); i++) {
            args.add(String.valueOf((Integer) parsed.matchedPositionalValue(i, null)));
        }
        return jvm.run(benchmark.program(), args);
    }
}

package dev.bazaar.platform.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * A command that is another module's CLI ({@code shop}, {@code filter}, ...): every argument after its name,
 * {@code --help} and {@code --} too, goes unread to that CLI in a JVM of its own, whose exit code it returns.
 */
final class DelegateCommand implements Callable<Integer> {

    /** A NUL cannot occur in a process argument, so no argument ends the options: {@code --} is passed on too. */
    private static final String NO_END_OF_OPTIONS = "\0";

    private final ModuleCli program;
    private final ChildJvm jvm;
    private final CommandSpec spec;

    private DelegateCommand(ModuleCli program, ChildJvm jvm) {
        this.program = program;
        this.jvm = jvm;
        this.spec = CommandSpec.wrapWithoutInspection(this).name(program.name());
    }

    /** The command for {@code program}, run by {@code jvm}. */
    static CommandLine commandLine(ModuleCli program, ChildJvm jvm) {
        CommandSpec spec = new DelegateCommand(program, jvm).spec;
        spec.usageMessage().description(program.description());
        spec.parser().unmatchedOptionsArePositionalParams(true).expandAtFiles(false)
                .endOfOptionsDelimiter(NO_END_OF_OPTIONS);
        spec.addPositional(PositionalParamSpec.builder().paramLabel("ARGS").arity("0..*").type(List.class)
                .auxiliaryTypes(String.class).description("Passed to " + program.name() + " as they are.").build());
        return new CommandLine(spec);
    }

    @Override
    public Integer call() throws Exception {
        List<String> args = spec.commandLine().getParseResult().matchedPositionalValue(0, List.of());
        return jvm.run(program, args);
    }
}

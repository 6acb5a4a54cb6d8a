package dev.bazaar.platform.process;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Builds the command line of a platform JVM: the launcher's own java, a marker naming the
 * component (so {@code ps} shows what it is), the flags of its AOT cache ({@link AotCaches}), the
 * component's logging and heap, and the options of the platform's {@link JvmProfile}. A null
 * {@code log4jConfig} leaves logging to the application's own configuration.
 */
public record JavaCommand(Jvm jvm, String classpath, Path log4jConfig) {

    /** {@code java <heap> -cp <classpath> <mainClass> <args>} for {@code component}. */
    public List<String> command(String component, List<String> jvmOptions, String mainClass, List<String> args) {
        List<String> options = options(jvmOptions);
        options.add("-cp");
        options.add(classpath);
        List<Path> entries = Arrays.stream(classpath.split(File.pathSeparator)).filter(entry -> !entry.isBlank())
                .map(Path::of).toList();
        List<String> application = new ArrayList<>();
        application.add(mainClass);
        application.addAll(args);
        return withAot(new AotTarget(component, options, application, entries));
    }

    /** {@code java <heap> -jar <jar>} for {@code component}, a self-contained application. */
    public List<String> jar(String component, List<String> jvmOptions, Path jar) {
        List<String> options = options(jvmOptions);
        options.add("-jar");
        options.add(jar.toString());
        return withAot(new AotTarget(component, options, List.of(), List.of(jar)));
    }

    /** {@code java}, the marker, the AOT flags, then the rest of {@code target}'s command line. */
    private List<String> withAot(AotTarget target) {
        List<String> command = new ArrayList<>();
        command.add(target.jvm().get(0));
        command.add(ManagedProcess.MARKER + target.component());
        command.addAll(jvm.aot().launch(target).options());
        command.addAll(target.jvm().subList(1, target.jvm().size()));
        command.addAll(target.application());
        return command;
    }

    /** {@code java} and every option but the marker and the AOT flags, which {@link #withAot} adds. */
    private List<String> options(List<String> jvmOptions) {
        List<String> command = new ArrayList<>();
        command.add(jvm.executable());
        command.addAll(jvmOptions);
        command.addAll(jvm.profile().options());
        command.add("-Djava.awt.headless=true");
        if (log4jConfig != null) {
            command.add("-Dlog4j2.configurationFile=" + log4jConfig);
        }
        if (Runtime.version().feature() >= 24) {
            // Kafka and Netty still unmap buffers through sun.misc.Unsafe; say so once, not at every start
            command.add("--sun-misc-unsafe-memory-access=allow");
        }
        return command;
    }
}

package dev.bazaar.platform.process;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the command line of a platform JVM: the launcher's own java, a marker naming the
 * component (so {@code ps} shows what it is), the component's logging and heap, and the options of
 * the platform's {@link JvmProfile}. A null
 * {@code log4jConfig} leaves logging to the application's own configuration.
 */
public record JavaCommand(Jvm jvm, String classpath, Path log4jConfig) {

    /** {@code java <heap> -cp <classpath> <mainClass> <args>} for {@code component}. */
    public List<String> command(String component, List<String> jvmOptions, String mainClass, List<String> args) {
        List<String> command = base(component, jvmOptions);
        command.add("-cp");
        command.add(classpath);
        command.add(mainClass);
        command.addAll(args);
        return command;
    }

    /** {@code java <heap> -jar <jar>} for {@code component}, a self-contained application. */
    public List<String> jar(String component, List<String> jvmOptions, Path jar) {
        List<String> command = base(component, jvmOptions);
        command.add("-jar");
        command.add(jar.toString());
        return command;
    }

    private List<String> base(String component, List<String> jvmOptions) {
        List<String> command = new ArrayList<>();
        command.add(jvm.executable());
        command.add(ManagedProcess.MARKER + component);
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

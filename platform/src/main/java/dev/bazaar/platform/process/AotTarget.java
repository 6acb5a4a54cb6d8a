package dev.bazaar.platform.process;

import java.nio.file.Path;
import java.util.List;

/**
 * What an AOT cache is made for: one component's JVM command line, split where the JVM's part
 * ({@code java <options> -cp <classpath>} or {@code ... -jar <jar>}, without the marker that names a
 * platform process and without AOT flags) ends and the application's (main class and arguments)
 * begins, with the classpath's entries. The JVM's part is what a cache is created with; the whole
 * line is what it is keyed by.
 */
public record AotTarget(String component, List<String> jvm, List<String> application, List<Path> classpath) {

    public AotTarget {
        jvm = List.copyOf(jvm);
        application = List.copyOf(application);
        classpath = List.copyOf(classpath);
    }
}

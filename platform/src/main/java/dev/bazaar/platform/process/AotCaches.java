package dev.bazaar.platform.process;

import dev.bazaar.common.RuntimeLayout;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The AOT caches (JEP 483/514/515) of the platform's JVMs under {@code var/aot/}: a JVM maps the
 * classes, linked and partly initialised, and the method profiles its earlier run left there,
 * which measured 35-60 % less CPU to ready on top of {@link JvmProfile#QUICK_START}. Two steps, so
 * that nobody waits for a cache: without one a JVM records a training run (written at its exit);
 * the supervisor later creates the cache from it in the background ({@link AotCacheCreator}); the
 * next start maps it.
 *
 * <p>Off with the {@link JvmProfile#PEAK} profile (benchmarks measure the JVM's defaults), on a JDK
 * before 25, without a supervisor (nothing would create the caches: the recording would be wasted)
 * and for a JVM with a folder on its classpath (a folder's classes cannot be archived).
 */
public final class AotCaches {

    /** The first JDK with the AOT cache's command-line ergonomics and method profiles. */
    public static final int FIRST_JDK = 25;
    private static final Logger log = LoggerFactory.getLogger(AotCaches.class);

    private final Path dir;
    private final String jdk;
    private final Optional<String> off;

    private AotCaches(Path dir, String jdk, Optional<String> off) {
        this.dir = dir;
        this.jdk = jdk;
        this.off = off;
    }

    /** No caches, for {@code why}. */
    public static AotCaches off(String why) {
        return new AotCaches(null, "", Optional.of(why));
    }

    /**
     * The caches under {@code dir} for JVMs of {@code profile} on {@code jdk} (vendor and full version),
     * or none when {@code wanted} is false ({@code BAZAAR_AOT}), the profile is {@code peak}, the JDK is
     * older than {@value #FIRST_JDK}, or no supervisor runs to create them.
     */
    public static AotCaches of(Path dir, boolean wanted, JvmProfile profile, boolean supervised, Runtime.Version version,
            String jdk) {
        if (!wanted) {
            return off("BAZAAR_AOT=false");
        }
        if (profile != JvmProfile.QUICK_START) {
            return off("the " + profile + " JVM profile keeps the JVM's defaults");
        }
        if (version.feature() < FIRST_JDK) {
            return off("JDK " + version.feature() + " has no AOT cache of this kind (" + FIRST_JDK + "+)");
        }
        if (!supervised) {
            return off("no supervisor runs to create the caches");
        }
        return new AotCaches(dir, jdk, Optional.empty());
    }

    /** The caches of the JDK this launcher runs on (every platform JVM runs on it too). */
    public static AotCaches of(Path dir, boolean wanted, JvmProfile profile, boolean supervised) {
        return of(dir, wanted, profile, supervised, Runtime.version(),
                System.getProperty("java.vm.vendor") + " " + Runtime.version());
    }

    /** The folder of the platform's caches and training runs: {@code var/aot/}. */
    public static Path dir(RuntimeLayout layout) {
        return layout.root().resolve("aot");
    }

    /** Why there are no caches, when there are none. */
    public Optional<String> off() {
        return off;
    }

    /**
     * The AOT flags {@code target}'s JVM starts with: use its cache when there is one, record a training
     * run when there is neither a cache nor a recorded run, none while a recorded run waits for its cache.
     */
    public AotLaunch launch(AotTarget target) {
        if (off.isPresent()) {
            return AotLaunch.off(off.get());
        }
        Optional<Path> folder = target.classpath().stream().filter(entry -> !Files.isRegularFile(entry)).findFirst();
        if (folder.isPresent()) {
            return AotLaunch.off(folder.get() + " on the classpath is not a jar, its classes cannot be archived");
        }
        try {
            return launch(target, AotKey.of(target, jdk));
        } catch (UncheckedIOException e) {
            log.warn("{} starts without an AOT cache: {}", target.component(), e.getMessage());
            return AotLaunch.off(e.getMessage());
        }
    }

    private AotLaunch launch(AotTarget target, AotKey key) {
        if (Files.isRegularFile(key.cache(dir))) {
            return new AotLaunch(AotLaunch.Mode.USE, List.of("-XX:AOTCache=" + key.cache(dir)), "its cache exists");
        }
        if (Files.exists(key.failure(dir))) {
            return AotLaunch.off("creating its cache failed (" + key.failure(dir) + ")");
        }
        if (recorded(key.configuration(dir))) {
            return new AotLaunch(AotLaunch.Mode.PENDING, List.of(), "its training run waits for the supervisor");
        }
        prepareRecording(target, key);
        log.info("{} records a training run for its AOT cache ({})", target.component(), key.name());
        return new AotLaunch(AotLaunch.Mode.RECORD, List.of("-XX:AOTMode=record",
                "-XX:AOTConfiguration=" + key.configuration(dir)), "it has no cache yet");
    }

    /**
     * Whether a training run was written: the JVM creates the file empty at its start and fills it at
     * its exit, so an empty one is of a JVM that was killed, and is recorded again.
     */
    private static boolean recorded(Path configuration) {
        try {
            return Files.isRegularFile(configuration) && Files.size(configuration) > 0;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the size of " + configuration, e);
        }
    }

    /** Deletes what older builds left for this component and writes the recipe the cache will be created with. */
    private void prepareRecording(AotTarget target, AotKey key) {
        try {
            Files.createDirectories(dir);
            List<Path> superseded;
            try (Stream<Path> files = Files.list(dir)) {
                superseded = files.filter(key::supersedes).toList();
            }
            for (Path file : superseded) {
                Files.deleteIfExists(file);
            }
            // the JVM part of the command line: java, its options and its classpath, to create the cache with
            Files.write(key.recipe(dir), target.jvm());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the AOT cache of " + target.component() + " in " + dir, e);
        }
    }
}

package dev.bazaar.platform.process;

/**
 * The java every platform process runs on (the launcher's own), with the options of its profile and
 * the AOT caches its JVMs start with.
 */
public record Jvm(String executable, JvmProfile profile, AotCaches aot) {

    /** The java with {@code profile} and no AOT caches. */
    public Jvm(String executable, JvmProfile profile) {
        this(executable, profile, AotCaches.off("not configured"));
    }
}

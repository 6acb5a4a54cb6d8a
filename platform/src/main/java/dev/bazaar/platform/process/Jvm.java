package dev.bazaar.platform.process;

/** The java every platform process runs on (the launcher's own), with the options of its profile. */
public record Jvm(String executable, JvmProfile profile) {
}

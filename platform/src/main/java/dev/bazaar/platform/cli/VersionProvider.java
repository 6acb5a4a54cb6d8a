package dev.bazaar.platform.cli;

import picocli.CommandLine.IVersionProvider;

/** The version from the build, as the jar manifest records it. */
final class VersionProvider implements IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = Bazaar.class.getPackage().getImplementationVersion();
        return new String[] {"bazaar " + (version == null ? "(development build)" : version)};
    }
}

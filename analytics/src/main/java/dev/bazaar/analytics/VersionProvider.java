package dev.bazaar.analytics;

import picocli.CommandLine;

/** The version the build wrote into the jar's manifest ({@code development} when run from classes). */
final class VersionProvider implements CommandLine.IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = AnalyticsCli.class.getPackage().getImplementationVersion();
        return new String[] {"bazaar analytics " + (version == null ? "development" : version)};
    }
}

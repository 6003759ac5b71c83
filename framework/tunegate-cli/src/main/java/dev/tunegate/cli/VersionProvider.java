package dev.tunegate.cli;

import picocli.CommandLine.IVersionProvider;

/** Reads the version from the jar manifest, written by the build. */
final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = TuneGateCli.class.getPackage().getImplementationVersion();
        return new String[] {"tunegate " + (version == null ? "(development build)" : version)};
    }
}

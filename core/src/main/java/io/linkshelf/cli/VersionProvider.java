package io.linkshelf.cli;

import io.linkshelf.Version;
import picocli.CommandLine.IVersionProvider;

/** Prints the tool version from the jar manifest, then the JVM and OS, like {@code jwarc version}. */
final class VersionProvider implements IVersionProvider {

    @Override
    public String[] getVersion() {
        return new String[] {
            "linkshelf " + Version.current(),
            "JVM: " + System.getProperty("java.vm.name") + " " + System.getProperty("java.version"),
            "OS: " + System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"),
        };
    }
}

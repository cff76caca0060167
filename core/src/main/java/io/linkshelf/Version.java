package io.linkshelf;

/** The version of this build, as written into the jar manifest by Maven. */
public final class Version {

    private Version() {}

    /** The project version, or {@code "dev"} when running from classes outside a jar (tests, IDE). */
    public static String current() {
        String version = Version.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }
}

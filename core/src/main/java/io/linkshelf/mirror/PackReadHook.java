package io.linkshelf.mirror;

import java.io.IOException;
import java.nio.file.Path;

/** Called just before a packer opens a file; lets tests make a file vanish between listing and reading. */
@FunctionalInterface
interface PackReadHook {

    PackReadHook NONE = file -> { };

    void beforeRead(Path file) throws IOException;
}

/**
 * Command-line entry points: picocli commands that parse options, wire the feature packages together and print.
 * The only package that prints or exits; {@link io.linkshelf.cli.ExitCodes} maps every failure to its exit code.
 */
@NullMarked
package io.linkshelf.cli;

import org.jspecify.annotations.NullMarked;

package io.linkshelf.cli;

import io.linkshelf.catalog.Catalog;
import io.linkshelf.catalog.CatalogReader;
import io.linkshelf.catalog.SeedFileException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "seeds",
        header = "Shows what a seed list holds: sections, articles, duplicates, warnings.",
        description = {"Reads the bundled list (or --seeds FILE) and prints it as a table, JSON or CSV.",
            "Warnings name the line to mend; nothing is fetched."},
        mixinStandardHelpOptions = true,
        sortOptions = false)
final class SeedsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Option(names = "--seeds", paramLabel = "FILE", description = "Markdown link list (default: the bundled list).")
    Path seeds;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "table, json or csv (default: ${DEFAULT-VALUE}).")
    SeedsFormat format = SeedsFormat.TABLE;

    @Override
    public Integer call() throws SeedFileException {
        Catalog catalog = seeds == null ? CatalogReader.bundled() : CatalogReader.read(seeds);
        PrintWriter out = spec.commandLine().getOut();
        switch (format) {
            case TABLE -> SeedsTable.print(catalog, seeds == null ? "the bundled list" : seeds.toString(), out);
            case JSON -> SeedsJson.print(catalog, out);
            case CSV -> SeedsCsv.print(catalog, out);
        }
        out.flush();
        return ExitCodes.OK;
    }
}

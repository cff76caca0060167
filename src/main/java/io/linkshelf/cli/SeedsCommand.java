package io.linkshelf.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "seeds", header = "Shows what the seed list holds: sections, articles, duplicates, warnings.")
final class SeedsCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        return ExitCodes.OK;
    }
}

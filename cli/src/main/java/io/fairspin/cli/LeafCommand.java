package io.fairspin.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** What every command that does work shares: the streams and the global options of the root. */
public abstract class LeafCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    /** The root command, which holds the streams and the global options. */
    protected final FairspinCommand root() {
        return (FairspinCommand) spec.root().userObject();
    }

    protected final Io io() {
        return root().io();
    }

    protected final boolean json() {
        return root().format() == OutputFormat.JSON;
    }
}

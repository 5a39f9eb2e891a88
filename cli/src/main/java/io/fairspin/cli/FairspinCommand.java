package io.fairspin.cli;

import io.fairspin.cli.audit.AuditCommand;
import io.fairspin.cli.audit.PlayCommand;
import io.fairspin.cli.audit.ServeCommand;
import io.fairspin.cli.certify.CertifyCommand;
import io.fairspin.cli.keys.KeysCommand;
import io.fairspin.cli.monitor.MonitorCommand;
import io.fairspin.cli.par.ParCommand;
import io.fairspin.cli.tune.TuneCommand;
import io.fairspin.cli.rng.RngCommand;
import io.fairspin.cli.simulate.SimulateCommand;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Properties;
import io.fairspin.cli.report.ReportHeader;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The top of the {@code fairspin} command tree: global options and the subcommand groups. */
@Command(name = "fairspin",
        mixinStandardHelpOptions = true,
        versionProvider = FairspinCommand.Version.class,
        description = "Certified random numbers, game mathematics, statistical certification and audit logs "
                + "for casino games.",
        subcommands = {RngCommand.class, KeysCommand.class, ParCommand.class, SimulateCommand.class, TuneCommand.class,
            CertifyCommand.class, PlayCommand.class, ServeCommand.class, AuditCommand.class, MonitorCommand.class, AutoComplete.GenerateCompletion.class},
        synopsisSubcommandLabel = "COMMAND",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:success",
            "1:error: bad input, an I/O failure, a failed known-answer test",
            "2:usage error: unknown option, missing or malformed argument",
            "3:a statistical battery (fairspin certify) failed",
            "4:tampering or corruption found in an audit log or a dispute packet; monitor: an integrity alert",
            "5:simulate: the simulation disagrees with the exact figures (verdict failed); monitor: a statistics"
                + " alert (a control limit crossed) and no integrity alert"},
        footer = {"", "Run 'fairspin COMMAND --help' for a command's options.",
            "Bash completion: source <(fairspin generate-completion)"})
public final class FairspinCommand {
    private final Io io;

    @Option(names = "--verbose", scope = ScopeType.INHERIT,
            description = "Print the stack trace of an error.")
    private boolean verbose;

    private List<String> arguments = List.of();

    /**
     * The root command over {@code io}'s streams.
     *
     * @param io the streams every command uses
     */
    public FairspinCommand(Io io) {
        this.io = io;
    }

    /** Records the command line, for reports. */
    void arguments(String... args) {
        this.arguments = List.of(args);
    }

    /**
     * The header every report carries: version, command line, date, input files.
     *
     * @return the header, made now
     */
    public ReportHeader reportHeader() {
        return ReportHeader.now(new Version().version(), arguments, io.inputs());
    }

    /** For the completion script generator, which needs a no-argument constructor. */
    public FairspinCommand() {
        this(Io.system());
    }

    /**
     * The streams every command uses.
     *
     * @return the streams
     */
    public Io io() {
        return io;
    }

    /**
     * Whether {@code --verbose} was given.
     *
     * @return true to print stack traces of errors
     */
    public boolean verbose() {
        return verbose;
    }

    /** The version, from the build. */
    public static final class Version implements IVersionProvider {
        /**
         * The version number, from the build: "0.1.0".
         *
         * @return the version, such as {@code 0.1.0-SNAPSHOT}
         */
        public String version() {
            Properties properties = new Properties();
            try (InputStream in = FairspinCommand.class.getResourceAsStream("version.properties")) {
                properties.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return properties.getProperty("version");
        }

        @Override
        public String[] getVersion() {
            return new String[] {"fairspin " + version(),
                "Java " + Runtime.version() + " (" + System.getProperty("java.vm.name") + ")"};
        }
    }
}

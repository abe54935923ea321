package org.concord.cli;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

import org.concord.formats.InputRejectedException;
import org.concord.input.Instants;
import org.concord.input.Numbers;
import org.concord.node.Node;
import org.concord.node.NodeConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** {@code concord}: the command line of a node. Each subcommand is a thin adapter over the node's services. */
@Command(name = "concord", mixinStandardHelpOptions = true, versionProvider = ConcordCli.Version.class,
        description = "A Concord node: space catalog, orbit ingest with provenance and labels, propagation.",
        subcommands = {ServeCommand.class, IngestCommand.class, ObjectsCommand.class, ObjectCommand.class,
            OrbitsCommand.class, ExportCommand.class, PropagateCommand.class, ConjunctionsCommand.class, EventsCommand.class,
            ProductsCommand.class, ReentryCommands.ReentryCommand.class, ReentryCommands.ReentriesCommand.class,
            ScreenCommand.class, PcCommand.class, StatusCommand.class, StatisticsCommand.class,
            SharingCommands.PartyCommand.class,
            SharingCommands.UserCommand.class, SharingCommands.TokenCommand.class,
            SharingCommands.AgreementCommand.class, RecallCommand.class, RelabelCommand.class, AuditCommand.class, NodeCommand.class,
            PeerCommand.class, ConnectorsCommand.class, SpaceWeatherCommand.class, WatchCommand.class,
            CommandLine.HelpCommand.class})
public final class ConcordCli {

    @Option(names = "--data-dir", scope = ScopeType.INHERIT, defaultValue = "./data", paramLabel = "DIR",
            description = "The node's data directory (database, keys, concord.properties). Default: ${DEFAULT-VALUE}")
    Path dataDirectory;

    @Option(names = "--config", scope = ScopeType.INHERIT, paramLabel = "FILE",
            description = "Configuration file (default: DIR/concord.properties when present)")
    Path configFile;

    NodeConfig config() {
        return NodeConfig.load(dataDirectory, Optional.ofNullable(configFile), System.getenv());
    }

    Node openNode() {
        return Node.open(config());
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new ConcordCli());
        cli.registerConverter(Instant.class, text -> converted(() -> Instants.parse("", text)));
        cli.registerConverter(Integer.class, text -> converted(() -> (int) Numbers.whole("", text, Integer.MIN_VALUE,
                Integer.MAX_VALUE)));
        cli.registerConverter(int.class, text -> converted(() -> (int) Numbers.whole("", text, Integer.MIN_VALUE,
                Integer.MAX_VALUE)));
        cli.registerConverter(Long.class, text -> converted(() -> Numbers.whole("", text, Long.MIN_VALUE,
                Long.MAX_VALUE)));
        cli.registerConverter(long.class, text -> converted(() -> Numbers.whole("", text, Long.MIN_VALUE,
                Long.MAX_VALUE)));
        cli.registerConverter(Double.class, text -> converted(() -> Numbers.decimal("", text, -Double.MAX_VALUE,
                Double.MAX_VALUE)));
        cli.registerConverter(double.class, text -> converted(() -> Numbers.decimal("", text, -Double.MAX_VALUE,
                Double.MAX_VALUE)));
        addHelpOption(cli);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof InputRejectedException rejected) {
                commandLine.getErr().println("input rejected, nothing stored:");
                rejected.errors().forEach(error -> commandLine.getErr().println("  " + error));
                return 2;
            }
            if (e instanceof IllegalArgumentException || e instanceof IllegalStateException
                    || e instanceof org.concord.access.SharingService.NotFoundException) {
                commandLine.getErr().println("error: " + e.getMessage());
                return 1;
            }
            throw e;
        });
        return cli;
    }

    /** Every command and subcommand answers {@code --help} (and {@code -h}), not only {@code concord help CMD}. */
    private static void addHelpOption(CommandLine command) {
        CommandLine.Model.CommandSpec spec = command.getCommandSpec();
        if (spec.optionsMap().get("--help") == null) {
            spec.addOption(CommandLine.Model.OptionSpec.builder("-h", "--help").usageHelp(true)
                    .description("Show this help message and exit.").build());
        }
        command.getSubcommands().values().forEach(ConcordCli::addHelpOption);
    }

    /** A value converted by the rules of {@code org.concord.input}; its refusal phrased for picocli to show. */
    private static <T> T converted(java.util.function.Supplier<T> conversion) {
        try {
            return conversion.get();
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException(e.getMessage());
        }
    }

    /** The version from the build. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"concord " + Node.version()};
        }
    }
}

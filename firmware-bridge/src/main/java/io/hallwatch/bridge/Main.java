package io.hallwatch.bridge;

import io.hallwatch.bridge.bridge.BridgeCommand;
import io.hallwatch.bridge.load.LoadCommand;
import io.hallwatch.bridge.provision.ProvisionCommand;
import io.hallwatch.bridge.sim.SimulateCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The firmware bridge's command line: {@code bridge}, {@code simulate}, {@code load} and
 * {@code provision}. Exit codes: 0 done, 1 the work failed (a report says what), 2 bad usage or
 * configuration.
 */
@Command(name = "firmware-bridge", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Connects vendor sensors to HallWatch, simulates halls, generates load and provisions devices.",
        subcommands = {BridgeCommand.class, SimulateCommand.class, LoadCommand.class, ProvisionCommand.class,
                CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done", "1:the work failed (see the report)", "2:bad usage or configuration"})
public final class Main implements Runnable {

    public static final int FAILED = 1;
    public static final int USAGE = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and answers its exit code, without exiting (for tests and embedding). */
    public static int run(String... args) {
        CommandLine line = new CommandLine(new Main());
        line.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println(cmd.getColorScheme().errorText("error: " + message(e)));
            return e instanceof IllegalArgumentException ? USAGE : FAILED;
        });
        return line.execute(args);
    }

    private static String message(Throwable e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a command: bridge, simulate, load or provision");
    }

    /** The version from the jar's manifest, or "development" when run from classes. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Main.class.getPackage().getImplementationVersion();
            return new String[] {"firmware-bridge " + (version == null ? "development" : version)};
        }
    }
}

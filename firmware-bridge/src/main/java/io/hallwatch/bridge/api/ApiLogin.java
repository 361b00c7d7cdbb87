package io.hallwatch.bridge.api;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * How a command logs in to HallWatch's REST API, the same for every command that calls it: {@code --api},
 * {@code --user}, and the password from exactly one of {@code --password-file}, {@code --password} and
 * {@code $HALLWATCH_PASSWORD}; a command may name a file to fall back on (the quick start's
 * {@code data/admin-password}).
 */
public final class ApiLogin {

    public static final String PASSWORD_VARIABLE = "HALLWATCH_PASSWORD";

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--api", defaultValue = "http://localhost:8080", paramLabel = "URL", description = "The HallWatch service.")
    String api;
    @Option(names = "--user", defaultValue = "admin", description = "The API user (ops or administrator role).")
    String user;
    @Option(names = "--password", description = "The user's password (visible to other local users: prefer --password-file or $"
            + PASSWORD_VARIABLE + ").")
    String password;
    @Option(names = "--password-file", paramLabel = "FILE", description = "A file whose first line is the user's password.")
    Path passwordFile;

    /** Where the password variable is read; a seam for tests. */
    public Function<String, String> environment = System::getenv;
    /** A file read when no password is given, or null. */
    public Path fallback;

    public String api() {
        return api;
    }

    public String user() {
        return user;
    }

    /** A client of the service at {@code --api}, logged in as {@code --user}. */
    public ServiceApi service() {
        try {
            return new ServiceApi(api, user, password());
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
    }

    /** The user's password from exactly one of --password, --password-file, the environment and the fallback file. */
    public String password() {
        if (password != null && passwordFile != null) {
            throw usage("give --password or --password-file, not both");
        }
        if (passwordFile != null) {
            return firstLine(passwordFile, "--password-file");
        }
        String secret = password != null ? password : environment.apply(PASSWORD_VARIABLE);
        if (secret == null && fallback != null && Files.isReadable(fallback)) {
            return firstLine(fallback, fallback.toString());
        }
        if (secret == null) {
            throw usage("give the password of user '" + user + "' with --password-file, $" + PASSWORD_VARIABLE
                    + " or --password");
        }
        return secret;
    }

    private String firstLine(Path file, String what) {
        try {
            List<String> lines = Files.readAllLines(file);
            return lines.isEmpty() ? "" : lines.get(0).strip();
        } catch (IOException e) {
            throw usage("cannot read " + what + " " + file + ": " + e.getMessage());
        }
    }

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }
}

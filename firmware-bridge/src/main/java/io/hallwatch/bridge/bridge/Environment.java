package io.hallwatch.bridge.bridge;

import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Expands {@code ${NAME}} in configuration values from the environment, so that passwords need not
 * be written into the YAML file; {@code ${NAME:-default}} gives a default. An unset variable without
 * a default is an error naming the setting.
 */
final class Environment {

    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(:-([^}]*))?}");

    private Environment() {
    }

    static String expand(String setting, String value) {
        return expand(setting, value, System::getenv);
    }

    static String expand(String setting, String value, Function<String, String> env) {
        Matcher matcher = VARIABLE.matcher(value);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String found = env.apply(matcher.group(1));
            if (found == null) {
                found = matcher.group(3);
            }
            if (found == null) {
                throw new IllegalArgumentException(setting + ": the environment variable " + matcher.group(1) + " is not set");
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(found));
        }
        matcher.appendTail(out);
        return out.toString();
    }
}

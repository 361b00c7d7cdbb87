package io.hallwatch.bridge.map;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Finds the enum constant a profile names with a word ({@code payload: json}, {@code format: epoch-s},
 * {@code type: number}), without regard to case, or fails listing the words it knows so that a typo
 * in a profile is explained when the bridge starts.
 */
final class Named {

    private Named() {
    }

    /** The constant whose word is {@code given}; an exception "'given' is not one of a, b, c" otherwise. */
    static <E extends Enum<E>> E find(Class<E> type, Function<E, String> word, String given) {
        List<String> known = new ArrayList<>();
        for (E constant : type.getEnumConstants()) {
            if (word.apply(constant).equalsIgnoreCase(given == null ? "" : given.trim())) {
                return constant;
            }
            known.add(word.apply(constant));
        }
        throw new IllegalArgumentException("'" + given + "' is not one of " + String.join(", ", known));
    }
}

package io.hallwatch.users;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The strength a new password must have: at least {@value #MIN_LENGTH} characters, not containing the
 * user name, not one of the passwords people choose most, and at least three of the four character
 * classes (lower case, upper case, digits, anything else) unless it is {@value #PASSPHRASE_LENGTH}
 * characters or longer, since a long passphrase of plain words is stronger than a short mix. Plain Java;
 * the answer names the rule broken, in Chinese and English, for the problem's {@code detail}.
 */
public final class PasswordRules {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 200;
    public static final int PASSPHRASE_LENGTH = 16;
    /** A name this short is in too many good passwords to forbid it. */
    private static final int MIN_NAME_CHECKED = 3;

    /**
     * Common passwords of twelve characters or more (shorter ones fail the length rule anyway), from
     * published leak lists, among them the keyboard walks and 我爱你 (woaini) forms common in China.
     */
    private static final Set<String> COMMON = Set.of(
            "123456789012", "1234567890123", "12345678901234", "123456123456", "111111111111", "000000000000",
            "qwertyuiop12", "qwerty123456", "123456qwerty", "1q2w3e4r5t6y", "1qaz2wsx3edc", "qazwsxedcrfv",
            "1qaz@wsx3edc", "zaq12wsxcde3", "password1234", "password123!", "passw0rd1234", "p@ssw0rd1234",
            "p@ssword1234", "administrator", "admin1234567", "admin@123456", "changeme1234", "welcome12345",
            "iloveyou1234", "woaini131452", "woaini520131", "woaini1314520", "abc123456789",
            "abcd12345678", "aa1234567890", "hallwatch123", "hallwatch1234", "hallwatch@123", "letmein12345");

    private PasswordRules() {
    }

    /** The first rule {@code password} breaks for {@code username}; empty when it is strong enough. */
    public static Optional<String> problem(String username, String password) {
        int length = password == null ? 0 : password.codePointCount(0, password.length());
        if (length < MIN_LENGTH) {
            return Optional.of("password must be at least " + MIN_LENGTH + " characters (密码至少 " + MIN_LENGTH + " 个字符)");
        }
        if (length > MAX_LENGTH) {
            return Optional.of("password must be at most " + MAX_LENGTH + " characters (密码最多 " + MAX_LENGTH + " 个字符)");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (username != null && username.length() >= MIN_NAME_CHECKED && lower.contains(username.toLowerCase(Locale.ROOT))) {
            return Optional.of("password must not contain the user name (密码不得包含用户名)");
        }
        if (COMMON.contains(lower)) {
            return Optional.of("password is one of the most common passwords; choose another (密码过于常见，请另选)");
        }
        if (length < PASSPHRASE_LENGTH && classes(password) < 3) {
            return Optional.of("password must mix at least 3 of lower case, upper case, digits and symbols, or be at least "
                    + PASSPHRASE_LENGTH + " characters (密码须包含小写字母、大写字母、数字、符号中的至少三类，或不少于 "
                    + PASSPHRASE_LENGTH + " 个字符)");
        }
        return Optional.empty();
    }

    /** How many of the four character classes {@code password} uses. */
    static int classes(String password) {
        boolean lower = false;
        boolean upper = false;
        boolean digit = false;
        boolean other = false;
        for (int i = 0; i < password.length(); i = password.offsetByCodePoints(i, 1)) {
            int c = password.codePointAt(i);
            lower |= Character.isLowerCase(c);
            upper |= Character.isUpperCase(c);
            digit |= Character.isDigit(c);
            // Symbols, spaces and letters without case (汉字) count as the fourth class.
            other |= !Character.isLowerCase(c) && !Character.isUpperCase(c) && !Character.isDigit(c);
        }
        return (lower ? 1 : 0) + (upper ? 1 : 0) + (digit ? 1 : 0) + (other ? 1 : 0);
    }
}

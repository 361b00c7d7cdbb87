package io.hallwatch.users;

import io.hallwatch.platform.Ids;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;

/** Bodies of {@code /api/users} and {@code /api/me}. */
public final class UserApi {

    private UserApi() {
    }

    /**
     * A new person: roles among {@code admin}, {@code manager}, {@code ops}, {@code cleaning},
     * {@code staff}, {@code auditor}; halls by id, or {@code ["*"]} for every hall; {@code staffId}, the
     * staff member a person with the role {@code staff} is. The password must pass {@link PasswordRules}.
     */
    public record CreateUser(
            @NotNull @Pattern(regexp = Ids.REGEX, message = Ids.MESSAGE) String username,
            @NotBlank @Size(max = 200) String name,
            @NotNull String password,
            @NotEmpty List<String> roles,
            @NotEmpty List<String> halls,
            @Pattern(regexp = Ids.REGEX, message = Ids.MESSAGE) String staffId) {
    }

    /** {@code PUT /api/users/{username}}: a left-out password keeps the current one. */
    public record UpdateUser(
            @NotBlank @Size(max = 200) String name,
            String password,
            @NotEmpty List<String> roles,
            @NotEmpty List<String> halls,
            @Pattern(regexp = Ids.REGEX, message = Ids.MESSAGE) String staffId) {
    }

    /** {@code PUT /api/me/password}: the caller's current password and the new one. */
    public record ChangePassword(@NotNull String current, @NotNull String password) {
    }

    /** {@code POST /api/users/{username}/password}: the new password an administrator sets. */
    public record ResetPassword(@NotNull String password) {
    }

    /** A person as shown: never the password or its hash. */
    public record UserView(String username, String name, List<String> roles, List<String> halls, String staffId,
            Instant passwordChangedAt) {

        static UserView of(AppUser user) {
            return new UserView(user.username, user.displayName, List.copyOf(user.roleSet()), List.copyOf(user.hallSet()),
                    user.staffId, user.passwordChangedAt);
        }
    }

    /** {@code GET /api/me}: who is logged in, the teams whose orders they handle, the staff member they are. */
    public record Me(String username, List<String> roles, List<String> halls, List<String> teams, String staffId) {
    }
}

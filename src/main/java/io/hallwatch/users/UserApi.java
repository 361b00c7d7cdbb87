package io.hallwatch.users;

import io.hallwatch.platform.Ids;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/** Bodies of {@code /api/users}. */
public final class UserApi {

    private UserApi() {
    }

    /**
     * A new person: roles among {@code admin}, {@code manager}, {@code ops}, {@code cleaning}; halls by id,
     * or {@code ["*"]} for every hall.
     */
    public record CreateUser(
            @NotNull @Pattern(regexp = Ids.REGEX, message = Ids.MESSAGE) String username,
            @NotBlank @Size(max = 200) String name,
            @NotNull @Size(min = 10, max = 200, message = "must be 10 to 200 characters") String password,
            @NotEmpty List<String> roles,
            @NotEmpty List<String> halls) {
    }

    /** {@code PUT /api/users/{username}}: a left-out password keeps the current one. */
    public record UpdateUser(
            @NotBlank @Size(max = 200) String name,
            @Size(min = 10, max = 200, message = "must be 10 to 200 characters") String password,
            @NotEmpty List<String> roles,
            @NotEmpty List<String> halls) {
    }

    /** A person as shown: never the password or its hash. */
    public record UserView(String username, String name, List<String> roles, List<String> halls) {

        static UserView of(AppUser user) {
            return new UserView(user.username, user.displayName, List.copyOf(user.roleSet()), List.copyOf(user.hallSet()));
        }
    }

    /** {@code GET /api/me}: who is logged in, and the teams whose orders they handle. */
    public record Me(String username, List<String> roles, List<String> halls, List<String> teams) {
    }
}

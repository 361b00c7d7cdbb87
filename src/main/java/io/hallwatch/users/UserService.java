package io.hallwatch.users;

import io.hallwatch.halls.HallService;
import io.hallwatch.platform.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;

/** Creates and lists the people who log in. */
@ApplicationScoped
@Transactional
public class UserService {

    @Inject
    HallService halls;
    @Inject
    Clock clock;
    @Inject
    PasswordLogin logins;

    public UserApi.UserView create(UserApi.CreateUser body) {
        if (PasswordLogin.ADMIN.equals(body.username()) || AppUser.findById(body.username()) != null) {
            throw ProblemException.conflict("user " + body.username() + " already exists");
        }
        AppUser user = new AppUser();
        user.username = body.username();
        user.createdAt = clock.instant();
        apply(user, new UserApi.UpdateUser(body.name(), body.password(), body.roles(), body.halls()));
        user.persist();
        return UserApi.UserView.of(user);
    }

    public UserApi.UserView replace(String username, UserApi.UpdateUser body) {
        AppUser user = require(username);
        apply(user, body);
        return UserApi.UserView.of(user);
    }

    /** Removes a person: their logins stop working at once (HTTP and the broker's new connections). */
    public void delete(String username) {
        require(username).delete();
        logins.forget(username);
    }

    private static AppUser require(String username) {
        AppUser user = AppUser.findById(username);
        if (user == null) {
            throw ProblemException.notFound("user " + username + " does not exist");
        }
        return user;
    }

    private void apply(AppUser user, UserApi.UpdateUser body) {
        for (String role : body.roles()) {
            if (!Caller.ROLES.contains(role)) {
                throw ProblemException.badRequest("roles: " + role + " is not one of " + Caller.ROLES);
            }
        }
        if (body.roles().contains(Caller.ADMIN) && !body.halls().equals(List.of(Caller.ALL_HALLS))) {
            throw ProblemException.badRequest("an admin works for every hall: halls must be [\"*\"]");
        }
        for (String hall : body.halls()) {
            if (!Caller.ALL_HALLS.equals(hall)) {
                halls.require(hall);
            }
        }
        user.displayName = body.name();
        if (body.password() != null) {
            user.passwordHash = Passwords.hash(body.password());
        }
        user.roles = String.join(",", body.roles());
        user.halls = String.join(",", body.halls());
        user.updatedAt = clock.instant();
        logins.forget(user.username);
    }

    public List<UserApi.UserView> list() {
        return AppUser.<AppUser>listAll().stream().map(UserApi.UserView::of).toList();
    }
}

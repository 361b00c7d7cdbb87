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
        for (String role : body.roles()) {
            if (!Caller.ROLES.contains(role)) {
                throw ProblemException.badRequest("roles: " + role + " is not one of " + Caller.ROLES);
            }
        }
        for (String hall : body.halls()) {
            if (!Caller.ALL_HALLS.equals(hall)) {
                halls.require(hall);
            }
        }
        AppUser user = new AppUser();
        user.username = body.username();
        user.displayName = body.name();
        user.passwordHash = Passwords.hash(body.password());
        user.roles = String.join(",", body.roles());
        user.halls = String.join(",", body.halls());
        user.createdAt = clock.instant();
        user.updatedAt = user.createdAt;
        user.persist();
        logins.forget(user.username);
        return UserApi.UserView.of(user);
    }

    public List<UserApi.UserView> list() {
        return AppUser.<AppUser>listAll().stream().map(UserApi.UserView::of).toList();
    }
}

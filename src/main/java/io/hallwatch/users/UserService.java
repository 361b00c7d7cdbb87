package io.hallwatch.users;

import io.hallwatch.audit.AuditLog;
import io.hallwatch.audit.Changes;
import io.hallwatch.halls.HallService;
import io.hallwatch.halls.Staff;
import io.hallwatch.platform.ProblemException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Adds, changes, lists and removes the people who log in, and sets their passwords. Every password
 * set here (on create, update, reset and change) must pass {@link PasswordRules}; every change ends
 * what {@link PasswordLogin} remembered of the person at once.
 */
@ApplicationScoped
@Transactional
public class UserService {

    @Inject
    HallService halls;
    @Inject
    Clock clock;
    @Inject
    PasswordLogin logins;
    @Inject
    AuditLog audit;
    @Inject
    LoginGuard guard;
    @Inject
    Event<PersonChanged> changed;

    /**
     * Fired when a person's halls, roles or password changed or they were removed; observed after the
     * commit, to end what they were let in to before (their live broker connections).
     */
    public record PersonChanged(String username) {
    }

    public UserApi.UserView create(UserApi.CreateUser body) {
        if (PasswordLogin.ADMIN.equals(body.username()) || AppUser.findById(body.username()) != null) {
            throw ProblemException.conflict("user " + body.username() + " already exists");
        }
        AppUser user = new AppUser();
        user.username = body.username();
        user.createdAt = clock.instant();
        apply(user, new UserApi.UpdateUser(body.name(), body.password(), body.roles(), body.halls(), body.staffId()));
        user.persist();
        audit.record("user.create", null, user.username, Changes.created(UserApi.UserView.of(user)));
        return UserApi.UserView.of(user);
    }

    public UserApi.UserView replace(String username, UserApi.UpdateUser body) {
        AppUser user = require(username);
        UserApi.UserView before = UserApi.UserView.of(user);
        apply(user, body);
        audit.record("user.update", null, username, Changes.between(before, UserApi.UserView.of(user)));
        if (body.password() != null) {
            audit.record("user.password", null, username, Changes.of("reset", !username.equals(audit.actor())));
        }
        changed.fire(new PersonChanged(username));
        return UserApi.UserView.of(user);
    }

    /** Removes a person: their logins stop working at once (HTTP and the broker's new connections). */
    public void delete(String username) {
        require(username).delete();
        audit.record("user.delete", null, username, null);
        logins.forget(username);
        changed.fire(new PersonChanged(username));
    }

    public List<UserApi.UserView> list() {
        return AppUser.<AppUser>listAll().stream().map(UserApi.UserView::of).toList();
    }

    /** An administrator sets a person's password, for one who forgot theirs. */
    public void resetPassword(String username, String password) {
        AppUser user = require(username);
        setPassword(user, password);
        audit.record("user.password", null, username, Changes.of("reset", true));
        changed.fire(new PersonChanged(username));
    }

    /**
     * The caller changes their own password, giving the current one. A wrong current password counts
     * towards the caller's lock and is audited like a refused login, or a stolen session could guess it
     * without limit; a caller who came in by single sign-on has no password here, even when a local
     * account of the same name exists.
     *
     * @param address the client's address, for the failure limit per address
     */
    public void changePassword(SecurityIdentity caller, UserApi.ChangePassword body, String address) {
        String username = caller.getPrincipal().getName();
        AppUser user = singleSignOn(caller) ? null : AppUser.findById(username);
        if (user == null) {
            throw ProblemException.conflict(PasswordLogin.ADMIN.equals(username) && !singleSignOn(caller)
                    ? "the admin password is set by HALLWATCH_ADMIN_PASSWORD (or <data-dir>/admin-password), not here"
                    : "your password is kept by your single sign-on (OpenID Connect) provider; change it there");
        }
        guard.beforeRecheck(username, address);
        if (!Passwords.matches(body.current(), user.passwordHash)) {
            guard.failedRecheck(username, address);
            throw ProblemException.badRequest("current is not your password (当前密码不正确)");
        }
        guard.passedRecheck(username);
        if (body.current().equals(body.password())) {
            throw ProblemException.badRequest("password must differ from the current one (新密码不能与当前密码相同)");
        }
        setPassword(user, body.password());
        audit.record("user.password", null, username, Changes.of("reset", false));
        changed.fire(new PersonChanged(username));
    }

    private static boolean singleSignOn(SecurityIdentity caller) {
        return caller.getPrincipal() instanceof JsonWebToken;
    }

    private AppUser require(String username) {
        AppUser user = AppUser.findById(username);
        if (user == null) {
            throw PasswordLogin.ADMIN.equals(username)
                    ? ProblemException.conflict("the admin account is not stored here: its password is HALLWATCH_ADMIN_PASSWORD")
                    : ProblemException.notFound("user " + username + " does not exist");
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
        checkStaff(body);
        user.displayName = body.name();
        if (body.password() != null) {
            setPassword(user, body.password());
        }
        user.roles = String.join(",", body.roles());
        user.halls = String.join(",", body.halls());
        user.staffId = body.staffId();
        user.updatedAt = clock.instant();
        logins.forget(user.username);
    }

    /** A person with the role staff is one staff member, of one of their halls; nobody else is. */
    private static void checkStaff(UserApi.UpdateUser body) {
        boolean staffRole = body.roles().contains(Caller.STAFF_ROLE);
        if (!staffRole && body.staffId() != null) {
            throw ProblemException.badRequest("staffId: only a person with the role staff is a staff member");
        }
        if (!staffRole) {
            return;
        }
        if (body.staffId() == null) {
            throw ProblemException.badRequest("staffId: the role staff needs the staff member (of /api/staff) the person is");
        }
        Staff staff = Staff.findById(body.staffId());
        if (staff == null) {
            throw ProblemException.badRequest("staffId: staff member '" + body.staffId() + "' does not exist");
        }
        if (!body.halls().contains(Caller.ALL_HALLS) && !body.halls().contains(staff.hallId)) {
            throw ProblemException.badRequest("staffId: staff member '" + body.staffId() + "' works in hall '"
                    + staff.hallId + "', which is not among halls");
        }
    }

    private void setPassword(AppUser user, String password) {
        PasswordRules.problem(user.username, password).ifPresent(problem -> {
            throw ProblemException.badRequest(problem);
        });
        user.passwordHash = Passwords.hash(password);
        user.passwordChangedAt = clock.instant();
        user.updatedAt = user.passwordChangedAt;
        logins.forget(user.username);
    }
}

package io.hallwatch.users;

import io.hallwatch.workorders.Team;
import io.quarkus.security.identity.SecurityIdentity;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

/**
 * The person behind a request: their roles, the halls they work for ({@code *} for all), the staff
 * member they are (role {@code staff} only), and which teams' work orders they handle. Administrators
 * and hall managers handle every team's orders, the cleaning crew the cleaning team's, ops staff the
 * ops team's; window staff and auditors none. HTTP Basic and OpenID Connect logins both carry these
 * facts on the identity, as its roles and the attributes {@link #HALLS} and {@link #STAFF}.
 */
public record Caller(String username, Set<String> roles, Set<String> halls, String staffId) {

    /** The identity attribute holding the caller's hall ids. */
    public static final String HALLS = "hallwatch.halls";
    /** The identity attribute holding the staff id of a person with the role {@code staff}. */
    public static final String STAFF = "hallwatch.staff";
    public static final String ALL_HALLS = "*";

    public static final String ADMIN = "admin";
    public static final String MANAGER = "manager";
    public static final String OPS = "ops";
    public static final String CLEANING = "cleaning";
    public static final String STAFF_ROLE = "staff";
    public static final String AUDITOR = "auditor";
    public static final Set<String> ROLES = Set.of(ADMIN, MANAGER, OPS, CLEANING, STAFF_ROLE, AUDITOR);

    public Caller(String username, Set<String> roles, Set<String> halls) {
        this(username, roles, halls, null);
    }

    /** The {@code admin} account: every hall, every team. */
    public static Caller admin() {
        return new Caller(ADMIN, Set.of(ADMIN), Set.of(ALL_HALLS));
    }

    static Caller of(AppUser user) {
        return new Caller(user.username, Set.copyOf(user.roleSet()), Set.copyOf(user.hallSet()), user.staffId);
    }

    @SuppressWarnings("unchecked")
    public static Caller of(SecurityIdentity identity) {
        Object halls = identity.getAttribute(HALLS);
        Object staff = identity.getAttribute(STAFF);
        return new Caller(identity.getPrincipal().getName(), Set.copyOf(identity.getRoles()),
                halls instanceof Set<?> ? Set.copyOf((Set<String>) halls) : Set.of(),
                staff instanceof String ? (String) staff : null);
    }

    public boolean allHalls() {
        return halls.contains(ALL_HALLS);
    }

    public boolean worksIn(String hall) {
        return allHalls() || halls.contains(hall);
    }

    /** Whether the caller has at least one of {@code wanted}. */
    public boolean hasAny(String... wanted) {
        return Arrays.stream(wanted).anyMatch(roles::contains);
    }

    public Set<Team> teams() {
        if (hasAny(ADMIN, MANAGER)) {
            return EnumSet.allOf(Team.class);
        }
        Set<Team> teams = EnumSet.noneOf(Team.class);
        if (roles.contains(CLEANING)) {
            teams.add(Team.CLEANING);
        }
        if (roles.contains(OPS)) {
            teams.add(Team.OPS);
        }
        return teams;
    }

    public boolean handles(String hall, Team team) {
        return worksIn(hall) && teams().contains(team);
    }

    /**
     * Whether the caller may subscribe to {@code filter} on the broker: alerts of their halls and teams
     * ({@code hallwatch/v1/<hall>/alerts/<team>}, or {@code +}/{@code #} for the team when they handle
     * every team, or {@code +} for the hall when they work for every hall).
     */
    public boolean mayReadAlerts(String filter) {
        String[] parts = filter.split("/", -1);
        if (parts.length != 5 || !"hallwatch".equals(parts[0]) || !"v1".equals(parts[1]) || !"alerts".equals(parts[3])) {
            return false;
        }
        boolean hall = "+".equals(parts[2]) ? allHalls() : !parts[2].contains("#") && worksIn(parts[2]);
        boolean team = "+".equals(parts[4]) || "#".equals(parts[4]) ? teams().size() == Team.values().length
                : Team.fromWire(parts[4]).map(teams()::contains).orElse(false);
        return hall && team;
    }

    /** How the caller appears in an order's history. */
    public String actor() {
        return "user:" + username;
    }
}

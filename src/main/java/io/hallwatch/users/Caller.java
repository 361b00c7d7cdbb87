package io.hallwatch.users;

import io.hallwatch.workorders.Team;
import io.quarkus.security.identity.SecurityIdentity;
import java.util.EnumSet;
import java.util.Set;

/**
 * The person behind a request, as far as work orders are concerned: which halls they work for
 * ({@code *} for all) and which teams' orders they handle. Administrators and hall managers handle
 * every team's orders, the cleaning crew the cleaning team's, ops staff the ops team's.
 */
public record Caller(String username, Set<String> roles, Set<String> halls) {

    /** The identity attribute holding the caller's hall ids. */
    public static final String HALLS = "hallwatch.halls";
    public static final String ALL_HALLS = "*";

    public static final String ADMIN = "admin";
    public static final String MANAGER = "manager";
    public static final String OPS = "ops";
    public static final String CLEANING = "cleaning";
    public static final Set<String> ROLES = Set.of(ADMIN, MANAGER, OPS, CLEANING);

    /** The {@code admin} account: every hall, every team. */
    public static Caller admin() {
        return new Caller(ADMIN, Set.of(ADMIN), Set.of(ALL_HALLS));
    }

    static Caller of(AppUser user) {
        return new Caller(user.username, Set.copyOf(user.roleSet()), Set.copyOf(user.hallSet()));
    }

    @SuppressWarnings("unchecked")
    public static Caller of(SecurityIdentity identity) {
        Object halls = identity.getAttribute(HALLS);
        return new Caller(identity.getPrincipal().getName(), Set.copyOf(identity.getRoles()),
                halls instanceof Set<?> set ? (Set<String>) set : Set.of());
    }

    public boolean allHalls() {
        return halls.contains(ALL_HALLS);
    }

    public boolean worksIn(String hall) {
        return allHalls() || halls.contains(hall);
    }

    public Set<Team> teams() {
        if (roles.contains(ADMIN) || roles.contains(MANAGER)) {
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

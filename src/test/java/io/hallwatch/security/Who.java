package io.hallwatch.security;

/**
 * The callers of the role matrix: one person per role working for hall A only (the admin and a second
 * ops person for every hall), and nobody (no credentials).
 */
enum Who {
    ADMIN("admin", true),
    OPS("ops", false),
    OPS_EVERY_HALL("ops", true),
    MANAGER("manager", false),
    CLEANING("cleaning", false),
    STAFF("staff", false),
    AUDITOR("auditor", false),
    ANONYMOUS(null, false);

    final String role;
    final boolean everyHall;

    Who(String role, boolean everyHall) {
        this.role = role;
        this.everyHall = everyHall;
    }
}

package io.hallwatch.users;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A person who logs in: the cleaning crew, ops staff, hall managers, window staff, auditors and
 * administrators. The password is kept only as a {@link Passwords} hash; roles and halls are
 * comma-separated, {@code *} being every hall. {@code staffId} links a person with the role
 * {@code staff} to their entry in {@code /api/staff}, whose attendance is the only one they see.
 */
@Entity
@Table(name = "app_user")
public class AppUser extends PanacheEntityBase {

    @Id
    public String username;
    @Column(name = "display_name")
    public String displayName;
    @Column(name = "password_hash")
    public String passwordHash;
    public String roles;
    public String halls;
    @Column(name = "staff_id")
    public String staffId;
    @Column(name = "password_changed_at")
    public Instant passwordChangedAt;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;

    public Set<String> roleSet() {
        return split(roles);
    }

    public Set<String> hallSet() {
        return split(halls);
    }

    static Set<String> split(String csv) {
        Set<String> values = new LinkedHashSet<>();
        Arrays.stream(csv.split(",")).map(String::trim).filter(s -> !s.isEmpty()).forEach(values::add);
        return values;
    }
}

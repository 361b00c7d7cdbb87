package io.hallwatch.notify;

import io.hallwatch.workorders.Team;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;

/**
 * A place a hall's team hears of its work orders: a WeCom, DingTalk or Feishu group robot, or a
 * webhook. The URL and secret are sealed ({@link SecretBox}); {@code urlHint} is what may be shown.
 */
@Entity
@Table(name = "notify_channel")
public class Channel extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "hall_id")
    public String hallId;
    @Enumerated(EnumType.STRING)
    public Team team;
    @Enumerated(EnumType.STRING)
    public ChannelKind kind;
    public String name;
    @Column(name = "url_sealed")
    public String urlSealed;
    @Column(name = "url_hint")
    public String urlHint;
    @Column(name = "secret_sealed")
    public String secretSealed;
    public boolean markdown;
    @Column(name = "per_minute")
    public int perMinute;
    public boolean enabled;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;

    public static List<Channel> enabledFor(String hallId, Team team) {
        return list("hallId = ?1 and team = ?2 and enabled = true order by id", hallId, team);
    }
}

package io.hallwatch.notify;

import io.hallwatch.audit.AuditLog;
import io.hallwatch.audit.Changes;
import io.hallwatch.halls.Hall;
import io.hallwatch.halls.HallService;
import io.hallwatch.notify.ChannelApi.ChannelSettings;
import io.hallwatch.notify.ChannelApi.ChannelView;
import io.hallwatch.notify.send.Endpoint;
import io.hallwatch.notify.send.SendResult;
import io.hallwatch.notify.send.Senders;
import io.hallwatch.platform.ProblemException;
import io.hallwatch.workorders.Team;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Adds, changes and removes a hall's notification channels. URLs and secrets are sealed before they
 * are stored and never shown again. Switching a channel off or removing it cancels what still waited
 * for it; changing it tries its recent failures again.
 */
@ApplicationScoped
public class ChannelService {

    @Inject
    HallService halls;
    @Inject
    SecretBox box;
    @Inject
    Clock clock;
    @Inject
    Deliveries deliveries;
    @Inject
    Senders senders;
    @Inject
    NotifyConfig config;
    @Inject
    AuditLog audit;

    @Transactional
    public List<ChannelView> list(String hallId) {
        halls.require(hallId);
        return Channel.<Channel>list("hallId = ?1 order by id", hallId).stream().map(ChannelView::of).toList();
    }

    @Transactional
    public ChannelView get(String hallId, long id) {
        return ChannelView.of(require(hallId, id));
    }

    @Transactional
    public ChannelView create(String hallId, ChannelSettings settings) {
        halls.require(hallId);
        if (settings.url() == null) {
            throw ProblemException.badRequest("url is required");
        }
        Channel channel = new Channel();
        channel.hallId = hallId;
        channel.createdAt = clock.instant();
        apply(channel, settings);
        channel.persist();
        audit.record("channel.create", hallId, String.valueOf(channel.id), Changes.created(ChannelView.of(channel)));
        return ChannelView.of(channel);
    }

    @Transactional
    public ChannelView replace(String hallId, long id, ChannelSettings settings) {
        Channel channel = require(hallId, id);
        ChannelView before = ChannelView.of(channel);
        apply(channel, settings);
        audit.record("channel.update", hallId, String.valueOf(id), Changes.between(before, ChannelView.of(channel))
                .with("url", Changes.replaced(settings.url())).with("secret", Changes.replaced(settings.secret())));
        if (!channel.enabled) {
            deliveries.cancel(channel.id, "the channel was switched off");
        } else if (settings.url() != null || settings.secret() != null) {
            deliveries.retryFailed(channel.id);
        }
        return ChannelView.of(channel);
    }

    @Transactional
    public void delete(String hallId, long id) {
        Channel channel = require(hallId, id);
        deliveries.cancel(channel.id, "the channel was removed");
        channel.delete();
        audit.record("channel.delete", hallId, String.valueOf(id), Changes.deleted(ChannelView.of(channel)));
    }

    /** Sends a test message now, outside the outbox, and says what the channel answered. */
    public ChannelApi.TestResult test(String hallId, long id) {
        record Prepared(Endpoint endpoint, AlertText text) {
        }
        Prepared prepared = QuarkusTransaction.requiringNew().call(() -> {
            Channel channel = require(hallId, id);
            Endpoint endpoint = new Endpoint(channel.kind, URI.create(box.open(channel.urlSealed)),
                    channel.secretSealed == null ? null : box.open(channel.secretSealed), channel.markdown);
            return new Prepared(endpoint, new AlertText(Hall.findById(hallId), config.publicUrl()));
        });
        SendResult result = senders.send(prepared.endpoint(), prepared.text().test("hallwatch-test-" + id));
        return new ChannelApi.TestResult(result.status().name(), result.detail());
    }

    private Channel require(String hallId, long id) {
        halls.require(hallId);
        Channel channel = Channel.findById(id);
        if (channel == null || !channel.hallId.equals(hallId)) {
            throw ProblemException.notFound("channel " + id + " does not exist in hall " + hallId);
        }
        return channel;
    }

    private void apply(Channel channel, ChannelSettings settings) {
        int limit = settings.kind().maxPerMinute();
        if (settings.perMinute() != null && settings.perMinute() > limit) {
            throw ProblemException.badRequest("perMinute must not exceed " + limit + " for " + settings.kind());
        }
        if (settings.url() != null) {
            URI url = url(settings.url());
            channel.urlSealed = box.seal(url.toString());
            channel.urlHint = url.getScheme() + "://" + url.getHost() + (url.getPort() > 0 ? ":" + url.getPort() : "") + "/…";
        }
        if (settings.secret() != null) {
            channel.secretSealed = settings.secret().isBlank() ? null : box.seal(settings.secret());
        }
        channel.team = Team.fromWire(settings.team()).orElseThrow();
        channel.kind = settings.kind();
        channel.name = settings.name();
        channel.markdown = Boolean.TRUE.equals(settings.markdown());
        channel.perMinute = Objects.requireNonNullElse(settings.perMinute(), limit);
        channel.enabled = !Boolean.FALSE.equals(settings.enabled());
        channel.updatedAt = clock.instant();
    }

    private static URI url(String text) {
        try {
            URI url = new URI(text.trim());
            String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("https") || scheme.equals("http")) || url.getHost() == null) {
                throw ProblemException.badRequest("url must be an http or https address with a host");
            }
            return url;
        } catch (URISyntaxException e) {
            throw ProblemException.badRequest("url is not a valid address: " + e.getReason());
        }
    }
}

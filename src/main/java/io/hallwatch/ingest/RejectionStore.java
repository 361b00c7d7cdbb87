package io.hallwatch.ingest;

import io.hallwatch.devices.Device;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Keeps rejected messages for inspection, the newest {@code hallwatch.ingest.rejections-kept} of them,
 * each under the hall whose ops should see it (see {@link #hallOf}).
 */
@ApplicationScoped
public class RejectionStore {

    static final int MAX_STORED_CHARS = 4096;

    @Inject
    IngestConfig config;

    @Transactional
    public void record(InboundMessage message, Optional<DeviceTopic> topic, RejectionReason reason, String detail) {
        IngestRejection rejection = new IngestRejection();
        rejection.receivedAt = message.receivedAt();
        rejection.topic = truncate(withoutNul(message.topic()), 600);
        rejection.hallId = topic.map(RejectionStore::hallOf).orElse(null);
        rejection.deviceId = topic.map(DeviceTopic::device).orElse(null);
        rejection.reason = reason;
        rejection.detail = truncate(withoutNul(detail), 600);
        rejection.payload = printable(message.payload());
        rejection.payloadBytes = message.payload().length;
        rejection.persist();
    }

    /**
     * The hall whose ops see the rejection: that of the device, when the registry knows it (revoked or
     * not), since a device publishing under another hall's topic is its own hall's problem and its id
     * and payload are not the other hall's business; else the hall the topic names.
     */
    private static String hallOf(DeviceTopic topic) {
        Device device = Device.findById(topic.device());
        return device == null ? topic.hall() : device.hallId;
    }

    /** Newest first, filtered by whichever of hall, device and reason are given. */
    @Transactional
    public List<IngestRejection> find(String hall, String device, RejectionReason reason, int limit) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (hall != null) {
            where.add("hallId = :hall");
            params.and("hall", hall);
        }
        if (device != null) {
            where.add("deviceId = :device");
            params.and("device", device);
        }
        if (reason != null) {
            where.add("reason = :reason");
            params.and("reason", reason);
        }
        Sort newest = Sort.descending("id");
        return (where.isEmpty() ? IngestRejection.<IngestRejection>findAll(newest)
                : IngestRejection.<IngestRejection>find(String.join(" and ", where), newest, params))
                .page(Page.ofSize(limit)).list();
    }

    @Scheduled(every = "5m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void prune() {
        pruneTo(config.rejectionsKept());
    }

    /** Deletes all but the newest {@code kept} rejections; returns how many it deleted. */
    @Transactional
    public long pruneTo(int kept) {
        Long newest = IngestRejection.getEntityManager()
                .createQuery("select max(r.id) from IngestRejection r", Long.class).getSingleResult();
        return newest == null || newest <= kept ? 0 : IngestRejection.delete("id <= ?1", newest - kept);
    }

    /** The payload as text, invalid UTF-8 replaced, cut to what the column holds. */
    private static String printable(byte[] payload) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE)
                    .decode(ByteBuffer.wrap(payload)).toString();
            return truncate(withoutNul(text), MAX_STORED_CHARS);
        } catch (java.nio.charset.CharacterCodingException e) {
            return "";
        }
    }

    /** PostgreSQL text cannot hold U+0000; show it as U+2400 (SYMBOL FOR NULL) instead. */
    static String withoutNul(String text) {
        return text == null ? null : text.replace('\u0000', '\u2400');
    }

    private static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}

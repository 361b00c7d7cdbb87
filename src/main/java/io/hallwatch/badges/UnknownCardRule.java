package io.hallwatch.badges;

import io.hallwatch.workorders.OrderCommand;
import io.hallwatch.workorders.OrderCommand.Note;
import io.hallwatch.workorders.OrderCommand.Open;
import io.hallwatch.workorders.Text;
import io.hallwatch.workorders.WorkOrderType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * UNKNOWN_CARD for a badge reader: a card no staff member holds opens an order with the reader's
 * device id as subject, for ops, with the card UID and tap time. Another unknown card at the same
 * reader while that order is open adds a note and joins the order's {@code cards}; the same card
 * again changes nothing. People resolve the order; the rule never does. Plain Java.
 */
public final class UnknownCardRule {

    private final String device;
    private final String zone;

    /** Most card UIDs an order lists. */
    static final int MAX_CARDS = 20;

    /** {@code zone}: where the reader is, for people; may be null. */
    public UnknownCardRule(String device, String zone) {
        this.device = device;
        this.zone = zone;
    }

    /** {@code openCards}: the cards of the reader's open order, or null when none is open. */
    public List<OrderCommand> tap(String card, Instant ts, List<String> openCards) {
        if (openCards == null) {
            return List.of(open(card, ts));
        }
        if (openCards.contains(card)) {
            return List.of();
        }
        List<String> cards = new ArrayList<>(openCards);
        cards.add(card);
        // The newest few are enough to act on, and keep the order's details within their column.
        if (cards.size() > MAX_CARDS) {
            cards = new ArrayList<>(cards.subList(cards.size() - MAX_CARDS, cards.size()));
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("cards", cards);
        details.put("lastCard", card);
        details.put("lastTappedAt", ts.toString());
        Text reason = new Text(reader() + "又读到未登记的卡 " + card, readerEn() + " read another unregistered card " + card);
        return List.of(new Note(WorkOrderType.UNKNOWN_CARD, device, ts, reason, details, actor()));
    }

    private Open open(String card, Instant ts) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("device", device);
        details.put("zone", zone);
        details.put("card", card);
        details.put("tappedAt", ts.toString());
        details.put("cards", List.of(card));
        Text summary = new Text(reader() + "读到未登记的卡 " + card, readerEn() + " read an unregistered card " + card);
        return new Open(WorkOrderType.UNKNOWN_CARD, device, ts, ts, WorkOrderType.UNKNOWN_CARD.defaultSeverity(), summary,
                details, actor());
    }

    private String reader() {
        return "读卡器 " + device + (zone == null ? "" : "（" + zone + "）");
    }

    private String readerEn() {
        return "Badge reader " + device + (zone == null ? "" : " (" + zone + ")");
    }

    private String actor() {
        return "rule:UNKNOWN_CARD sensor:" + device;
    }
}

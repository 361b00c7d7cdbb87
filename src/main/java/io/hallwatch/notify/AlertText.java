package io.hallwatch.notify;

import io.hallwatch.halls.Hall;
import io.hallwatch.notify.send.Outgoing;
import io.hallwatch.platform.Json;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The words of a notification, in the hall's language: which hall, where, what is wrong, since when,
 * how urgent, and a link to the order on the crew page. A bundle names each order on a line
 * ("3 bins need emptying: ..."). Plain Java, no I/O: the payloads are the outbox rows'.
 */
public final class AlertText {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final Map<String, String[]> TYPES = Map.of(
            "OFF_POST", new String[] {"窗口离岗", "Window off post"},
            "SIGN_FAULT", new String[] {"显示屏故障", "Sign fault"},
            "SIGN_OFFLINE", new String[] {"显示屏离线", "Sign offline"},
            "SIGN_MISMATCH", new String[] {"暂停服务牌与窗口不符", "Sign does not match the window"},
            "BIN_FULL", new String[] {"垃圾桶需清理", "Bin needs emptying"},
            "BIN_NOT_EMPTIED", new String[] {"垃圾桶今日未清理", "Bin not emptied today"},
            "SENSOR_OFFLINE", new String[] {"传感器离线", "Sensor offline"},
            "BATTERY_LOW", new String[] {"传感器电量低", "Sensor battery low"},
            "ATTENDANCE", new String[] {"考勤异常", "Attendance"},
            "UNKNOWN_CARD", new String[] {"未登记工卡", "Unknown card"});
    private static final Map<String, String[]> EVENTS = Map.of(
            "opened", new String[] {"新工单", "New work order"},
            "escalated", new String[] {"工单升级", "Work order escalated"},
            "resolved", new String[] {"工单已关闭", "Work order closed"});
    private static final Map<String, String[]> SEVERITIES = Map.of(
            "LOW", new String[] {"低", "low"}, "MEDIUM", new String[] {"中", "medium"},
            "HIGH", new String[] {"高", "high"}, "CRITICAL", new String[] {"紧急", "critical"});

    private final Hall hall;
    private final String publicUrl;
    private final boolean en;
    private final ZoneId zone;

    public AlertText(Hall hall, String publicUrl) {
        this.hall = hall;
        this.publicUrl = publicUrl.replaceAll("/+$", "");
        this.en = "en".equals(hall.language);
        this.zone = hall.zone();
    }

    /** One order's message; {@code deliveryId} stays the same across retries. */
    public Outgoing single(String payload, String deliveryId) {
        Map<String, Object> o = Json.read(payload, LinkedHashMap.class);
        String title = pick(EVENTS, str(o, "event")) + " · " + hall.name;
        String link = link(o);
        String text = "【" + title + "】\n" + String.join("\n", lines(o, s -> s)) + "\n" + link;
        String markdown = "**" + markdown(title) + "**\n\n" + String.join("\n\n", lines(o, AlertText::markdown))
                + "\n\n[" + (en ? "Open the order" : "查看工单") + "](" + link + ")";
        return new Outgoing(title, text, markdown, payload, deliveryId);
    }

    /**
     * How many of the first {@code payloads} (at most {@code max}, at least one) make a bundle whose
     * text and markdown both stay within {@code maxBytes} UTF-8 bytes: a channel cuts longer messages,
     * and an order cut off would be lost.
     */
    public int bundleSize(List<String> payloads, int max, int maxBytes) {
        int n = Math.min(max, payloads.size());
        while (n > 1) {
            Outgoing bundle = bundle(payloads.subList(0, n), "size-check");
            if (utf8(bundle.text()) <= maxBytes && utf8(bundle.markdown()) <= maxBytes) {
                break;
            }
            n--;
        }
        return Math.max(1, n);
    }

    /** Several orders in one message, for a channel at its rate limit. */
    public Outgoing bundle(List<String> payloads, String deliveryId) {
        List<Map<String, Object>> orders = new ArrayList<>();
        payloads.forEach(p -> orders.add(Json.read(p, LinkedHashMap.class)));
        String title = bundleTitle(orders) + " · " + hall.name;
        List<String> items = new ArrayList<>();
        List<String> markdownItems = new ArrayList<>();
        for (Map<String, Object> o : orders) {
            String item = pick(EVENTS, str(o, "event")) + " | " + str(o, "place") + ": " + str(o, "summary");
            items.add("- " + item);
            markdownItems.add("- " + markdown(item));
        }
        String link = publicUrl + "/crew/";
        String text = "【" + title + "】\n" + String.join("\n", items) + "\n" + link;
        String markdown = "**" + markdown(title) + "**\n\n" + String.join("\n", markdownItems) + "\n\n["
                + (en ? "Open the crew page" : "打开工单页") + "](" + link + ")";
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("event", "bundle");
        json.put("count", orders.size());
        json.put("orders", orders);
        return new Outgoing(title, text, markdown, Json.write(json), deliveryId);
    }

    /** A message that only shows the channel works. */
    public Outgoing test(String deliveryId) {
        String title = en ? "HallWatch test message · " + hall.name : "HallWatch 测试消息 · " + hall.name;
        String text = en ? "This channel will receive the work orders of " + hall.name + "."
                : "此群将收到" + hall.name + "的工单通知。";
        String json = Json.write(Map.of("event", "test", "hall", hall.id, "text", text));
        return new Outgoing(title, "【" + title + "】\n" + text, "**" + title + "**\n\n" + text, json, deliveryId);
    }

    /** The message's lines; {@code esc} escapes what people and devices wrote (place, summary, notes). */
    private List<String> lines(Map<String, Object> o, UnaryOperator<String> esc) {
        List<String> lines = new ArrayList<>();
        lines.add((en ? "Where: " : "地点：") + esc.apply(str(o, "place")));
        lines.add((en ? "What: " : "问题：") + pick(TYPES, str(o, "type")) + (en ? " - " : "，") + esc.apply(str(o, "summary")));
        Object since = o.get("conditionSince") != null ? o.get("conditionSince") : o.get("openedAt");
        if (since != null) {
            lines.add((en ? "Since: " : "开始于：") + WHEN.format(Instant.parse(since.toString()).atZone(zone)));
        }
        lines.add((en ? "Severity: " : "紧急程度：") + pick(SEVERITIES, str(o, "severity")));
        String event = str(o, "event");
        if (!"opened".equals(event) && o.get("reason") != null) {
            lines.add((en ? "Why: " : "说明：") + esc.apply(str(o, "reason")));
        }
        if ("resolved".equals(event)) {
            lines.add(o.get("resolvedBy") != null ? (en ? "Resolved by: " : "处理人：") + esc.apply(str(o, "resolvedBy"))
                    : en ? "Closed by the sensors" : "传感器确认已恢复");
        }
        return lines;
    }

    private String bundleTitle(List<Map<String, Object>> orders) {
        int n = orders.size();
        boolean binsOpened = orders.stream().allMatch(o -> "opened".equals(o.get("event"))
                && String.valueOf(o.get("type")).startsWith("BIN_"));
        if (binsOpened) {
            return en ? n + " bins need emptying" : n + " 个垃圾桶需要清理";
        }
        return en ? n + " work-order updates" : n + " 条工单通知";
    }

    /** Markdown with its markup characters escaped, so a note cannot make links or headings in a group chat. */
    static String markdown(String text) {
        return text.replaceAll("([\\\\`*_\\[\\]()#<>!|~])", "\\\\$1");
    }

    private static int utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    private String link(Map<String, Object> o) {
        return publicUrl + "/crew/#order-" + o.get("id");
    }

    private String pick(Map<String, String[]> words, String key) {
        String[] both = words.get(key);
        return both == null ? key : both[en ? 1 : 0];
    }

    private static String str(Map<String, Object> o, String key) {
        Object value = o.get(key);
        return value == null ? "" : value.toString();
    }
}

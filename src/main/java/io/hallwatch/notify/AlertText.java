package io.hallwatch.notify;

import io.hallwatch.halls.Hall;
import io.hallwatch.notify.send.Outgoing;
import io.hallwatch.platform.Json;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
        List<String> lines = lines(o);
        String link = link(o);
        String text = "【" + title + "】\n" + String.join("\n", lines) + "\n" + link;
        String markdown = "**" + title + "**\n\n" + String.join("\n\n", lines) + "\n\n[" + (en ? "Open the order" : "查看工单")
                + "](" + link + ")";
        return new Outgoing(title, text, markdown, payload, deliveryId);
    }

    /** Several orders in one message, for a channel at its rate limit. */
    public Outgoing bundle(List<String> payloads, String deliveryId) {
        List<Map<String, Object>> orders = new ArrayList<>();
        payloads.forEach(p -> orders.add(Json.read(p, LinkedHashMap.class)));
        String title = bundleTitle(orders) + " · " + hall.name;
        List<String> items = new ArrayList<>();
        for (Map<String, Object> o : orders) {
            items.add("- " + pick(EVENTS, str(o, "event")) + " | " + str(o, "place") + ": " + str(o, "summary"));
        }
        String link = publicUrl + "/crew/";
        String text = "【" + title + "】\n" + String.join("\n", items) + "\n" + link;
        String markdown = "**" + title + "**\n\n" + String.join("\n", items) + "\n\n[" + (en ? "Open the crew page" : "打开工单页")
                + "](" + link + ")";
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

    private List<String> lines(Map<String, Object> o) {
        List<String> lines = new ArrayList<>();
        lines.add((en ? "Where: " : "地点：") + str(o, "place"));
        lines.add((en ? "What: " : "问题：") + pick(TYPES, str(o, "type")) + (en ? " - " : "，") + str(o, "summary"));
        Object since = o.get("conditionSince") != null ? o.get("conditionSince") : o.get("openedAt");
        if (since != null) {
            lines.add((en ? "Since: " : "开始于：") + WHEN.format(Instant.parse(since.toString()).atZone(zone)));
        }
        lines.add((en ? "Severity: " : "紧急程度：") + pick(SEVERITIES, str(o, "severity")));
        String event = str(o, "event");
        if (!"opened".equals(event) && o.get("reason") != null) {
            lines.add((en ? "Why: " : "说明：") + o.get("reason"));
        }
        if ("resolved".equals(event)) {
            lines.add(o.get("resolvedBy") != null ? (en ? "Resolved by: " : "处理人：") + o.get("resolvedBy")
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

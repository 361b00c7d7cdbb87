package io.hallwatch.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallwatch.halls.Hall;
import io.hallwatch.notify.send.Outgoing;
import io.hallwatch.platform.Json;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The words of notifications: what a message says, and that bundles and notes cannot hurt a channel. */
class AlertTextTest {

    static Hall hall(String language) {
        Hall hall = new Hall();
        hall.id = "h1";
        hall.name = "东城便民服务中心";
        hall.timezone = "Asia/Shanghai";
        hall.language = language;
        return hall;
    }

    static String order(long id, String event, String summary, String reason) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("event", event);
        o.put("id", id);
        o.put("type", "BIN_FULL");
        o.put("severity", "MEDIUM");
        o.put("place", "一楼东侧入口等候区");
        o.put("summary", summary);
        o.put("conditionSince", "2026-11-25T02:03:00Z");
        if (reason != null) {
            o.put("reason", reason);
        }
        return Json.write(o);
    }

    @Test
    void aMessageNamesHallPlaceWhatSinceWhenInHallTimeAndLinksTheOrder() {
        Outgoing m = new AlertText(hall("zh"), "https://hall.example.org/").single(
                order(42, "opened", "垃圾桶已满71.5%，请及时清理", null), "d1");
        assertEquals("【新工单 · 东城便民服务中心】\n地点：一楼东侧入口等候区\n问题：垃圾桶需清理，垃圾桶已满71.5%，请及时清理\n"
                + "开始于：2026-11-25 10:03\n紧急程度：中\nhttps://hall.example.org/crew/#order-42", m.text());
    }

    @Test
    void aNoteCannotPlantALinkInAGroupChat() {
        Outgoing m = new AlertText(hall("en"), "http://localhost:8080").single(
                order(7, "resolved", "Bin full", "done [click here](https://evil.example)"), "d2");
        assertFalse(m.markdown().contains("[click here](https://evil.example)"), m.markdown());
        assertTrue(m.markdown().contains("\\[click here\\]\\(https://evil.example\\)"), m.markdown());
    }

    @Test
    void aBundleIsCutToWhatTheChannelTakesWholeSoNoOrderIsCutOff() {
        List<String> payloads = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            payloads.add(order(i, "opened", "一楼东侧入口等候区 垃圾桶已满71.5%（超过清理线66.7%），请及时清理 #" + i, null));
        }
        AlertText text = new AlertText(hall("zh"), "http://localhost:8080");
        int fits = text.bundleSize(payloads, 20, ChannelKind.WECOM.maxBytes(false));
        assertTrue(fits > 1 && fits < 20, "fits " + fits);
        Outgoing bundle = text.bundle(payloads.subList(0, fits), "b");
        assertTrue(bundle.text().getBytes(StandardCharsets.UTF_8).length <= 2048);
        assertTrue(bundle.text().contains("#" + fits + "\n"), "the last order is whole: " + bundle.text());
        Outgoing oneMore = text.bundle(payloads.subList(0, fits + 1), "b");
        assertTrue(Math.max(oneMore.text().getBytes(StandardCharsets.UTF_8).length,
                oneMore.markdown().getBytes(StandardCharsets.UTF_8).length) > 2048, "one more would not fit");
        assertEquals(20, text.bundleSize(payloads, 20, ChannelKind.WEBHOOK.maxBytes(false)));
    }
}

package io.hallwatch.timeseries;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hallwatch.support.DashboardQueries;
import io.hallwatch.support.DashboardQueries.PanelRun;
import io.hallwatch.support.DashboardQueries.Report;
import io.hallwatch.support.InfluxDb1;
import io.hallwatch.support.InfluxdAvailable;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/**
 * The Grafana provisioning and boards under {@code grafana/}: the files are well-formed and wired to
 * the provisioned data source, and every query of every board runs on a real InfluxDB 1.x loaded
 * with {@code timeseries/fixture.lp} (two halls, Friday 2025-03-14), naming only measurements, tags
 * and fields the schema of docs/influx-schema.md puts there, and returning data. What each query
 * returned is written to {@code target/grafana-board-queries.txt}.
 */
class GrafanaBoardsTest {

    static final Path GRAFANA = Path.of("grafana");
    static final Path BOARDS = GRAFANA.resolve("dashboards");
    static final Path DATASOURCE = GRAFANA.resolve("provisioning/datasources/hallwatch-influxdb.yaml");
    static final Set<String> PANEL_TYPES = Set.of("timeseries", "state-timeline", "stat", "table", "bargauge", "barchart", "row");

    /** The fixture day, mid-afternoon: windows staffed, vacant and paused, orders open. */
    static final Instant NOW = OffsetDateTime.parse("2025-03-14T16:50:00+08:00").toInstant();

    /** Panels that may return no series at {@link #NOW} with the fixture, and why. None so far. */
    static final Map<String, String> MAY_BE_EMPTY = Map.of();

    private static final ObjectMapper STRICT_JSON = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    @Test
    void everyYamlFileUnderGrafanaParses() throws IOException {
        List<Path> files = files(GRAFANA, ".yaml", ".yml");
        assertEquals(2, files.size(), files::toString);
        for (Path file : files) {
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                assertInstanceOf(Map.class, new Yaml().load(reader), file::toString);
            }
        }
    }

    @Test
    void theDataSourceIsInfluxQlWithATokenHeaderFromTheEnvironment() throws IOException {
        Map<String, Object> source = provisionedDataSource();
        assertEquals("hallwatch-influx", source.get("uid"));
        assertEquals("influxdb", source.get("type"));
        assertEquals("$INFLUX_URL", source.get("url"));
        assertEquals(Map.of("version", "InfluxQL", "dbName", "$INFLUX_BUCKET", "httpMode", "POST",
                "httpHeaderName1", "Authorization"), source.get("jsonData"));
        assertEquals(Map.of("httpHeaderValue1", "Token $INFLUX_READ_TOKEN"), source.get("secureJsonData"));
    }

    @Test
    void everyBoardIsValidJsonWithUniquePanelIdsOnTheProvisionedDataSource() throws IOException {
        String uid = (String) provisionedDataSource().get("uid");
        List<Path> files = files(BOARDS, ".json");
        assertEquals(7, files.size(), files::toString);
        Set<String> boardUids = new HashSet<>();
        for (Path file : files) {
            JsonNode board = STRICT_JSON.readTree(file.toFile());
            assertTrue(boardUids.add(board.path("uid").asText()), () -> "unique uid of " + file);
            assertEquals(39, board.path("schemaVersion").asInt(), () -> file + " schemaVersion");
            Set<Integer> ids = new HashSet<>();
            for (JsonNode panel : DashboardQueries.panels(board)) {
                String where = file.getFileName() + " › " + panel.path("title").asText();
                assertTrue(ids.add(panel.path("id").asInt(-1)), () -> "unique panel id in " + where);
                assertTrue(PANEL_TYPES.contains(panel.path("type").asText()), () -> "panel type of " + where);
                assertFalse(panel.path("description").asText().isBlank(), () -> "description of " + where);
                dataSources(panel).forEach(ds -> assertEquals(uid, ds, () -> "data source of " + where));
            }
            for (JsonNode variable : board.path("templating").path("list")) {
                String where = file.getFileName() + " › $" + variable.path("name").asText();
                dataSources(variable).forEach(ds -> assertEquals(uid, ds, () -> "data source of " + where));
            }
        }
    }

    /** Every query of every board against the fixture in a real InfluxDB 1.x. */
    @Nested
    @ExtendWith(InfluxdAvailable.class)
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class AgainstInfluxDb1 {

        static final String DATABASE = "grafana_boards";

        InfluxDb1 influx;
        Report report;

        @BeforeAll
        void loadTheFixtureAndRunEveryQuery() throws IOException {
            influx = InfluxDb1.shared();
            influx.dropDatabase(DATABASE);
            influx.createDatabase(DATABASE);
            influx.write(DATABASE, Files.readString(Path.of("src/test/resources/timeseries/fixture.lp")));
            report = DashboardQueries.load(BOARDS).run(influx, DATABASE, NOW);
            Files.createDirectories(Path.of("target"));
            Files.writeString(Path.of("target/grafana-board-queries.txt"), report.describe());
        }

        @AfterAll
        void dropTheDatabase() {
            influx.dropDatabase(DATABASE);
        }

        @Test
        void everyQueryRunsAndNamesOnlyWhatTheDatabaseHolds() {
            assertTrue(report.panels().size() > 70, () -> report.panels().size() + " panel queries");
            assertEquals(List.of(), report.problems(), () -> String.join("\n", report.problems()));
        }

        @Test
        void everyPanelReturnsSeries() {
            List<String> empty = new ArrayList<>();
            for (PanelRun run : report.panels()) {
                String key = run.board() + " › " + run.panel();
                if (run.series().isEmpty() && !MAY_BE_EMPTY.containsKey(key)) {
                    empty.add(run.where() + ": " + run.query());
                }
            }
            assertEquals(List.of(), empty, () -> "panels without data:\n" + String.join("\n", empty));
        }

        @Test
        void everyTemplateVariableHasValues() {
            assertEquals(7, report.variables().stream().filter(v -> v.variable().equals("hall")).count());
            for (DashboardQueries.VariableRun variable : report.variables()) {
                assertFalse(variable.values().isEmpty(), () -> variable.where() + " has no values: " + variable.query());
                if (variable.variable().equals("hall")) {
                    assertEquals(List.of("futian", "nanshan"), variable.values(), variable::where);
                }
            }
        }

        @Test
        void variablesAndMacrosAreRenderedAsGrafanaDoes() {
            PanelRun timeline = panel("Hall now (大厅实时)", "Window state (窗口状态)");
            long midnight = OffsetDateTime.parse("2025-03-14T00:00:00+08:00").toInstant().toEpochMilli();
            assertContains(timeline.query(), "\"hall\" =~ /^(futian|nanshan)$/",
                    "\"window\" =~ /^(W01|W02|W03)$/",
                    "time >= " + midnight + "ms and time <= " + NOW.toEpochMilli() + "ms");
            assertContains(panel("Signs and devices (标牌与设备)", "Sign state (标牌状态)").query(), "GROUP BY time(1m)");
            assertContains(panel("Off post (离岗)", "Minutes off post per day (每日离岗分钟)").query(), "tz('Asia/Shanghai')");
            long newYear = OffsetDateTime.parse("2025-01-01T00:00:00+08:00").toInstant().toEpochMilli();
            assertContains(panel("Attendance (考勤)", "Late or early, year to date (本年迟到早退)").query(),
                    "time >= " + newYear + "ms");
        }

        @Test
        void aQueryNamingAMissingMeasurementTagOrFieldIsReportedByPanelTitle(@TempDir Path dir) throws IOException {
            Files.writeString(dir.resolve("wrong.json"), """
                    {"title": "Wrong", "time": {"from": "now-1d", "to": "now"}, "panels": [
                      {"id": 1, "type": "stat", "title": "Typo in the measurement", "targets": [{"refId": "A", "rawQuery": true,
                        "query": "SELECT last(\\"fill\\") FROM \\"bin_fills\\" WHERE $timeFilter"}]},
                      {"id": 2, "type": "stat", "title": "A tag that is not there", "targets": [{"refId": "A", "rawQuery": true,
                        "query": "SELECT last(\\"fill\\") FROM \\"bin_fill\\" WHERE $timeFilter GROUP BY \\"window\\""}]},
                      {"id": 3, "type": "stat", "title": "A field of another measurement", "targets": [{"refId": "A", "rawQuery": true,
                        "query": "SELECT sum(\\"minutes\\") FROM (SELECT last(\\"fill\\") AS \\"fill\\" FROM \\"bin_fill\\" WHERE $timeFilter)"}]},
                      {"id": 4, "type": "stat", "title": "An undefined variable", "targets": [{"refId": "A", "rawQuery": true,
                        "query": "SELECT last(\\"fill\\") FROM \\"bin_fill\\" WHERE \\"hall\\" =~ /^$hal$/ AND $timeFilter"}]},
                      {"id": 5, "type": "stat", "title": "Fine", "targets": [{"refId": "A", "rawQuery": true,
                        "query": "SELECT last(\\"fill\\") FROM \\"bin_fill\\" WHERE $timeFilter GROUP BY \\"device\\""}]}]}
                    """);
            List<String> problems = DashboardQueries.load(dir).run(influx, DATABASE, NOW).problems();
            assertEquals(4, problems.size(), () -> String.join("\n", problems));
            assertStarts(problems.get(0), "Wrong › Typo in the measurement [A]: measurement \"bin_fills\" is not in the database");
            assertStarts(problems.get(1), "Wrong › A tag that is not there [A]: \"window\" is not a tag or field of bin_fill");
            assertStarts(problems.get(2), "Wrong › A field of another measurement [A]: \"minutes\" is not a column of the subquery");
            assertStarts(problems.get(3), "Wrong › An undefined variable [A]: variable $hal is not defined");
        }

        private PanelRun panel(String board, String title) {
            return report.panels().stream().filter(p -> p.board().equals(board) && p.panel().equals(title)).findFirst()
                    .orElseThrow(() -> new AssertionError("no panel " + board + " › " + title));
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> provisionedDataSource() throws IOException {
        try (Reader reader = Files.newBufferedReader(DATASOURCE, StandardCharsets.UTF_8)) {
            Map<String, Object> file = new Yaml().load(reader);
            List<Map<String, Object>> sources = (List<Map<String, Object>>) file.get("datasources");
            assertEquals(1, sources.size());
            return sources.get(0);
        }
    }

    private static void assertContains(String text, String... parts) {
        for (String part : parts) {
            assertTrue(text.contains(part), () -> "expected " + part + " in " + text);
        }
    }

    private static void assertStarts(String text, String start) {
        assertTrue(text.startsWith(start), () -> "expected " + text + " to start with " + start);
    }

    /** The uids of every data source a panel or variable names, its targets' included. */
    private static List<String> dataSources(JsonNode node) {
        List<String> uids = new ArrayList<>();
        if (node.has("datasource")) {
            uids.add(node.path("datasource").path("uid").asText("(none)"));
        }
        node.path("targets").forEach(target -> uids.addAll(dataSources(target)));
        return uids;
    }

    private static List<Path> files(Path dir, String... suffixes) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile)
                    .filter(f -> Stream.of(suffixes).anyMatch(s -> f.toString().endsWith(s))).sorted().toList();
        }
    }
}

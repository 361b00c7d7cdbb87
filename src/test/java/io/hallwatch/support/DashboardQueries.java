package io.hallwatch.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hallwatch.support.GrafanaMacros.Variable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Runs every query of the Grafana boards under a directory against an InfluxDB 1.x database, as
 * Grafana would at a given moment: each board's template variables first (in their order, every
 * variable on "All"), then each panel target with its time range (the board's, or the panel's
 * relative time), {@code $__interval}, and the variables rendered by {@link GrafanaMacros}. Each
 * rendered query is also checked against what the database holds ({@link InfluxSchema}): a
 * measurement, tag or field that is not there is a problem of that panel.
 *
 * <p>It knows nothing of any particular data: tests load what they like (a fixture, or what the
 * service wrote) and decide which empty results they accept.
 */
public final class DashboardQueries {

    /** The zone of {@code now/d} and the like when none is given: the halls' own. */
    public static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Shanghai");

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A dashboard file and its parsed JSON. */
    public record Board(Path file, JsonNode json) {

        public String title() {
            return json.path("title").asText(file.getFileName().toString());
        }
    }

    /** One series of a result: measurement, tags (when grouped), columns and how many rows. */
    public record Series(String name, Map<String, String> tags, List<String> columns, int rows) {
    }

    /** One panel target as it ran: the rendered query, its series, and its problems (empty when none). */
    public record PanelRun(String board, String panel, String refId, String query, List<Series> series,
                           List<String> problems) {

        public String where() {
            return board + " › " + panel + " [" + refId + "]";
        }
    }

    /** One template variable as it ran: the rendered query, its values and its problems. */
    public record VariableRun(String board, String variable, String query, List<String> values, List<String> problems) {

        public String where() {
            return board + " › $" + variable;
        }
    }

    /** Everything that ran. */
    public record Report(List<PanelRun> panels, List<VariableRun> variables) {

        /** One line per query: where, how many series and rows, the rendered query; for people to read. */
        public String describe() {
            StringBuilder out = new StringBuilder();
            variables.forEach(v -> out.append(v.where()).append(" = ").append(v.values()).append("\n    ")
                    .append(v.query()).append('\n'));
            for (PanelRun run : panels) {
                int rows = run.series().stream().mapToInt(Series::rows).sum();
                out.append(run.where()).append(": ").append(run.series().size()).append(" series, ").append(rows)
                        .append(" rows").append(run.problems().isEmpty() ? "" : ", problems " + run.problems())
                        .append("\n    ").append(run.query()).append('\n');
            }
            return out.toString();
        }

        /** Each problem as {@code board › panel [refId]: problem in: query}. */
        public List<String> problems() {
            List<String> problems = new ArrayList<>();
            variables.forEach(v -> v.problems().forEach(p -> problems.add(v.where() + ": " + p + " in: " + v.query())));
            panels.forEach(t -> t.problems().forEach(p -> problems.add(t.where() + ": " + p + " in: " + t.query())));
            return problems;
        }
    }

    private final List<Board> boards;

    private DashboardQueries(List<Board> boards) {
        this.boards = boards;
    }

    /** Reads every {@code *.json} under {@code directory}, in name order. */
    public static DashboardQueries load(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            List<Board> boards = new ArrayList<>();
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                boards.add(new Board(file, JSON.readTree(file.toFile())));
            }
            return new DashboardQueries(boards);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the boards under " + directory, e);
        }
    }

    public List<Board> boards() {
        return boards;
    }

    /** Every panel of a dashboard, those inside collapsed rows included. */
    public static List<JsonNode> panels(JsonNode dashboard) {
        List<JsonNode> panels = new ArrayList<>();
        for (JsonNode panel : dashboard.path("panels")) {
            panels.add(panel);
            panel.path("panels").forEach(panels::add);
        }
        return panels;
    }

    public Report run(InfluxDb1 influx, String database, Instant now) {
        return run(influx, database, now, DEFAULT_ZONE);
    }

    /** Runs every variable and panel query of every board as Grafana would at {@code now} in {@code zone}. */
    public Report run(InfluxDb1 influx, String database, Instant now, ZoneId zone) {
        BoardRun runner = new BoardRun(influx, database, InfluxSchema.read(influx, database), now, zone);
        List<PanelRun> panels = new ArrayList<>();
        List<VariableRun> variables = new ArrayList<>();
        for (Board board : boards) {
            runner.run(board, panels, variables);
        }
        return new Report(panels, variables);
    }

    /** The run of one board's queries, with what all boards share. */
    private record BoardRun(InfluxDb1 influx, String database, InfluxSchema schema, Instant now, ZoneId zone) {

        void run(Board board, List<PanelRun> panels, List<VariableRun> variableRuns) {
            GrafanaTime.Range range = GrafanaTime.dashboardRange(board.json(), now, zone);
            Map<String, Variable> variables = new LinkedHashMap<>();
            for (JsonNode variable : board.json().path("templating").path("list")) {
                VariableRun run = variable(board, variable, range, variables);
                variableRuns.add(run);
                boolean regex = variable.path("multi").asBoolean() || variable.path("includeAll").asBoolean();
                variables.put(run.variable(), new Variable(run.variable(), run.values(), regex));
            }
            for (JsonNode panel : panels(board.json())) {
                GrafanaTime.Range panelRange = GrafanaTime.panelRange(range, panel, now, zone);
                int maxDataPoints = panel.path("maxDataPoints").asInt(panel.path("gridPos").path("w").asInt(24) * 1500 / 24);
                Duration interval = GrafanaTime.interval(panelRange, maxDataPoints, panel.path("interval").asText(""));
                for (JsonNode target : panel.path("targets")) {
                    panels.add(target(board, panel, target, panelRange, interval, variables));
                }
            }
        }

        private VariableRun variable(Board board, JsonNode variable, GrafanaTime.Range range, Map<String, Variable> known) {
            String name = variable.path("name").asText();
            JsonNode definition = variable.path("query");
            String query = definition.isTextual() ? definition.asText() : definition.path("query").asText("");
            String type = variable.path("type").asText("query");
            if (!type.equals("query")) {
                List<String> values = type.equals("custom") ? List.of(query.split("\\s*,\\s*")) : List.of(query);
                return new VariableRun(board.title(), name, query, values, List.of());
            }
            String rendered = GrafanaMacros.render(query, range, Duration.ofMinutes(1), known);
            List<String> problems = new ArrayList<>(schema.problems(rendered));
            List<String> values = new ArrayList<>();
            execute(rendered, problems, values, variable.path("regex").asText(""));
            return new VariableRun(board.title(), name, rendered, values.stream().distinct().sorted().toList(), problems);
        }

        private PanelRun target(Board board, JsonNode panel, JsonNode target, GrafanaTime.Range range, Duration interval,
                                Map<String, Variable> variables) {
            List<String> problems = new ArrayList<>();
            if (!target.path("rawQuery").asBoolean(false)) {
                problems.add("not a raw InfluxQL query (rawQuery is not true)");
            }
            String rendered = GrafanaMacros.render(target.path("query").asText(""), range, interval, variables);
            problems.addAll(schema.problems(rendered));
            List<Series> series = execute(rendered, problems, null, "");
            return new PanelRun(board.title(), panel.path("title").asText("(untitled)"), target.path("refId").asText("?"),
                    rendered, series, problems);
        }

        /** Runs a query; its series, InfluxDB's errors into {@code problems}, a variable's values into {@code values}. */
        private List<Series> execute(String query, List<String> problems, List<String> values, String valueRegex) {
            List<Series> series = new ArrayList<>();
            try {
                for (JsonNode result : influx.query(database, query)) {
                    if (result.hasNonNull("error")) {
                        problems.add("InfluxDB: " + result.path("error").asText());
                    }
                    for (JsonNode one : result.path("series")) {
                        series.add(series(one));
                        if (values != null) {
                            values.addAll(values(one, valueRegex));
                        }
                    }
                }
            } catch (IllegalArgumentException e) {
                problems.add(e.getMessage());
            }
            return series;
        }

        /**
         * A variable's values, as Grafana takes them from a result: the {@code value} column (SHOW TAG
         * VALUES), else the last one; filtered by the variable's regex, its first group when it has one.
         */
        private static List<String> values(JsonNode series, String regex) {
            List<String> columns = new ArrayList<>();
            series.path("columns").forEach(column -> columns.add(column.asText()));
            int index = columns.contains("value") ? columns.indexOf("value") : columns.size() - 1;
            Pattern filter = regex.isBlank() ? null : Pattern.compile(regex.replaceAll("^/|/$", ""));
            List<String> values = new ArrayList<>();
            for (JsonNode row : series.path("values")) {
                String value = row.path(index).asText();
                Matcher matcher = filter == null ? null : filter.matcher(value);
                if (matcher == null) {
                    values.add(value);
                } else if (matcher.find()) {
                    values.add(matcher.groupCount() > 0 ? matcher.group(1) : value);
                }
            }
            return values;
        }

        private static Series series(JsonNode series) {
            Map<String, String> tags = new LinkedHashMap<>();
            series.path("tags").fields().forEachRemaining(tag -> tags.put(tag.getKey(), tag.getValue().asText()));
            List<String> columns = new ArrayList<>();
            series.path("columns").forEach(column -> columns.add(column.asText()));
            return new Series(series.path("name").asText(), tags, columns, series.path("values").size());
        }
    }
}

package io.hallwatch.calendar;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The public holiday and make-up workday data, by date and by year; immutable and thread-safe. The
 * shipped data comes from {@code /calendar/cn-public-holidays.json} (State Council notices); a year
 * can be replaced as a whole with {@link #withYear}, which is how uploaded years win over shipped
 * ones. A year without data has no holidays: every date follows the weekly hours.
 */
public final class PublicHolidays {

    static final String RESOURCE = "/calendar/cn-public-holidays.json";
    private static final int MAX_NAME = 100;

    /** One date: a day off (HOLIDAY) or a make-up workday (WORKDAY) and the festival it belongs to. */
    public record Entry(LocalDate date, Kind kind, String nameZh, String nameEn) {

        /** The festival's name, Chinese first; null when the entry has none. */
        public String name() {
            return nameZh != null && !nameZh.isBlank() ? nameZh : nameEn;
        }
    }

    public enum Kind { HOLIDAY, WORKDAY }

    /** One year's data and where it came from (a notice, or who uploaded it); source may be null. */
    public record Year(int year, String source, List<Entry> entries) {
    }

    private static final class Shipped {
        static final PublicHolidays INSTANCE = load(RESOURCE);
    }

    private final Map<Integer, Year> years;
    private final Map<LocalDate, Entry> byDate;

    private PublicHolidays(Map<Integer, Year> years) {
        this.years = Collections.unmodifiableMap(new TreeMap<>(years));
        Map<LocalDate, Entry> dates = new HashMap<>();
        years.values().forEach(y -> y.entries().forEach(e -> dates.put(e.date(), e)));
        this.byDate = Map.copyOf(dates);
    }

    /** The data shipped with the service, loaded once; fails at first use if the file is broken. */
    public static PublicHolidays shipped() {
        return Shipped.INSTANCE;
    }

    /** No holidays at all (for halls or tests that follow weekly hours only). */
    public static PublicHolidays none() {
        return new PublicHolidays(Map.of());
    }

    /** A copy with that year replaced by these entries; throws if they are not valid for that year. */
    public PublicHolidays withYear(int year, List<Entry> entries) {
        return withYear(year, entries, null);
    }

    /** A copy with that year replaced by these entries and that source. */
    public PublicHolidays withYear(int year, List<Entry> entries, String source) {
        List<String> problems = problems(year, entries);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        Map<Integer, Year> copy = new HashMap<>(years);
        copy.put(year, new Year(year, source, List.copyOf(entries)));
        return new PublicHolidays(copy);
    }

    public Optional<Entry> on(LocalDate date) {
        return Optional.ofNullable(byDate.get(date));
    }

    public Optional<Year> year(int year) {
        return Optional.ofNullable(years.get(year));
    }

    public SortedSet<Integer> years() {
        return Collections.unmodifiableSortedSet(new TreeSet<>(years.keySet()));
    }

    /** What is wrong with these entries as the data of that year; empty when they are usable. */
    public static List<String> problems(int year, List<Entry> entries) {
        if (entries == null) {
            return List.of("days is required (an empty list means a year without holidays)");
        }
        List<String> problems = new ArrayList<>();
        Set<LocalDate> seen = new HashSet<>();
        for (int i = 0; i < entries.size(); i++) {
            problems.addAll(entryProblems("days[" + i + "]", year, entries.get(i), seen));
        }
        return problems;
    }

    private static List<String> entryProblems(String at, int year, Entry entry, Set<LocalDate> seen) {
        if (entry == null || entry.date() == null) {
            return List.of(at + ".date is required");
        }
        List<String> problems = new ArrayList<>();
        if (entry.date().getYear() != year) {
            problems.add(at + ".date " + entry.date() + " is not in " + year);
        }
        if (!seen.add(entry.date())) {
            problems.add(at + ".date " + entry.date() + " appears more than once");
        }
        if (entry.kind() == null) {
            problems.add(at + ".kind must be HOLIDAY or WORKDAY");
        }
        if (tooLong(entry.nameZh()) || tooLong(entry.nameEn())) {
            problems.add(at + ": nameZh and nameEn must be at most " + MAX_NAME + " characters");
        }
        return problems;
    }

    private static boolean tooLong(String name) {
        return name != null && name.length() > MAX_NAME;
    }

    static PublicHolidays load(String resource) {
        try (InputStream in = PublicHolidays.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("public holiday data " + resource + " is missing from the build");
            }
            return parse(in, resource);
        } catch (IOException e) {
            throw new UncheckedIOException("public holiday data " + resource + " is not readable", e);
        }
    }

    private static PublicHolidays parse(InputStream in, String resource) throws IOException {
        ObjectMapper json = JsonMapper.builder().findAndAddModules().build();
        PublicHolidays result = none();
        Iterator<Map.Entry<String, JsonNode>> years = json.readTree(in).path("years").fields();
        while (years.hasNext()) {
            Map.Entry<String, JsonNode> year = years.next();
            List<Entry> entries = json.convertValue(year.getValue().path("days"), new TypeReference<List<Entry>>() { });
            try {
                result = result.withYear(Integer.parseInt(year.getKey()), entries, source(year.getValue().path("source")));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(resource + ", year " + year.getKey() + ": " + e.getMessage(), e);
            }
        }
        return result;
    }

    /** "title (number, issued)" of the notice a shipped year comes from. */
    private static String source(JsonNode source) {
        return source.path("title").asText() + " (" + source.path("number").asText() + ", "
                + source.path("issued").asText() + ")";
    }
}

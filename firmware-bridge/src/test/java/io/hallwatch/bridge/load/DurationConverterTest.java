package io.hallwatch.bridge.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

class DurationConverterTest {

    @ParameterizedTest
    @CsvSource({"60s, 60000", "2m, 120000", "500ms, 500", "1.5s, 1500", "1h, 3600000", "' 10S ', 10000", "0s, 0"})
    void readsDurationsAsPeopleWriteThem(String text, long millis) {
        assertEquals(Duration.ofMillis(millis), DurationConverter.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"60", "soon", "-5s", "5 days", ""})
    void refusesANumberWithoutAUnitOrAnythingElse(String text) {
        CommandLine.TypeConversionException e = assertThrows(CommandLine.TypeConversionException.class,
                () -> DurationConverter.parse(text));
        assertEquals("'" + text + "' is not a duration: write it like 500ms, 60s, 2m or 1h", e.getMessage());
    }
}

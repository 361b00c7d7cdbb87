package io.hallwatch.notify.send;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

/** Cutting text to a UTF-8 byte limit without splitting a character. */
class Utf8TextTest {

    @Test
    void textWithinTheLimitIsReturnedUnchanged() {
        String text = "空岗";
        assertSame(text, Utf8Text.fit(text, 6));
    }

    @Test
    void cutNeverSplitsAFourByteCharacter() {
        String cut = Utf8Text.fit("a" + "😀".repeat(10), 10);

        assertEquals("a😀…", cut);
        assertEquals(8, Utf8Text.byteLength(cut));
    }

    @Test
    void cutNeverSplitsAThreeByteCharacter() {
        String cut = Utf8Text.fit("窗口空岗提醒", 10);

        assertEquals("窗口…", cut);
        assertEquals(9, Utf8Text.byteLength(cut));
    }
}

package io.hallwatch.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallwatch.users.PasswordRules;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The strength a password needs, rule by rule, each refusal naming its rule. */
class PasswordRulesTest {

    private static String problem(String username, String password) {
        Optional<String> problem = PasswordRules.problem(username, password);
        assertTrue(problem.isPresent(), "refused: " + password);
        return problem.get();
    }

    @Test
    void refusesFewerThanTwelveCharacters() {
        assertTrue(problem("wang", "Ab1!Ab1!Ab1").contains("at least 12 characters"));
        assertTrue(problem("wang", null).contains("12"));
    }

    @Test
    void countsCharactersNotUtf16Units() {
        assertEquals(Optional.empty(), PasswordRules.problem("wang", "Ab1-" + "\uD83D\uDE00".repeat(8)));
        assertTrue(problem("wang", "Ab1-" + "\uD83D\uDE00".repeat(7)).contains("at least 12"));
    }

    @Test
    void countsChineseAsItsOwnClassAndAcceptsALongChinesePassphrase() {
        assertTrue(problem("wang", "服务大厅的窗口今天开放吗").contains("3 of"));
        assertEquals(Optional.empty(), PasswordRules.problem("wang", "服务大厅的窗口今天开放吗很好谢谢"));
        assertEquals(Optional.empty(), PasswordRules.problem("wang", "服务大厅Window7号"));
    }

    @Test
    void refusesAPasswordContainingTheUserNameInAnyCase() {
        assertTrue(problem("wangwu", "My-WangWu-2026!").contains("user name"));
    }

    @Test
    void allowsAUserNameTooShortToMatterInsideThePassword() {
        assertEquals(Optional.empty(), PasswordRules.problem("li", "Clever-lime-tree-7"));
    }

    @Test
    void refusesCommonPasswordsWhateverTheirCase() {
        assertTrue(problem("wang", "Password1234").contains("common"));
        assertTrue(problem("wang", "1qaz2wsx3edc").contains("common"));
    }

    @Test
    void refusesAShortPasswordOfFewerThanThreeCharacterClasses() {
        assertTrue(problem("wang", "bluehorsebatt").contains("3 of"));
        assertTrue(problem("wang", "BLUEHORSE2026").contains("3 of"));
    }

    @Test
    void acceptsThreeClassesOrALongPassphrase() {
        assertEquals(Optional.empty(), PasswordRules.problem("wang", "Blue-horse-26"));
        assertEquals(Optional.empty(), PasswordRules.problem("wang", "correcthorsebatterystaple"));
        assertEquals(Optional.empty(), PasswordRules.problem("wang", "crew-password-1"));
    }

    @Test
    void refusesMoreThanTwoHundredCharacters() {
        assertTrue(problem("wang", "Aa1-".repeat(51)).contains("at most 200"));
    }
}

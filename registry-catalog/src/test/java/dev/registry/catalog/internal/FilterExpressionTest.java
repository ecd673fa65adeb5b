package dev.registry.catalog.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** Consul's {@code ?filter=} language on a health entry's JSON: each operator, combinations, and errors. */
class FilterExpressionTest {

    private static final JsonNode ENTRY = json("{\"Node\":{\"Node\":\"web-1\",\"Meta\":{}},"
            + "\"Service\":{\"ID\":\"web@10.0.0.5:8080\",\"Service\":\"web\",\"Tags\":[],\"Port\":8080,"
            + "\"Meta\":{\"zone\":\"eu-west\",\"tier\":\"front\"}},"
            + "\"Checks\":[{\"Status\":\"warning\"},{\"Status\":\"passing\"}]}");

    @Test
    void equalityOnStringsNumbersAndListsOfStructures() {
        assertTrue(matches("Service.Service == web"));
        assertTrue(matches("Service.Service == \"web\""));
        assertTrue(matches("Service.Port == 8080"));
        assertTrue(matches("Service.Port != 80"));
        assertTrue(matches("Checks.Status == warning"), "any check of the list");
        assertFalse(matches("Checks.Status == critical"));
        assertFalse(matches("Service.Service != web"));
    }

    @Test
    void inContainsMatchesAndEmptiness() {
        assertTrue(matches("zone in Service.Meta"), "a key of a map");
        assertTrue(matches("\"eu\" in Service.Meta.zone"), "a substring of a string");
        assertTrue(matches("rack not in Service.Meta"));
        assertTrue(matches("Service.Meta.zone contains west"));
        assertTrue(matches("Service.Meta.zone not contains east"));
        assertTrue(matches("Service.Meta.zone matches `^eu-`"));
        assertTrue(matches("Service.ID not matches \"^api@\""));
        assertTrue(matches("Service.Tags is empty"));
        assertTrue(matches("Node.Meta is empty"));
        assertTrue(matches("Service.Meta is not empty"));
        assertTrue(matches("Service.Missing is empty"), "a selector naming nothing is empty");
        assertFalse(matches("Service.Missing == x"));
    }

    @Test
    void andBindsTighterThanOrAndParenthesesAndNotGroup() {
        assertTrue(matches("Service.Port == 1 or Service.Port == 8080 and Service.Service == web"));
        assertFalse(matches("(Service.Port == 1 or Service.Port == 8080) and Service.Service == api"));
        assertTrue(matches("not Service.Service == api"));
        assertTrue(matches("not (Service.Port == 1 or Service.Service == api) and Checks.Status == passing"));
    }

    @Test
    void quotedValuesKeepSpacesAndEscapes() {
        JsonNode spaced = json("{\"Meta\":{\"note\":\"a \\\"quoted\\\" word\"}}");

        assertTrue(FilterExpression.parse("Meta.note == \"a \\\"quoted\\\" word\"").test(spaced));
        assertTrue(FilterExpression.parse("Meta.note == `a \"quoted\" word`").test(spaced));
    }

    @Test
    void whatIsNotAnExpressionFailsSayingWhy() {
        assertEquals("expected a value but found the end", error("Service.Port =="));
        assertEquals("expected ==, !=, is, contains or matches after Service.Port, but found 'equals'",
                error("Service.Port equals 1"));
        assertEquals("unterminated \" quote starting at position 16", error("Service.Port == \"80"));
        assertEquals("expected ')' but found the end", error("(Service.Port == 80"));
        assertEquals("unexpected 'web' after a complete expression", error("Service.Port == 80 web"));
        assertTrue(error("Service.ID matches \"[\"").startsWith("invalid regular expression '['"));
    }

    private static boolean matches(String expression) {
        return FilterExpression.parse(expression).test(ENTRY);
    }

    private static String error(String expression) {
        return assertThrows(IllegalArgumentException.class, () -> FilterExpression.parse(expression)).getMessage();
    }

    private static JsonNode json(String text) {
        try {
            return new ObjectMapper().readTree(text);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}

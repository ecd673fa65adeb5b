package dev.registry.catalog.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Consul's {@code ?filter=} expressions (the go-bexpr language), evaluated against the JSON of each result entry:
 * selectors are dotted paths into that JSON ({@code ServiceMeta.zone}, {@code Service.Port},
 * {@code Checks.Status}, where a path through a list looks into every element).
 *
 * <p>Supported: {@code ==}, {@code !=}, {@code is empty}, {@code is not empty}, {@code in}, {@code not in},
 * {@code contains}, {@code not contains}, {@code matches}, {@code not matches} (a regular expression found anywhere
 * in the value, as Go's {@code MatchString}), combined with {@code and}, {@code or}, {@code not} and parentheses;
 * values quoted with {@code "..."} (backslash escapes) or {@code `...`}, or bare words and numbers. A selector
 * that names nothing in an entry is empty there: it equals nothing, so a misspelt selector filters everything
 * out rather than failing as Consul does. Immutable and thread-safe once parsed.
 */
public final class FilterExpression {

    private final List<String> tokens;
    private int position;

    private FilterExpression(List<String> tokens) {
        this.tokens = tokens;
    }

    /**
     * The predicate {@code text} expresses.
     *
     * @param text a filter expression, such as {@code ServiceMeta.zone == "eu" and Service.Port != 80}
     * @return a predicate on an entry's JSON; thread-safe
     * @throws IllegalArgumentException saying where and why {@code text} is not an expression
     */
    public static Predicate<JsonNode> parse(String text) {
        FilterExpression parser = new FilterExpression(Tokens.of(text));
        Predicate<JsonNode> expression = parser.or();
        if (parser.position < parser.tokens.size()) {
            throw new IllegalArgumentException("unexpected '" + parser.tokens.get(parser.position) + "' after a complete expression");
        }
        return expression;
    }

    private Predicate<JsonNode> or() {
        Predicate<JsonNode> left = and();
        while (accept("or")) {
            left = left.or(and());
        }
        return left;
    }

    private Predicate<JsonNode> and() {
        Predicate<JsonNode> left = unary();
        while (accept("and")) {
            left = left.and(unary());
        }
        return left;
    }

    private Predicate<JsonNode> unary() {
        if (accept("not")) {
            return unary().negate();
        }
        if (accept("(")) {
            Predicate<JsonNode> inner = or();
            expect(")");
            return inner;
        }
        return match();
    }

    /** One comparison: {@code value [not] in selector}, or {@code selector operator [value]}. */
    private Predicate<JsonNode> match() {
        if (peek(1, "in") || peek(1, "not") && peek(2, "in")) {
            String value = Tokens.value(next("a value"));
            boolean negated = accept("not");
            expect("in");
            List<String> selector = selector();
            Predicate<JsonNode> in = entry -> Selectors.resolve(entry, selector).stream().anyMatch(node -> contains(node, value));
            return negated ? in.negate() : in;
        }
        List<String> selector = selector();
        String operator = next("an operator");
        switch (operator) {
            case "==":
                return equalTo(selector, Tokens.value(next("a value")));
            case "!=":
                return equalTo(selector, Tokens.value(next("a value"))).negate();
            case "is":
                boolean not = accept("not");
                expect("empty");
                Predicate<JsonNode> empty = entry -> Selectors.resolve(entry, selector).stream().allMatch(FilterExpression::empty);
                return not ? empty.negate() : empty;
            case "contains":
                return containing(selector, Tokens.value(next("a value")));
            case "matches":
                return matching(selector, Tokens.value(next("a regular expression")));
            case "not":
                String negated = next("contains or matches");
                if (negated.equals("contains")) {
                    return containing(selector, Tokens.value(next("a value"))).negate();
                }
                if (negated.equals("matches")) {
                    return matching(selector, Tokens.value(next("a regular expression"))).negate();
                }
                throw new IllegalArgumentException("expected contains or matches after not, but found '" + negated + "'");
            default:
                throw new IllegalArgumentException("expected ==, !=, is, contains or matches after "
                        + String.join(".", selector) + ", but found '" + operator + "'");
        }
    }

    private static Predicate<JsonNode> equalTo(List<String> selector, String value) {
        return entry -> Selectors.resolve(entry, selector).stream().anyMatch(node -> Selectors.scalars(node).contains(value));
    }

    private static Predicate<JsonNode> containing(List<String> selector, String value) {
        return entry -> Selectors.resolve(entry, selector).stream().anyMatch(node -> contains(node, value));
    }

    private static Predicate<JsonNode> matching(List<String> selector, String regex) {
        Pattern pattern;
        try {
            pattern = Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("invalid regular expression '" + regex + "': " + e.getDescription(), e);
        }
        return entry -> Selectors.resolve(entry, selector).stream()
                .anyMatch(node -> Selectors.scalars(node).stream().anyMatch(text -> pattern.matcher(text).find()));
    }

    /** {@code in} and {@code contains}: an element of a list, a key of a map, a substring of a string. */
    private static boolean contains(JsonNode node, String value) {
        if (node.isArray()) {
            return Selectors.scalars(node).contains(value);
        }
        if (node.isObject()) {
            return node.has(value);
        }
        return node.isValueNode() && node.asText().contains(value);
    }

    private static boolean empty(JsonNode node) {
        return node.isMissingNode() || node.isNull() || node.isContainerNode() && node.isEmpty()
                || node.isTextual() && node.asText().isEmpty();
    }

    private List<String> selector() {
        String selector = next("a selector");
        if (!selector.matches("[A-Za-z_][A-Za-z0-9_\\-]*(\\.[A-Za-z0-9_\\-]+)*")) {
            throw new IllegalArgumentException("expected a selector such as ServiceMeta.zone, but found '" + selector + "'");
        }
        return List.of(selector.split("\\."));
    }

    private boolean peek(int ahead, String token) {
        int at = position + ahead;
        return at < tokens.size() && tokens.get(at).equals(token);
    }

    private boolean accept(String token) {
        if (peek(0, token)) {
            position++;
            return true;
        }
        return false;
    }

    private void expect(String token) {
        if (!accept(token)) {
            throw new IllegalArgumentException("expected '" + token + "' but found "
                    + (position < tokens.size() ? "'" + tokens.get(position) + "'" : "the end"));
        }
    }

    private String next(String what) {
        if (position >= tokens.size()) {
            throw new IllegalArgumentException("expected " + what + " but found the end");
        }
        return tokens.get(position++);
    }

    /** Splits an expression into tokens; a quoted value keeps its quote character first, to tell it from a word. */
    private static final class Tokens {

        private static final Map<Character, Character> ESCAPES = Map.of('n', '\n', 't', '\t', 'r', '\r',
                '"', '"', '\\', '\\');

        private Tokens() {
        }

        static List<String> of(String text) {
            List<String> tokens = new ArrayList<>();
            int i = 0;
            while (i < text.length()) {
                char c = text.charAt(i);
                if (Character.isWhitespace(c)) {
                    i++;
                } else if (c == '(' || c == ')') {
                    tokens.add(String.valueOf(c));
                    i++;
                } else if (text.startsWith("==", i) || text.startsWith("!=", i)) {
                    tokens.add(text.substring(i, i + 2));
                    i += 2;
                } else if (c == '"' || c == '`') {
                    i = quoted(text, i, tokens);
                } else {
                    int start = i;
                    while (i < text.length() && !Character.isWhitespace(text.charAt(i)) && "()=!\"`".indexOf(text.charAt(i)) < 0) {
                        i++;
                    }
                    if (start == i) {
                        throw new IllegalArgumentException("unexpected '" + c + "' at position " + start);
                    }
                    tokens.add(text.substring(start, i));
                }
            }
            return tokens;
        }

        /** Reads the quoted value starting at {@code start} into {@code tokens}; returns the position after it. */
        private static int quoted(String text, int start, List<String> tokens) {
            char quote = text.charAt(start);
            StringBuilder value = new StringBuilder().append(quote);
            int i = start + 1;
            while (i < text.length() && text.charAt(i) != quote) {
                char c = text.charAt(i);
                if (c == '\\' && quote == '"' && i + 1 < text.length() && ESCAPES.containsKey(text.charAt(i + 1))) {
                    value.append(ESCAPES.get(text.charAt(i + 1)));
                    i += 2;
                } else {
                    value.append(c);
                    i++;
                }
            }
            if (i >= text.length()) {
                throw new IllegalArgumentException("unterminated " + quote + " quote starting at position " + start);
            }
            tokens.add(value.toString());
            return i + 1;
        }

        /** The value a token denotes: a quoted one without its quote, a bare word as it is. */
        static String value(String token) {
            return token.startsWith("\"") || token.startsWith("`") ? token.substring(1) : token;
        }
    }
}

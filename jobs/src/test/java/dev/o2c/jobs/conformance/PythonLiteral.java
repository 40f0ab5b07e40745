package dev.o2c.jobs.conformance;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the Python literals the OCA samples' expectations are written in (tuples, lists,
 * dicts, strings with implicit concatenation, numbers, None/True/False) into Java lists,
 * maps, strings, BigDecimals and Booleans. Test support only.
 */
final class PythonLiteral {

    private final String s;
    private int i;

    private PythonLiteral(String s) {
        this.s = s;
    }

    static Object parse(String text) {
        PythonLiteral p = new PythonLiteral(text);
        Object v = p.value();
        p.space();
        if (p.i != p.s.length()) {
            throw new IllegalArgumentException("trailing text at " + p.i);
        }
        return v;
    }

    private void space() {
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
    }

    private Object value() {
        space();
        char c = s.charAt(i);
        switch (c) {
            case '(', '[' -> {
                char close = c == '(' ? ')' : ']';
                i++;
                List<Object> list = new ArrayList<>();
                while (true) {
                    space();
                    if (s.charAt(i) == close) {
                        i++;
                        return list;
                    }
                    list.add(value());
                    space();
                    if (s.charAt(i) == ',') {
                        i++;
                    }
                }
            }
            case '{' -> {
                i++;
                Map<Object, Object> map = new LinkedHashMap<>();
                while (true) {
                    space();
                    if (s.charAt(i) == '}') {
                        i++;
                        return map;
                    }
                    Object key = value();
                    space();
                    i++; // ':'
                    map.put(key, value());
                    space();
                    if (s.charAt(i) == ',') {
                        i++;
                    }
                }
            }
            case '\'', '"' -> {
                StringBuilder sb = new StringBuilder();
                // adjacent string literals concatenate
                while (i < s.length() && (s.charAt(i) == '\'' || s.charAt(i) == '"')) {
                    sb.append(string());
                    int save = i;
                    space();
                    if (i >= s.length() || (s.charAt(i) != '\'' && s.charAt(i) != '"')) {
                        i = save;
                        break;
                    }
                }
                return sb.toString();
            }
            default -> {
                int start = i;
                while (i < s.length() && ",)]}:".indexOf(s.charAt(i)) < 0 && !Character.isWhitespace(s.charAt(i))) {
                    i++;
                }
                String word = s.substring(start, i);
                return switch (word) {
                    case "None" -> null;
                    case "True" -> Boolean.TRUE;
                    case "False" -> Boolean.FALSE;
                    default -> new BigDecimal(word);
                };
            }
        }
    }

    private String string() {
        char quote = s.charAt(i++);
        StringBuilder sb = new StringBuilder();
        while (s.charAt(i) != quote) {
            char c = s.charAt(i++);
            if (c == '\\') {
                char e = s.charAt(i++);
                switch (e) {
                    case 'n' -> sb.append('\n');
                    case 't' -> sb.append('\t');
                    case 'r' -> sb.append('\r');
                    case 'x' -> {
                        sb.append((char) Integer.parseInt(s.substring(i, i + 2), 16));
                        i += 2;
                    }
                    case 'u' -> {
                        sb.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                        i += 4;
                    }
                    default -> sb.append(e);
                }
            } else {
                sb.append(c);
            }
        }
        i++;
        return sb.toString();
    }
}

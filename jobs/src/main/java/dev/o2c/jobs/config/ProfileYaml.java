package dev.o2c.jobs.config;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * One profile file of the configuration folder, read strictly: YAML through SnakeYAML's safe
 * constructor (plain data, no objects), keys checked against those allowed, and every problem
 * an {@link IllegalArgumentException} naming the file, the key and what is wrong.
 */
final class ProfileYaml {

    private final Path file;
    private final Map<String, Object> map;

    private ProfileYaml(Path file, Map<String, Object> map) {
        this.file = file;
        this.map = map;
    }

    /** The {@code *.yml} and {@code *.yaml} files of a folder (which may be absent), by name. */
    static List<Path> files(Path dir) {
        if (dir == null || !Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(dir)) {
            return list.filter(p -> p.toString().endsWith(".yml") || p.toString().endsWith(".yaml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ProfileYaml read(Path file, Set<String> allowed) {
        Map<String, Object> map;
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            Object doc = new Yaml(new SafeConstructor(new LoaderOptions())).load(r);
            if (!(doc instanceof Map<?, ?> m)) {
                throw problem(file, "the file", "is not a mapping of keys to values");
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> cast = (Map<String, Object>) m;
            map = cast;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (org.yaml.snakeyaml.error.YAMLException e) {
            throw problem(file, "the file", "is not YAML: " + e.getMessage().lines().findFirst().orElse(""));
        }
        ProfileYaml yaml = new ProfileYaml(file, map);
        yaml.keysIn(map, "", allowed);
        return yaml;
    }

    Path file() {
        return file;
    }

    Object get(String key) {
        return map.get(key);
    }

    /** The file's name without its extension: a profile's name unless it says otherwise. */
    String baseName() {
        return file.getFileName().toString().replaceFirst("\\.ya?ml$", "");
    }

    void keysIn(Map<?, ?> m, String prefix, Set<String> allowed) {
        for (Object key : m.keySet()) {
            if (!allowed.contains(String.valueOf(key))) {
                throw problem(prefix + key, "is not " + (prefix.isEmpty() ? "a profile key" : "a field") + "; allowed: "
                        + String.join(", ", new TreeSet<>(allowed)));
            }
        }
    }

    String text(String key, String fallback) {
        Object v = map.get(key);
        return v == null ? fallback : String.valueOf(v);
    }

    /** One character; {@code tab} or {@code \t} for a tab; {@code none} (when allowed) for null. */
    Character character(String key, Character fallback) {
        Object v = map.get(key);
        if (v == null) {
            return fallback;
        }
        String s = String.valueOf(v);
        if (s.equals("\\t") || s.equals("tab")) {
            return '\t';
        }
        if (s.length() != 1) {
            throw problem(key, "'" + s + "' must be one character");
        }
        return s.charAt(0);
    }

    Charset charset(String key, String fallback) {
        String name = text(key, fallback);
        try {
            return Charset.forName(name);
        } catch (IllegalArgumentException e) {
            throw problem(key, "'" + name + "' is not an encoding this Java knows (UTF-8, windows-1252, ISO-8859-1, ...)");
        }
    }

    int integer(String key, int fallback) {
        Object v = map.get(key);
        if (v == null) {
            return fallback;
        }
        if (v instanceof Integer i && i >= 0) {
            return i;
        }
        throw problem(key, "'" + v + "' must be a whole number, 0 or more");
    }

    List<String> list(Object value, String key) {
        if (value == null) {
            return List.of();
        }
        if (value instanceof List<?> l) {
            return l.stream().map(String::valueOf).toList();
        }
        if (value instanceof String s) {
            return List.of(s);
        }
        throw problem(key, "must be a list");
    }

    /** A mapping of names to plain values (a YAML number or boolean read as its text). */
    Map<String, String> strings(Object value, String key) {
        if (value == null) {
            return Map.of();
        }
        if (!(value instanceof Map<?, ?> m)) {
            throw problem(key, "must be a mapping");
        }
        Map<String, String> out = new java.util.LinkedHashMap<>();
        m.forEach((k, v) -> {
            if (v instanceof Map<?, ?> || v instanceof List<?>) {
                throw problem(key + "." + k, "must be a single value");
            }
            out.put(String.valueOf(k), v == null ? null : String.valueOf(v));
        });
        return out;
    }

    List<String> keys(Map<?, ?> m) {
        List<String> keys = new ArrayList<>();
        m.keySet().forEach(k -> keys.add(String.valueOf(k)));
        return keys;
    }

    IllegalArgumentException problem(String key, String what) {
        return problem(file, key, what);
    }

    static IllegalArgumentException problem(Path file, String key, String what) {
        return new IllegalArgumentException(file + ": " + key + " " + what);
    }
}

package dev.o2c.jobs.conformance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads the pickled-Python YAML of wolph/mt940's golden files: Python objects become maps,
 * {@code decimal.Decimal} a BigDecimal, {@code mt940.models.Date} (a binary year, month,
 * day) a LocalDate. Test support only.
 */
final class PythonYaml extends SafeConstructor {

    PythonYaml() {
        super(loaderOptions());
        AbstractConstruct python = new AbstractConstruct() {
            @Override
            public Object construct(Node node) {
                String tag = node.getTag().getValue();
                if (node instanceof SequenceNode seq) {
                    List<?> items = constructSequence(seq);
                    if (tag.endsWith("decimal.Decimal")) {
                        return new BigDecimal(String.valueOf(items.get(0)));
                    }
                    if (tag.endsWith("mt940.models.Date") && items.get(0) instanceof byte[] b) {
                        return LocalDate.of(((b[0] & 0xff) << 8) | (b[1] & 0xff), b[2], b[3]);
                    }
                    return items;
                }
                if (node instanceof MappingNode map) {
                    return constructMapping(map);
                }
                return constructScalar((ScalarNode) node);
            }
        };
        yamlMultiConstructors.put("tag:yaml.org,2002:python/", python);
        yamlConstructors.put(null, python);
    }

    private static LoaderOptions loaderOptions() {
        LoaderOptions o = new LoaderOptions();
        o.setMaxAliasesForCollections(10_000);
        o.setCodePointLimit(50_000_000);
        o.setTagInspector(tag -> true); // the Python tags are only read into maps here, never instantiated
        return o;
    }

    /** Loads a golden file; the back-references of each transaction to the whole file are dropped first. */
    static Object load(String text) {
        String flat = text.replaceAll("(?m)^\\s+transactions: \\*id\\d+\\s*$", "");
        return new Yaml(new PythonYaml()).load(flat);
    }
}

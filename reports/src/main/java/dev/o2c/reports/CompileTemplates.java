package dev.o2c.reports;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JasperCompileManager;

/**
 * Build step (Maven process-classes): compiles every {@code .jrxml} in a folder into a
 * {@code .jasper} beside it. Compiling at build time keeps the JDK compiler out of the
 * runtime, where the packaged application's nested jars would hide classes from it,
 * and a broken template fails the build instead of a 3 a.m. run.
 */
public final class CompileTemplates {

    private CompileTemplates() {
    }

    public static void main(String[] args) throws IOException, JRException {
        Path dir = Path.of(args[0]);
        List<Path> templates;
        try (Stream<Path> files = Files.list(dir)) {
            templates = files.filter(p -> p.toString().endsWith(".jrxml")).sorted().toList();
        }
        for (Path jrxml : templates) {
            String jasper = jrxml.toString().replaceAll("\\.jrxml$", ".jasper");
            JasperCompileManager.compileReportToFile(jrxml.toString(), jasper);
            System.out.println("compiled " + jrxml.getFileName());
        }
    }
}

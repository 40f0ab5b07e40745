package dev.o2c.reports;

import dev.o2c.domain.figures.MonthEndFigures;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;

/** The "Definitions" sheet: how each figure was made, in words, with the settings in force (kpis.json conventions). */
final class DefinitionsSheet {

    private final WorkbookCells cells;

    DefinitionsSheet(WorkbookCells cells) {
        this.cells = cells;
    }

    void write(MonthEndFigures f) {
        SXSSFSheet s = cells.wb.createSheet("Definitions");
        WorkbookCells.widths(s, 20, 140);
        int r = 0;
        cells.text(s.createRow(r++), 0, "Definitions: the formula and convention behind every figure (METRICS.md)", cells.title);
        r++;
        cells.header(s, r++, "Figure", "Definition");
        Map<String, String> conventions = f.conventions();
        if (conventions.isEmpty()) {
            cells.text(s.createRow(r), 0, "Not in this run's figures (kpis.json written before the conventions were added).", null);
            return;
        }
        for (Map.Entry<String, String> e : conventions.entrySet()) {
            Row row = s.createRow(r++);
            cells.text(row, 0, e.getKey(), cells.bold);
            cells.text(row, 1, e.getValue(), cells.wrapped);
        }
    }
}

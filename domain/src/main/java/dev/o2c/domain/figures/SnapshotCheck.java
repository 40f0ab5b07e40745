package dev.o2c.domain.figures;

import dev.o2c.domain.controls.Control;
import dev.o2c.domain.figures.MonthEndFigures.BucketAmount;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A month-end closed again must give the figures its snapshot recorded: the documents of a
 * closed month should not change. Compares what was recomputed from the documents now with
 * the snapshot: total open AR, each aging bucket, credit sales, standard DSO and CEI. A
 * difference is a failed control (someone back-dated or changed a document of a closed
 * month, or a rate), never silently accepted.
 */
public final class SnapshotCheck {

    private SnapshotCheck() {
    }

    public static List<Control> controls(MonthEndFigures snapshot, String snapshotRun, MonthEndFigures recomputed) {
        String prefix = "month-end " + recomputed.asOf() + " agrees with its snapshot (run " + snapshotRun + "): ";
        List<Control> out = new ArrayList<>();
        out.add(new Control(prefix + "total open AR", snapshot.aging().totalOpen().amount(), recomputed.aging().totalOpen().amount()));
        out.add(new Control(prefix + "credit sales", snapshot.dso().creditSales().amount(), recomputed.dso().creditSales().amount()));
        long bucketsDiffering = 0;
        List<BucketAmount> was = snapshot.aging().buckets();
        List<BucketAmount> now = recomputed.aging().buckets();
        for (int i = 0; i < Math.max(was.size(), now.size()); i++) {
            if (i >= was.size() || i >= now.size() || !was.get(i).label().equals(now.get(i).label())
                    || was.get(i).amount().amount().compareTo(now.get(i).amount().amount()) != 0) {
                bucketsDiffering++;
            }
        }
        out.add(Control.of(prefix + "aging buckets that differ", 0, bucketsDiffering));
        out.add(Control.of(prefix + "standard DSO and CEI that differ", 0,
                (same(snapshot.dso().standard(), recomputed.dso().standard()) ? 0 : 1) + (same(snapshot.cei(), recomputed.cei()) ? 0 : 1)));
        return out;
    }

    private static boolean same(BigDecimal a, BigDecimal b) {
        return Objects.equals(a, b) || a != null && b != null && a.compareTo(b) == 0;
    }
}

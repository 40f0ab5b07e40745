package dev.o2c.domain.aging;

import java.util.ArrayList;
import java.util.List;

/**
 * The buckets of an aging report, given by their upper edges in days, inclusive
 * at the top (METRICS.md section 1): edges 30/60/90/120 on the due-date basis give
 * Current (0 or fewer days past due), 1-30, 31-60, 61-90, 91-120 and &gt;120; on
 * the invoice-date basis 0-30, 31-60, 61-90, 91-120 and &gt;120. Uneven edges are fine.
 *
 * <p>Immutable and thread-safe.
 */
public final class AgingBuckets {

    /** The default buckets of CONTRACTS.md section 3.1. */
    public static final AgingBuckets DEFAULT = of(AgingBasis.DUE_DATE, List.of(30, 60, 90, 120));

    private final AgingBasis basis;
    private final List<Integer> edges;
    private final List<String> labels;

    private AgingBuckets(AgingBasis basis, List<Integer> edges, List<String> labels) {
        this.basis = basis;
        this.edges = edges;
        this.labels = labels;
    }

    /**
     * @param upperEdges strictly increasing, each at least 1
     * @throws IllegalArgumentException naming the offending edge
     */
    public static AgingBuckets of(AgingBasis basis, List<Integer> upperEdges) {
        if (upperEdges.isEmpty()) {
            throw new IllegalArgumentException("aging needs at least one bucket edge");
        }
        List<Integer> edges = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        int previous = 0;
        if (basis == AgingBasis.DUE_DATE) {
            edges.add(0);
            labels.add("Current");
        }
        boolean first = true;
        for (Integer edge : upperEdges) {
            if (edge == null || edge < 1 || edge <= previous) {
                throw new IllegalArgumentException("aging bucket edges must be whole days, increasing, from 1: got " + upperEdges);
            }
            int from = basis == AgingBasis.INVOICE_DATE && first ? 0 : previous + 1;
            edges.add(edge);
            labels.add(from + "-" + edge);
            previous = edge;
            first = false;
        }
        labels.add(">" + previous);
        return new AgingBuckets(basis, List.copyOf(edges), List.copyOf(labels));
    }

    public AgingBasis basis() {
        return basis;
    }

    /** The labels, in order; always one more than the edges. */
    public List<String> labels() {
        return labels;
    }

    public int size() {
        return labels.size();
    }

    /** The upper edges in days as configured (without the Current edge). */
    public List<Integer> upperEdges() {
        return basis == AgingBasis.DUE_DATE ? edges.subList(1, edges.size()) : edges;
    }

    /** The index of the bucket for an age in days (negative ages fall in the first bucket). */
    public int indexOf(long days) {
        for (int i = 0; i < edges.size(); i++) {
            if (days <= edges.get(i)) {
                return i;
            }
        }
        return edges.size();
    }

    @Override
    public String toString() {
        return basis.label() + " " + labels;
    }
}

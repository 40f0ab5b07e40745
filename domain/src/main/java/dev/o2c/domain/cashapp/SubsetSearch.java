package dev.o2c.domain.cashapp;

import java.util.ArrayList;
import java.util.List;

/**
 * Which of a customer's open items add up to a payment: a bounded depth-first search over
 * at most {@code maxItems} amounts (the oldest), combinations of two to {@code maxSize}
 * items, stopping at the second combination found or after {@value #NODE_BUDGET} steps.
 * Items are tried in the order given (oldest due first), so the first combination found
 * is the same on every run. Only a combination that is the only one may be applied
 * without a person.
 */
final class SubsetSearch {

    static final int NODE_BUDGET = 200_000;

    /** What the search found: no combination, exactly one, or more (or it ran out of steps). */
    /** @param second the next combination found, empty when none was (the alternative a person is shown) */
    record Result(List<Integer> first, List<Integer> second, boolean unique, boolean exhausted) {
        static final Result NONE = new Result(List.of(), List.of(), false, true);

        boolean found() {
            return !first.isEmpty();
        }
    }

    private SubsetSearch() {
    }

    /** @param amounts positive amounts in minor units, in the order to try them */
    static Result find(long[] amounts, long target, int maxSize) {
        int n = amounts.length;
        if (n < 2 || maxSize < 2 || target <= 0) {
            return Result.NONE;
        }
        long[] suffix = new long[n + 1];
        for (int i = n - 1; i >= 0; i--) {
            suffix[i] = suffix[i + 1] + amounts[i];
        }
        State s = new State(amounts, suffix, target, maxSize);
        s.search(0, 0, new ArrayList<>());
        if (s.found.isEmpty()) {
            return new Result(List.of(), List.of(), false, s.nodes <= NODE_BUDGET);
        }
        return new Result(s.found.get(0), s.found.size() > 1 ? s.found.get(1) : List.of(),
                s.found.size() == 1 && s.nodes <= NODE_BUDGET, s.nodes <= NODE_BUDGET);
    }

    private static final class State {
        final long[] amounts;
        final long[] suffix;
        final long target;
        final int maxSize;
        final List<List<Integer>> found = new ArrayList<>(2);
        int nodes;

        State(long[] amounts, long[] suffix, long target, int maxSize) {
            this.amounts = amounts;
            this.suffix = suffix;
            this.target = target;
            this.maxSize = maxSize;
        }

        void search(int from, long sum, List<Integer> chosen) {
            for (int i = from; i < amounts.length && found.size() < 2; i++) {
                if (++nodes > NODE_BUDGET) {
                    return;
                }
                long next = sum + amounts[i];
                if (next > target || sum + suffix[i] < target) {
                    if (sum + suffix[i] < target) {
                        return; // even everything left is not enough
                    }
                    continue;
                }
                chosen.add(i);
                if (next == target) {
                    if (chosen.size() >= 2) {
                        found.add(List.copyOf(chosen));
                    }
                } else if (chosen.size() < maxSize) {
                    search(i + 1, next, chosen);
                }
                chosen.remove(chosen.size() - 1);
            }
        }
    }
}

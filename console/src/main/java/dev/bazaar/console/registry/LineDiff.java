package dev.bazaar.console.registry;

import java.util.ArrayList;
import java.util.List;

/**
 * What changed between two texts, line by line, so that a reader sees at a glance how one schema
 * version differs from another: the lines both keep (their longest common subsequence), the lines only
 * the first has (removed) and those only the second has (added), in reading order, a removal before
 * the addition that replaces it.
 *
 * <p>The common head and tail are matched first, in linear time; the part between is matched by the
 * classic dynamic programme, which needs one cell per pair of its lines. Beyond {@link #MAX_CELLS}
 * cells (two texts of thousands of changed lines, never a schema) that part is shown as removed then
 * added in full: still a correct diff, only not the shortest.
 */
public final class LineDiff {

    /** The most cells of the matching table one diff may use (4 M ints, 16 MB). */
    static final long MAX_CELLS = 4_000_000;

    /** How a line of the diff relates the two texts. */
    public enum Kind {
        /** In both texts. */
        SAME,
        /** Only in the second text. */
        ADDED,
        /** Only in the first text. */
        REMOVED,
        /** Unchanged lines left out of a diff shown with context; its text says how many. */
        SKIPPED
    }

    /** One line of a diff. */
    public record Line(Kind kind, String text) {
    }

    private LineDiff() {
    }

    /** The diff of two texts split into lines (any line break). */
    public static List<Line> of(String before, String after) {
        return of(lines(before), lines(after));
    }

    /** The diff of two lists of lines. */
    public static List<Line> of(List<String> before, List<String> after) {
        int head = 0;
        while (head < before.size() && head < after.size() && before.get(head).equals(after.get(head))) {
            head++;
        }
        int tail = 0;
        while (tail < before.size() - head && tail < after.size() - head
                && before.get(before.size() - 1 - tail).equals(after.get(after.size() - 1 - tail))) {
            tail++;
        }
        List<Line> diff = new ArrayList<>(before.size() + after.size());
        before.subList(0, head).forEach(line -> diff.add(new Line(Kind.SAME, line)));
        middle(before.subList(head, before.size() - tail), after.subList(head, after.size() - tail), diff);
        before.subList(before.size() - tail, before.size()).forEach(line -> diff.add(new Line(Kind.SAME, line)));
        return List.copyOf(diff);
    }

    /**
     * {@code diff} with every run of unchanged lines longer than {@code 2 × context + 1} (or than
     * {@code context + 1} at the start or the end) cut to its {@code context} lines next to a change, the
     * rest replaced by one {@link Kind#SKIPPED} line (never in place of a single line: that line is
     * shown).
     */
    public static List<Line> withContext(List<Line> diff, int context) {
        if (context < 0) {
            throw new IllegalArgumentException("context must be 0 or more, was " + context);
        }
        List<Line> shown = new ArrayList<>();
        int i = 0;
        while (i < diff.size()) {
            if (diff.get(i).kind() != Kind.SAME) {
                shown.add(diff.get(i++));
                continue;
            }
            int end = i;
            while (end < diff.size() && diff.get(end).kind() == Kind.SAME) {
                end++;
            }
            int keepBefore = i == 0 ? 0 : context;
            int keepAfter = end == diff.size() ? 0 : context;
            if (end - i <= keepBefore + keepAfter + 1) {
                shown.addAll(diff.subList(i, end));
            } else {
                shown.addAll(diff.subList(i, i + keepBefore));
                int skipped = end - i - keepBefore - keepAfter;
                shown.add(new Line(Kind.SKIPPED, skipped + " unchanged line" + (skipped == 1 ? "" : "s")));
                shown.addAll(diff.subList(end - keepAfter, end));
            }
            i = end;
        }
        return List.copyOf(shown);
    }

    /** How many lines of {@code diff} are of {@code kind}. */
    public static long count(List<Line> diff, Kind kind) {
        return diff.stream().filter(line -> line.kind() == kind).count();
    }

    private static void middle(List<String> before, List<String> after, List<Line> diff) {
        if ((long) (before.size() + 1) * (after.size() + 1) > MAX_CELLS) {
            before.forEach(line -> diff.add(new Line(Kind.REMOVED, line)));
            after.forEach(line -> diff.add(new Line(Kind.ADDED, line)));
            return;
        }
        int[][] common = commonFrom(before, after);
        int i = 0;
        int j = 0;
        while (i < before.size() && j < after.size()) {
            if (before.get(i).equals(after.get(j))) {
                diff.add(new Line(Kind.SAME, before.get(i++)));
                j++;
            } else if (common[i + 1][j] >= common[i][j + 1]) {
                diff.add(new Line(Kind.REMOVED, before.get(i++)));
            } else {
                diff.add(new Line(Kind.ADDED, after.get(j++)));
            }
        }
        before.subList(i, before.size()).forEach(line -> diff.add(new Line(Kind.REMOVED, line)));
        after.subList(j, after.size()).forEach(line -> diff.add(new Line(Kind.ADDED, line)));
    }

    /** {@code common[i][j]}: the length of the longest common subsequence of before[i..] and after[j..]. */
    private static int[][] commonFrom(List<String> before, List<String> after) {
        int[][] common = new int[before.size() + 1][after.size() + 1];
        for (int i = before.size() - 1; i >= 0; i--) {
            for (int j = after.size() - 1; j >= 0; j--) {
                common[i][j] = before.get(i).equals(after.get(j)) ? common[i + 1][j + 1] + 1
                        : Math.max(common[i + 1][j], common[i][j + 1]);
            }
        }
        return common;
    }

    private static List<String> lines(String text) {
        return text.isEmpty() ? List.of() : List.of(text.split("\\R", -1));
    }
}

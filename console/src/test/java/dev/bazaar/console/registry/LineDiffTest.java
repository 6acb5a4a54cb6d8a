package dev.bazaar.console.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bazaar.console.registry.LineDiff.Kind;
import dev.bazaar.console.registry.LineDiff.Line;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The schema page's diff: the lines both versions keep, and each line one removed or the other added. */
class LineDiffTest {

    @Test
    void identicalTextsAreAllTheSame() {
        // when
        List<Line> diff = LineDiff.of("a\nb\nc", "a\nb\nc");

        // then
        assertThat(diff).as("diff").extracting(Line::kind).containsOnly(Kind.SAME).hasSize(3);
    }

    @Test
    void anAddedFieldIsOneAddedLineBetweenTheUnchangedOnes() {
        // given a schema and the next version with one more property
        String before = """
                {
                  "properties" : {
                    "id" : { "type" : "string" }
                  }
                }""";
        String after = """
                {
                  "properties" : {
                    "id" : { "type" : "string" },
                    "note" : { "type" : "string" }
                  }
                }""";

        // when
        List<Line> diff = LineDiff.of(before, after);

        // then the changed line is removed then added again with its comma, the new one added
        assertThat(render(diff)).as("diff").containsExactly(
                "  {",
                "    \"properties\" : {",
                "-     \"id\" : { \"type\" : \"string\" }",
                "+     \"id\" : { \"type\" : \"string\" },",
                "+     \"note\" : { \"type\" : \"string\" }",
                "    }",
                "  }");
    }

    @Test
    void theLongestCommonSubsequenceIsKeptWhereChangesInterleave() {
        // when: a b c d e → a c d f e (b removed, f added)
        List<Line> diff = LineDiff.of(List.of("a", "b", "c", "d", "e"), List.of("a", "c", "d", "f", "e"));

        // then
        assertThat(render(diff)).as("diff").containsExactly("  a", "- b", "  c", "  d", "+ f", "  e");
        assertThat(LineDiff.count(diff, Kind.SAME)).as("lines kept").isEqualTo(4);
    }

    @Test
    void theMiddleIsMatchedBeyondACommonHeadAndTail() {
        // when: only the middle differs, with a line moved
        List<Line> diff = LineDiff.of(List.of("h", "x", "y", "z", "t"), List.of("h", "y", "z", "x", "t"));

        // then two of the three middle lines are kept
        assertThat(render(diff)).as("diff").containsExactly("  h", "- x", "  y", "  z", "+ x", "  t");
    }

    @Test
    void anEmptySideIsAllAddedOrAllRemoved() {
        assertThat(render(LineDiff.of("", "a\nb"))).as("from nothing").containsExactly("+ a", "+ b");
        assertThat(render(LineDiff.of("a\nb", ""))).as("to nothing").containsExactly("- a", "- b");
        assertThat(LineDiff.of("", "")).as("nothing to nothing").isEmpty();
    }

    @Test
    void anyLineBreakSplitsLines() {
        assertThat(render(LineDiff.of("a\r\nb", "a\nc"))).as("diff").containsExactly("  a", "- b", "+ c");
    }

    @Test
    void textsTooLargeToMatchAreStillACorrectDiffRemovedThenAdded() {
        // given two texts whose middles would need more cells than the limit
        int lines = (int) Math.sqrt(LineDiff.MAX_CELLS) + 10;
        List<String> before = IntStream.range(0, lines).mapToObj(n -> "old " + n).toList();
        List<String> after = new ArrayList<>(IntStream.range(0, lines).mapToObj(n -> "new " + n).toList());
        after.set(lines / 2, "old " + lines / 2);

        // when
        List<Line> diff = LineDiff.of(before, after);

        // then each text is whole on its side: the removed lines are the first, the added the second
        assertThat(diff).as("removed").filteredOn(line -> line.kind() == Kind.REMOVED).extracting(Line::text)
                .containsExactlyElementsOf(before);
        assertThat(diff).as("added").filteredOn(line -> line.kind() == Kind.ADDED).extracting(Line::text)
                .containsExactlyElementsOf(after);
    }

    @Test
    void withContextLongUnchangedRunsAreCutToTheLinesNextToAChange() {
        // given ten unchanged lines, a change, ten unchanged lines
        List<String> before = new ArrayList<>(IntStream.range(0, 21).mapToObj(n -> "line " + n).toList());
        List<String> after = new ArrayList<>(before);
        after.set(10, "changed");

        // when
        List<Line> shown = LineDiff.withContext(LineDiff.of(before, after), 2);

        // then
        assertThat(render(shown)).as("diff with 2 lines of context").containsExactly(
                "~ 8 unchanged lines", "  line 8", "  line 9", "- line 10", "+ changed", "  line 11", "  line 12",
                "~ 8 unchanged lines");
    }

    @Test
    void withContextAShortRunBetweenChangesIsKeptWholeAndNoChangeKeepsNothing() {
        List<Line> diff = LineDiff.of(List.of("a", "b", "c", "d", "e"), List.of("A", "b", "c", "d", "E"));

        assertThat(render(LineDiff.withContext(diff, 2))).as("three unchanged lines between two changes")
                .containsExactly("- a", "+ A", "  b", "  c", "  d", "- e", "+ E");
        assertThat(render(LineDiff.withContext(LineDiff.of("a\nb", "a\nb"), 3))).as("no change")
                .containsExactly("~ 2 unchanged lines");
        assertThat(render(LineDiff.withContext(LineDiff.of("a\nb\nc", "a\nB\nc"), 1))).as("one line: not skipped")
                .containsExactly("  a", "- b", "+ B", "  c");
        assertThat(render(LineDiff.withContext(LineDiff.of("a\nb\nc\nd", "A\nb\nc\nd"), 2)))
                .as("one line beyond the context is shown, not said to be skipped")
                .containsExactly("- a", "+ A", "  b", "  c", "  d");
        assertThatThrownBy(() -> LineDiff.withContext(diff, -1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("context must be 0 or more, was -1");
    }

    private static List<String> render(List<Line> diff) {
        return diff.stream().map(line -> switch (line.kind()) {
            case SAME -> "  ";
            case ADDED -> "+ ";
            case REMOVED -> "- ";
            case SKIPPED -> "~ ";
        } + line.text()).toList();
    }
}

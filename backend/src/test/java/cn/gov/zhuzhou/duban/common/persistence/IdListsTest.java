package cn.gov.zhuzhou.duban.common.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** A page's ids become a fixed number of single-valued parameters, so each id query has a handful of texts. */
class IdListsTest {

    static List<Long> ids(int n) {
        return LongStream.rangeClosed(1, n).map(i -> i * 10).boxed().toList();
    }

    @Test
    void aListIsRoundedUpToAPowerOfTwoFromEight() {
        assertThat(IntStream.of(2, 7, 8, 9, 16, 17, 100, 128, 129, 200, 256).map(IdLists::bucket).boxed().toList())
                .containsExactly(8, 8, 8, 16, 16, 32, 128, 128, 256, 256, 256);
    }

    @Test
    void oneIdIsAnEquality() {
        IdLists.Predicate p = IdLists.in("t.id", List.of(7L));
        assertThat(p.where()).isEqualTo("t.id = :ids0");
        assertThat(p.params()).containsExactly(Map.entry("ids0", 7L));
    }

    @Test
    void severalIdsAreSingleValuedParametersPaddedWithTheLast() {
        IdLists.Predicate p = IdLists.in("r.task.id", ids(3));
        assertThat(p.where()).isEqualTo("r.task.id in (:ids0, :ids1, :ids2, :ids3, :ids4, :ids5, :ids6, :ids7)");
        assertThat(p.params()).hasSize(8).containsEntry("ids0", 10L).containsEntry("ids1", 20L).containsEntry("ids2", 30L)
                .containsEntry("ids7", 30L);
        assertThat(new HashSet<>(p.params().values())).containsExactlyInAnyOrder(10L, 20L, 30L);
    }

    @Test
    void everyPageSizeUpToTheMaximumUsesOneOfSevenQueryTexts() {
        Set<String> texts = new HashSet<>();
        for (int n = 1; n <= IdLists.MAX; n++) {
            IdLists.Predicate p = IdLists.in("m.task.id", ids(n));
            texts.add(p.where());
            assertThat(p.params().size()).as("slots for %d ids", n).isGreaterThanOrEqualTo(n).isLessThanOrEqualTo(Math.max(8, 2 * n));
            assertThat(new HashSet<>(p.params().values())).as("ids for %d", n).isEqualTo(new HashSet<>(ids(n)));
        }
        assertThat(texts).hasSize(7); // = :ids0, then 8, 16, 32, 64, 128 and 256 slots
    }

    @Test
    void aLongListKeepsOneListParameter() {
        IdLists.Predicate p = IdLists.in("t.id", ids(IdLists.MAX + 1));
        assertThat(p.where()).isEqualTo("t.id in :ids");
        assertThat(p.params()).containsOnlyKeys("ids");
    }

    @Test
    void aQueryWithoutIdsOrWithoutTheTokenIsRefused() {
        assertThatThrownBy(() -> IdLists.in("p.id", List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> IdLists.query(null, "select p from Problem p where p.id in :ids", Object.class, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> IdLists.query(null, "select p from Problem p where p.id = :id", Object.class, List.of(1L)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

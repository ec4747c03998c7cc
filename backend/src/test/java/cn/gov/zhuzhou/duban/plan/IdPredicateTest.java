package cn.gov.zhuzhou.duban.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** The id predicate of the task reads: single-valued parameters, a few query texts for every page size. */
class IdPredicateTest {

    static List<Long> ids(int n) {
        return LongStream.rangeClosed(1, n).map(i -> i * 10).boxed().toList();
    }

    @Test
    void oneIdIsAnEquality() {
        TaskRepository.IdPredicate p = TaskRepository.IdPredicate.of("t.id", List.of(7L));
        assertThat(p.where()).isEqualTo("t.id = :id");
        assertThat(p.params()).containsExactly(java.util.Map.entry("id", 7L));
    }

    @Test
    void severalIdsAreSingleValuedParametersPaddedWithTheLastToAPowerOfTwo() {
        TaskRepository.IdPredicate p = TaskRepository.IdPredicate.of("r.task.id", ids(3));
        assertThat(p.where()).isEqualTo("r.task.id in (:i0, :i1, :i2, :i3)");
        assertThat(p.params()).hasSize(4).containsEntry("i0", 10L).containsEntry("i1", 20L).containsEntry("i2", 30L).containsEntry("i3", 30L);
        assertThat(p.params().values()).allMatch(v -> v instanceof Long);
        assertThat(new HashSet<>(p.params().values())).containsExactlyInAnyOrder(10L, 20L, 30L);
    }

    @Test
    void everyPageSizeUpToTwoHundredUsesOneOfEightQueryTexts() {
        Set<String> texts = new HashSet<>();
        for (int n = 2; n <= 200; n++) {
            TaskRepository.IdPredicate p = TaskRepository.IdPredicate.of("m.task.id", ids(n));
            texts.add(p.where());
            assertThat(p.params().size()).as("slots for %d ids", n).isGreaterThanOrEqualTo(n).isLessThan(2 * n);
            assertThat(new HashSet<>(p.params().values())).as("ids for %d", n).isEqualTo(new HashSet<>(ids(n)));
        }
        assertThat(texts).hasSize(8); // 2, 4, 8, 16, 32, 64, 128 and 256 slots
    }

    @Test
    void aLongListKeepsOneListParameter() {
        TaskRepository.IdPredicate p = TaskRepository.IdPredicate.of("t.id", ids(TaskRepository.MAX_SLOTS + 1));
        assertThat(p.where()).isEqualTo("t.id in :ids");
        assertThat(p.params()).containsOnlyKeys("ids");
        assertThat(TaskRepository.IdPredicate.of("t.id", ids(TaskRepository.MAX_SLOTS)).params()).hasSize(TaskRepository.MAX_SLOTS);
    }
}

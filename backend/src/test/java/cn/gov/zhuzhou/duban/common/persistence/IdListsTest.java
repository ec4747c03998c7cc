package cn.gov.zhuzhou.duban.common.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** A page's ids become a fixed number of single-valued parameters, so each id query has a handful of shapes. */
class IdListsTest {

    @Test
    void aListIsRoundedUpToAPowerOfTwoFromEight() {
        assertThat(IntStream.of(1, 7, 8, 9, 16, 17, 100, 128, 129, 200, 256).map(IdLists::bucket).boxed().toList())
                .containsExactly(8, 8, 8, 16, 16, 32, 128, 128, 256, 256, 256);
        assertThat(IntStream.rangeClosed(1, IdLists.MAX).map(IdLists::bucket).distinct().count()).isEqualTo(6);
    }

    @Test
    void theIdsParameterIsSpelledAsSingleParameters() {
        assertThat(IdLists.expanded("select p.id from Problem p where p.id in :ids order by p.id", 8))
                .isEqualTo("select p.id from Problem p where p.id in (:ids0, :ids1, :ids2, :ids3, :ids4, :ids5, :ids6, :ids7) order by p.id");
    }

    @Test
    void aQueryWithoutIdsOrWithoutTheTokenIsRefused() {
        assertThatThrownBy(() -> IdLists.query(null, "select p from Problem p where p.id in :ids", Object.class, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> IdLists.query(null, "select p from Problem p where p.id = :id", Object.class, List.of(1L)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

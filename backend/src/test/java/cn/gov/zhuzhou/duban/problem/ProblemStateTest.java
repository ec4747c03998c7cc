package cn.gov.zhuzhou.duban.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gov.zhuzhou.duban.common.error.IllegalTransitionException;
import cn.gov.zhuzhou.duban.common.error.InvalidRequestException;
import org.junit.jupiter.api.Test;

/** A problem's life (annex 2, rule 7) as a pure rule: raised, classified, escalated upwards only, settled, reopened. */
class ProblemStateTest {

    private static Problem aRaisedProblem() {
        return new Problem(1L, null, ProblemSource.SUPERVISION, null, "征地拆迁进度滞后");
    }

    @Test
    void mustBeClassifiedBeforeEscalationOrAssignment() {
        Problem p = aRaisedProblem();
        assertThatThrownBy(() -> p.escalate(CoordinationLevel.PROVINCE)).isInstanceOf(IllegalTransitionException.class)
                .hasMessageContaining("当前状态为 OPEN");
        assertThatThrownBy(() -> p.checkAssignable("problemId")).isInstanceOf(InvalidRequestException.class);
        p.classify(ProblemCategory.LAND, CoordinationLevel.UNIT);
        p.checkAssignable("problemId");
        p.escalate(CoordinationLevel.DEPARTMENTS_OF_THREE_CITIES);
        assertThat(p.getCoordinationLevel()).isEqualTo(CoordinationLevel.DEPARTMENTS_OF_THREE_CITIES);
    }

    @Test
    void escalatesUpwardsOnly() {
        Problem p = aRaisedProblem();
        p.classify(ProblemCategory.LAND, CoordinationLevel.CITY_LEVEL_OF_THREE_CITIES);
        assertThatThrownBy(() -> p.escalate(CoordinationLevel.UNIT)).isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> p.escalate(CoordinationLevel.CITY_LEVEL_OF_THREE_CITIES)).isInstanceOf(InvalidRequestException.class);
        assertThat(p.getCoordinationLevel()).isEqualTo(CoordinationLevel.CITY_LEVEL_OF_THREE_CITIES);
    }

    @Test
    void aSettledProblemRefusesClassificationAndReopensOnlyOnce() {
        Problem p = aRaisedProblem();
        assertThat(p.settle()).isFalse();
        p.classify(ProblemCategory.LAND, CoordinationLevel.UNIT);
        assertThat(p.reopen()).isFalse();
        assertThat(p.settle()).isTrue();
        assertThat(p.getStatus()).isEqualTo(ProblemStatus.CLOSED);
        assertThatThrownBy(() -> p.classify(ProblemCategory.POLICY, CoordinationLevel.UNIT)).isInstanceOf(IllegalTransitionException.class)
                .hasMessageContaining("当前状态为 CLOSED");
        assertThat(p.reopen()).isTrue();
        assertThat(p.getStatus()).isEqualTo(ProblemStatus.CLASSIFIED);
    }
}

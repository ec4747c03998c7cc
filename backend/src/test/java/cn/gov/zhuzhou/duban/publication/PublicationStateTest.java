package cn.gov.zhuzhou.duban.publication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gov.zhuzhou.duban.common.error.IllegalTransitionException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A publication as a pure rule: DRAFT -> PUBLISHED -> SUPERSEDED; prose only while DRAFT; corrections of published ones. */
class PublicationStateTest {

    private static final Instant AT = Instant.parse("2031-04-02T02:00:00Z");
    private static final PublicationPeriod MARCH = PublicationPeriod.parse(PublicationKind.MONTHLY_BULLETIN, "2031-03");

    private static Publication draft() {
        return new Publication(PublicationKind.MONTHLY_BULLETIN, 1L, MARCH, "{\"v\":1}");
    }

    @Test
    void aDraftTakesProseAndPublishesOnce() {
        Publication p = draft();
        assertThat(p.getStatus()).isEqualTo(PublicationStatus.DRAFT);
        assertThat(p.getAsOf()).hasToString("2031-03-31");
        assertThat(p.getDraftKey()).isEqualTo("MONTHLY_BULLETIN|1|2031-03");
        p.editProse("总体情况", "亮点", "下一步");
        p.publish(AT, "office-1", "领导小组办公室");
        assertThat(p.getStatus()).isEqualTo(PublicationStatus.PUBLISHED);
        assertThat(p.getPublishedAt()).isEqualTo(AT);
        assertThat(p.getDraftKey()).isNull();
        assertThat(p.getPublishedKey()).isEqualTo("MONTHLY_BULLETIN|1|2031-03");
        assertThatThrownBy(() -> p.publish(AT, "office-1", "办公室")).isInstanceOf(IllegalTransitionException.class)
                .hasMessageContaining("当前状态为 PUBLISHED");
    }

    @Test
    void publishedProseIsNeverEdited() {
        Publication p = draft();
        p.publish(AT, "office-1", "办公室");
        assertThatThrownBy(() -> p.editProse("改", null, null)).isInstanceOf(IllegalTransitionException.class)
                .hasMessageContaining("当前状态为 PUBLISHED").hasMessageContaining("修改文稿");
        assertThat(p.getOpening()).isNull();
    }

    @Test
    void aCorrectionCopiesTheProsePointsBackAndSupersedesWhenPublished() {
        Publication p = draft();
        p.editProse("总体情况", "亮点", "下一步");
        assertThatThrownBy(() -> p.correction("数字有误", () -> "{}")).isInstanceOf(IllegalTransitionException.class)
                .hasMessageContaining("当前状态为 DRAFT");
        p.publish(AT, "office-1", "办公室");
        Publication c = p.correction("数字有误", () -> "{\"v\":2}");
        assertThat(c.getStatus()).isEqualTo(PublicationStatus.DRAFT);
        assertThat(c.getCorrectionReason()).isEqualTo("数字有误");
        assertThat(c.getContent()).isEqualTo("{\"v\":2}");
        assertThat(c.getOpening()).isEqualTo("总体情况");
        assertThat(c.getNextSteps()).isEqualTo("下一步");
        assertThat(c.getPeriod()).isEqualTo("2031-03");
        assertThat(p.getStatus()).isEqualTo(PublicationStatus.PUBLISHED);
        p.supersede();
        assertThat(p.getStatus()).isEqualTo(PublicationStatus.SUPERSEDED);
        assertThat(p.getPublishedKey()).isNull();
        assertThatThrownBy(p::supersede).isInstanceOf(IllegalTransitionException.class).hasMessageContaining("当前状态为 SUPERSEDED");
        assertThatThrownBy(() -> p.editProse("改", null, null)).isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(() -> p.correction("再改", () -> "{}")).isInstanceOf(IllegalTransitionException.class);
    }

    @Test
    void aDraftCannotBeSuperseded() {
        assertThatThrownBy(() -> draft().supersede()).isInstanceOf(IllegalTransitionException.class).hasMessageContaining("当前状态为 DRAFT");
    }
}

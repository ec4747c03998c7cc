package cn.gov.zhuzhou.duban.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gov.zhuzhou.duban.common.error.InvalidRequestException;
import org.junit.jupiter.api.Test;

class FeedCursorTest {

    @Test
    void aCursorReadsBackAsItsSequence() {
        assertThat(FeedCursor.decode(FeedCursor.encode(1042))).isEqualTo(1042);
        assertThat(FeedCursor.decode(null)).isZero();
    }

    @Test
    void anythingElseIsRefusedNamingAfter() {
        for (String bad : new String[] {"1042", "!!", FeedCursor.encode(5).substring(1), "ZTEuLTE"}) {
            assertThatThrownBy(() -> FeedCursor.decode(bad)).as(bad).isInstanceOf(InvalidRequestException.class);
        }
    }
}

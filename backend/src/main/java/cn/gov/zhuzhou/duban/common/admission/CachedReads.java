package cn.gov.zhuzhou.duban.common.admission;

import cn.gov.zhuzhou.duban.common.persistence.DataVersion;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;

/** Makes the service's {@link CachedRead}s: on the records' version and the day of the service's clock (Asia/Shanghai). */
@ApplicationScoped
public class CachedReads {

    private final DataVersion version;
    private final Clock clock;

    CachedReads(DataVersion version, Clock clock) {
        this.version = version;
        this.clock = clock;
    }

    /** A cached read keeping at most {@code keep} answers. */
    public <K, V> CachedRead<K, V> keeping(int keep) {
        return new CachedRead<>(version::current, () -> LocalDate.now(clock), keep);
    }
}

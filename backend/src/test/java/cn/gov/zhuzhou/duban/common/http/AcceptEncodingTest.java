package cn.gov.zhuzhou.duban.common.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which Accept-Encoding headers let a gzip answer through (plain JUnit). */
class AcceptEncodingTest {

    @ParameterizedTest
    @ValueSource(strings = {"gzip", "gzip, deflate, br, zstd", "deflate, GZIP", "br;q=1.0, gzip;q=0.8", "x-gzip", "*", "identity, *;q=0.5",
            "gzip;q=0.001", "*;q=0, gzip"})
    void aClientThatNamesGzipOrAnyCodingGetsGzip(String header) {
        assertThat(AcceptEncoding.takesGzip(header)).as(header).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "identity", "deflate, br", "gzip;q=0", "gzip; q=0.0", "*;q=0", "gzip;q=0, *", "gzip;q=x", "gzipped"})
    void aClientThatRefusesGzipOrDoesNotNameItGetsIdentity(String header) {
        assertThat(AcceptEncoding.takesGzip(header)).as(header).isFalse();
    }

    @Test
    void noHeaderMeansIdentity() {
        assertThat(AcceptEncoding.takesGzip(null)).isFalse();
    }
}

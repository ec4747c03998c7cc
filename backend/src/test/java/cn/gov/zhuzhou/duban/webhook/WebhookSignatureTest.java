package cn.gov.zhuzhou.duban.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Standard Webhooks signing, checked against the specification's published test vector. */
class WebhookSignatureTest {

    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final byte[] BODY = "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8);

    @Test
    void signsLikeTheSpecificationsTestVector() {
        assertThat(WebhookSignature.sign(SECRET, "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, BODY))
                .isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    @Test
    void duringARotationTheHeaderCarriesBothSignaturesSpaceSeparated() {
        String other = WebhookSignature.newSecret();
        String header = WebhookSignature.header(List.of(other, SECRET), "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, BODY);
        assertThat(header.split(" ")).containsExactly(WebhookSignature.sign(other, "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, BODY),
                "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    @Test
    void aNewSecretIsThirtyTwoRandomBytesWithThePrefix() {
        String s = WebhookSignature.newSecret();
        assertThat(s).startsWith("whsec_");
        assertThat(Base64.getDecoder().decode(s.substring(6))).hasSize(32);
        assertThat(WebhookSignature.newSecret()).isNotEqualTo(s);
    }
}

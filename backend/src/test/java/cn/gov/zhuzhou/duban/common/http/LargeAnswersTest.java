package cn.gov.zhuzhou.duban.common.http;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** A made answer is handed over whole when small, and written in bounded slices with its length when large (plain JUnit). */
class LargeAnswersTest {

    /** An output stream that keeps what is written and the size of each write. */
    static final class Recording extends ByteArrayOutputStream {
        final List<Integer> writes = new ArrayList<>();

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            writes.add(len);
            super.write(b, off, len);
        }
    }

    static byte[] bytes(int size) {
        byte[] body = new byte[size];
        new Random(size).nextBytes(body);
        return body;
    }

    @Test
    void aSmallAnswerIsTheBytesThemselves() {
        byte[] body = bytes(LargeAnswers.SLICE);
        Response answer = LargeAnswers.json(body);
        assertThat(answer.getStatus()).isEqualTo(200);
        assertThat(answer.getEntity()).isSameAs(body);
        assertThat(answer.getMediaType()).isEqualTo(MediaType.APPLICATION_JSON_TYPE);
    }

    @Test
    void aLargeAnswerIsWrittenInSlicesOfAtMostTheSliceSizeAndSaysItsLength() throws IOException {
        int size = 10 * LargeAnswers.SLICE + 123; // a 10 MB assessment is ~160 slices; the last one partial here
        byte[] body = bytes(size);
        Response answer = LargeAnswers.ok(body, MediaType.valueOf("application/pdf"))
                .header("Content-Disposition", "attachment").build();

        assertThat(answer.getHeaderString(HttpHeaders.CONTENT_LENGTH)).isEqualTo(String.valueOf(size));
        assertThat(answer.getHeaderString("Content-Disposition")).isEqualTo("attachment");
        assertThat(answer.getMediaType()).isEqualTo(MediaType.valueOf("application/pdf"));
        assertThat(answer.getEntity()).isInstanceOf(StreamingOutput.class);

        Recording client = new Recording();
        ((StreamingOutput) answer.getEntity()).write(client);
        assertThat(client.toByteArray()).isEqualTo(body);
        assertThat(client.writes).hasSize(11).allSatisfy(len -> assertThat(len).isLessThanOrEqualTo(LargeAnswers.SLICE));
        assertThat(client.writes.get(10)).isEqualTo(123);
    }

    @Test
    void theSameMadeAnswerCanBeWrittenToManyClients() throws IOException {
        // the shared assessment's bytes go to every request that waited for the same round
        byte[] body = bytes(3 * LargeAnswers.SLICE);
        StreamingOutput slices = (StreamingOutput) LargeAnswers.json(body).getEntity();
        Recording first = new Recording();
        Recording second = new Recording();
        slices.write(first);
        slices.write(second);
        assertThat(first.toByteArray()).isEqualTo(body);
        assertThat(second.toByteArray()).isEqualTo(body);
    }
}

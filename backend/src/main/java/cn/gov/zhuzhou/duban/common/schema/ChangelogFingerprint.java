package cn.gov.zhuzhou.duban.common.schema;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The SHA-256 of the packaged changelog: the master file and, in their order, the bytes of every file it includes
 * ({@code - include: file: ...}, the only form the master uses). A new changeset, an edited file or a reordering
 * changes it; reading and hashing ~30 small resources costs a few milliseconds, where Liquibase's own check of the same
 * changelog against DATABASECHANGELOG takes seconds of a cold JVM (issue 11).
 */
final class ChangelogFingerprint {

    private static final Pattern INCLUDE = Pattern.compile("^\\s*(?:-\\s*)?file:\\s*['\"]?([^'\"\\s#]+)", Pattern.MULTILINE);

    private ChangelogFingerprint() {
    }

    static String of(String master, ClassLoader loader) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] masterBytes = read(master, loader);
            digest(sha, master, masterBytes);
            if (master.endsWith(".yaml") || master.endsWith(".yml")) {
                Matcher m = INCLUDE.matcher(new String(masterBytes, StandardCharsets.UTF_8));
                while (m.find()) {
                    digest(sha, m.group(1), read(m.group(1), loader));
                }
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void digest(MessageDigest sha, String name, byte[] bytes) {
        sha.update(name.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
        sha.update(Integer.toString(bytes.length).getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
        sha.update(bytes);
    }

    private static byte[] read(String resource, ClassLoader loader) {
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("changelog file " + resource + " is not on the class path");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

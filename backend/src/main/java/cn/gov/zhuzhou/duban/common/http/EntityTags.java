package cn.gov.zhuzhou.duban.common.http;

import java.lang.reflect.RecordComponent;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Entity tags from the entity version (RFC 9110 section 8.8.3). A single resource's tag is {@code "<version>-<digest>"}:
 * the version of the stored record, then a digest of the representation, because a view also shows what is computed
 * when it is read (a task's light, a report's days late, a group's members) and changes without the version changing;
 * {@code If-None-Match} compares the whole tag. {@code If-Match} guards an edit against a lost update and compares the
 * version only, so a tag from any read of the record, or the bare {@code "<version>"} that a 412 names, is accepted.
 */
public final class EntityTags {

    private static final Map<Class<?>, Optional<RecordComponent>> VERSION = new ConcurrentHashMap<>();

    private EntityTags() {
    }

    /** The {@code version} of a view record, if it has one: the views of single resources do. */
    public static Optional<Long> versionOf(Object entity) {
        if (entity == null || !entity.getClass().isRecord()) {
            return Optional.empty();
        }
        Optional<RecordComponent> component = VERSION.computeIfAbsent(entity.getClass(), type -> {
            for (RecordComponent c : type.getRecordComponents()) {
                if (c.getName().equals("version") && (c.getType() == long.class || c.getType() == Long.class)) {
                    return Optional.of(c);
                }
            }
            return Optional.empty();
        });
        if (component.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable((Long) component.get().getAccessor().invoke(entity));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The strong tag of a representation: version, then 16 hex digits of its SHA-256. */
    public static String of(long version, byte[] representation) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(representation);
            return "\"" + version + "-" + HexFormat.of().formatHex(digest, 0, 8) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The tag that names a version alone, as a 412 answer gives it. */
    public static String ofVersion(long version) {
        return "\"" + version + "\"";
    }

    /** {@code If-None-Match}: weak comparison against any listed tag, or {@code *}. */
    public static boolean noneMatchHits(String ifNoneMatch, String current) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String tag : split(ifNoneMatch)) {
            if (tag.equals("*") || opaque(tag).equals(opaque(current))) {
                return true;
            }
        }
        return false;
    }

    /** An {@code If-Match} header: {@code *}, or the versions its strong tags name (weak or foreign tags name none). */
    public record IfMatch(boolean any, List<Long> versions) {

        public static IfMatch parse(String header) {
            boolean any = false;
            List<Long> versions = new ArrayList<>();
            for (String tag : split(header)) {
                if (tag.equals("*")) {
                    any = true;
                } else if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
                    String inner = tag.substring(1, tag.length() - 1);
                    int dash = inner.indexOf('-');
                    String number = dash < 0 ? inner : inner.substring(0, dash);
                    if (!number.isEmpty() && number.length() <= 18 && number.chars().allMatch(Character::isDigit)) {
                        versions.add(Long.parseLong(number));
                    }
                }
            }
            return new IfMatch(any, List.copyOf(versions));
        }

        public boolean matches(long current) {
            return any || versions.contains(current);
        }
    }

    private static List<String> split(String header) {
        List<String> tags = new ArrayList<>();
        for (String part : header.split(",")) {
            String tag = part.strip();
            if (!tag.isEmpty()) {
                tags.add(tag);
            }
        }
        return tags;
    }

    private static String opaque(String tag) {
        return tag.startsWith("W/") ? tag.substring(2) : tag;
    }
}

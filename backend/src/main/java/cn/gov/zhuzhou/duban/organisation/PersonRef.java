package cn.gov.zhuzhou.duban.organisation;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "PersonRef", requiredProperties = {"id", "name"}, description = "A person, by id and name.")
public record PersonRef(@Schema(example = "3") Long id, @Schema(example = "何剑波") String name) {

    public static PersonRef of(Person p) {
        return p == null ? null : new PersonRef(p.getId(), p.getName());
    }
}

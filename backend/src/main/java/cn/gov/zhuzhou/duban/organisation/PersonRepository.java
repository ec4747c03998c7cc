package cn.gov.zhuzhou.duban.organisation;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
public class PersonRepository implements PanacheRepository<Person> {

    public List<Person> search(String text, int pageIndex, int size) {
        return (text == null || text.isBlank() ? findAll(Sort.by("code")) : find("name like ?1", Sort.by("code"), like(text)))
                .page(Page.of(pageIndex, size)).list();
    }

    public long countMatching(String text) {
        return text == null || text.isBlank() ? count() : count("name like ?1", like(text));
    }

    public long nextNumber() {
        return count() + 1;
    }

    static String like(String text) {
        return "%" + text.strip() + "%";
    }
}

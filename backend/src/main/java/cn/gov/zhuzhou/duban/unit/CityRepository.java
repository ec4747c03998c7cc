package cn.gov.zhuzhou.duban.unit;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

@ApplicationScoped
public class CityRepository implements PanacheRepository<City> {

    public Optional<City> findByCode(String code) {
        return find("code", code).firstResultOptional();
    }
}

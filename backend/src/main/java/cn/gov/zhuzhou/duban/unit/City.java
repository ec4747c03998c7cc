package cn.gov.zhuzhou.duban.unit;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/** One of the three cities of the cluster: Changsha (CS), Zhuzhou (ZZ), Xiangtan (XT). */
@Entity
public class City {

    public static final String ZHUZHOU = "ZZ";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String code;
    private String name;

    protected City() {
    }

    public City(String code, String name) {
        this.code = code;
        this.name = name;
    }

    public Long getId() {
        return id;
    }

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }
}

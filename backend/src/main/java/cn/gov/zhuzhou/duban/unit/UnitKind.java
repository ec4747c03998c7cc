package cn.gov.zhuzhou.duban.unit;

/** What sort of body a unit is. */
public enum UnitKind {
    /** The party committee and its offices (市委, 市委办公室, 市委督查室 ...). */
    PARTY_OFFICE,
    /** The municipal people's government and its general offices. */
    GOVERNMENT,
    /** The standing committee of the people's congress. */
    LEGISLATURE,
    /** A municipal department, bureau, commission or office. */
    DEPARTMENT,
    /** A county, county-level city or district government. */
    COUNTY_GOVERNMENT,
    /** A high-tech zone, economic development zone or industrial park. */
    PARK
}

package th.ita.analytics.ranking;

import th.ita.core.organization.Organization;

/**
 * Who an organization is compared with. PROVINCE is what reports quote:
 * "ลำดับที่ 50 ของหน่วยงานประเภท อปท. ในจังหวัดเชียงราย" — every LAO of the same province.
 */
public enum PeerGroup {
    /** The organizations of the same province. */
    PROVINCE,
    /** The organizations of the same province and type (e.g. every ทต. of เชียงราย). */
    PROVINCE_TYPE,
    /** The organizations of the same type in the whole country. */
    NATION_TYPE;

    /** Whether {@code candidate} belongs to {@code anchor}'s group. */
    public boolean contains(Organization anchor, Organization candidate) {
        return switch (this) {
            case PROVINCE -> candidate.provinceCode().equals(anchor.provinceCode());
            case PROVINCE_TYPE -> candidate.provinceCode().equals(anchor.provinceCode()) && candidate.type() == anchor.type();
            case NATION_TYPE -> candidate.type() == anchor.type();
        };
    }
}

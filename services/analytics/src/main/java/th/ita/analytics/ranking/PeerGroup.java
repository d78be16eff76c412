package th.ita.analytics.ranking;

import th.ita.analytics.table.ScoreTable;
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

    /** Names the group of an anchor: equal keys, equal members. */
    public String key(Organization anchor) {
        return switch (this) {
            case PROVINCE -> name() + ":" + anchor.provinceCode();
            case PROVINCE_TYPE -> name() + ":" + anchor.provinceCode() + ":" + anchor.type();
            case NATION_TYPE -> name() + ":" + anchor.type();
        };
    }

    /** The indexes of the group's members in a table, computed once per table. */
    public int[] members(ScoreTable table, Organization anchor) {
        return table.memo("members|" + key(anchor), () -> {
            java.util.List<Organization> all = table.organizations();
            return java.util.stream.IntStream.range(0, all.size()).filter(i -> contains(anchor, all.get(i))).toArray();
        });
    }

    /** Whether {@code candidate} belongs to {@code anchor}'s group. */
    public boolean contains(Organization anchor, Organization candidate) {
        return switch (this) {
            case PROVINCE -> candidate.provinceCode().equals(anchor.provinceCode());
            case PROVINCE_TYPE -> candidate.provinceCode().equals(anchor.provinceCode()) && candidate.type() == anchor.type();
            case NATION_TYPE -> candidate.type() == anchor.type();
        };
    }
}

package th.ita.core.organization;

import java.util.List;
import java.util.Optional;
import th.ita.core.thai.ThaiText;

/** The kinds of local administrative organization (องค์กรปกครองส่วนท้องถิ่น, อปท.). */
public enum OrganizationType {
    PROVINCIAL_ADMINISTRATIVE_ORGANIZATION("องค์การบริหารส่วนจังหวัด", "อบจ.", "Provincial Administrative Organization"),
    CITY_MUNICIPALITY("เทศบาลนคร", "ทน.", "City Municipality"),
    TOWN_MUNICIPALITY("เทศบาลเมือง", "ทม.", "Town Municipality"),
    SUBDISTRICT_MUNICIPALITY("เทศบาลตำบล", "ทต.", "Subdistrict Municipality"),
    SUBDISTRICT_ADMINISTRATIVE_ORGANIZATION("องค์การบริหารส่วนตำบล", "อบต.", "Subdistrict Administrative Organization"),
    /** Bangkok (กรุงเทพมหานคร) and Pattaya City (เมืองพัทยา), which have their own laws. */
    SPECIAL("องค์กรปกครองส่วนท้องถิ่นรูปแบบพิเศษ", "พิเศษ", "Special Local Administration");

    private final String nameTh;
    private final String abbreviationTh;
    private final String nameEn;

    OrganizationType(String nameTh, String abbreviationTh, String nameEn) {
        this.nameTh = nameTh;
        this.abbreviationTh = abbreviationTh;
        this.nameEn = nameEn;
    }

    public String nameTh() {
        return nameTh;
    }

    public String abbreviationTh() {
        return abbreviationTh;
    }

    public String nameEn() {
        return nameEn;
    }

    /** A type from its Thai name, Thai abbreviation with or without dots (ทต. = ทต = เทศบาลตำบล), English name or code. */
    public static Optional<OrganizationType> parse(String text) {
        return Optional.ofNullable(BY_KEY.get(ThaiText.matchKey(text)));
    }

    /** Every spelling {@link #parse} accepts, by match key. */
    private static final java.util.Map<String, OrganizationType> BY_KEY = keys();

    private static java.util.Map<String, OrganizationType> keys() {
        java.util.Map<String, OrganizationType> keys = new java.util.HashMap<>();
        for (OrganizationType type : values()) {
            for (String name : List.of(type.nameTh, type.abbreviationTh, type.nameEn, type.name().replace('_', ' '), type.name())) {
                keys.put(ThaiText.matchKey(name), type);
            }
        }
        for (String special : List.of("กทม", "กรุงเทพมหานคร", "เมืองพัทยา")) {
            keys.put(ThaiText.matchKey(special), SPECIAL);
        }
        return java.util.Map.copyOf(keys);
    }

    /**
     * Splits a full name as documents write it into its type and bare name:
     * "เทศบาลตำบลม่วงยาย", "ทต.ม่วงยาย", "ทต. ม่วงยาย" and "ทต ม่วงยาย" all give (ทต., "ม่วงยาย").
     * Bangkok and Pattaya keep their whole name. Empty when the name carries no type prefix.
     */
    public static Optional<TypedName> split(String fullName) {
        String name = ThaiText.clean(fullName);
        if (name.equals("กรุงเทพมหานคร") || name.equals("เมืองพัทยา")) {
            return Optional.of(new TypedName(SPECIAL, name));
        }
        for (OrganizationType type : PREFIX_ORDER) {
            // Without its dots an abbreviation counts only before a space: "ทม เมืองน่าน", but
            // ทมอ and ทมนางาม are real tambon names, not "ทม." + "อ".
            for (String prefix : List.of(type.nameTh, type.abbreviationTh, type.abbreviationTh.replace(".", "") + " ")) {
                if (name.startsWith(prefix) && name.length() > prefix.length()) {
                    return Optional.of(new TypedName(type, ThaiText.clean(name.substring(prefix.length()))));
                }
            }
        }
        return Optional.empty();
    }

    /** Longest prefixes first, so "เทศบาลตำบล" is not read as "เทศบาล…" of another type. */
    private static final List<OrganizationType> PREFIX_ORDER = List.of(
            SUBDISTRICT_ADMINISTRATIVE_ORGANIZATION, PROVINCIAL_ADMINISTRATIVE_ORGANIZATION,
            SUBDISTRICT_MUNICIPALITY, TOWN_MUNICIPALITY, CITY_MUNICIPALITY);

    /** A bare organization name with the type its prefix named. */
    public record TypedName(OrganizationType type, String name) {
    }
}

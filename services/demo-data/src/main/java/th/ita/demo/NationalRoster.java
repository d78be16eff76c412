package th.ita.demo;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import th.ita.core.geography.District;
import th.ita.core.geography.Geography;
import th.ita.core.geography.Province;
import th.ita.core.geography.Subdistrict;
import th.ita.core.organization.OrganizationType;
import th.ita.core.thai.ThaiText;

/**
 * The local administrative organizations of the whole country, laid out on the bundled geography so
 * that the type mix approximates the national one (76 อบจ., 30 ทน., ~190 ทม., ~2,240 ทต., ~5,310 อบต.,
 * Bangkok and Pattaya). The rules, in the order they apply:
 * <ul>
 *   <li>Bangkok is one special organization and nothing else; every other province has an อบจ.</li>
 *   <li>The 30 provinces with most subdistricts get a ทน. at the seat of their เมือง district; the
 *       other provinces get a ทม. there. More ทม. go to the largest other districts (by number of
 *       subdistricts) until there are {@value #TOWN_MUNICIPALITIES}. Both sit at the district's first
 *       subdistrict and are named after the town: the district's name, without "เมือง" at a
 *       provincial seat (เมืองตราด → ทม.ตราด).</li>
 *   <li>Pattaya (เมืองพัทยา) is special, in ชลบุรี, district บางละมุง.</li>
 *   <li>Every subdistrict (ตำบล) outside Bangkok gets an organization named after it. The first
 *       subdistrict of a district (its seat, where the sanitary districts that all became ทต. in 1999
 *       usually were) gets a ทต., sometimes with an อบต. for the rest of the tambon, or only an อบต.
 *       where a ทน./ทม. already sits; other subdistricts mostly an อบต., sometimes a ทต., rarely both.</li>
 * </ul>
 * Codes are province (2) + district suffix (2) + a sequence in the district (3); province-wide
 * organizations use district "00". Names are unique per province and type: a repeated tambon name
 * gets its district in parentheses.
 */
final class NationalRoster {
    static final int CITY_MUNICIPALITIES = 30;
    static final int TOWN_MUNICIPALITIES = 190;
    /** Shares tuned so the expected counts meet the national figures on the bundled geography. */
    private static final double SEAT_ALSO_SUBDISTRICT_ADMINISTRATION = 0.25;
    private static final double OTHER_SUBDISTRICT_MUNICIPALITY_ONLY = 0.228;
    private static final double OTHER_BOTH = 0.020;
    private static final String BANGKOK = "10";
    private static final String MUEANG = "เมือง";
    /**
     * Provinces whose real number of LAOs is known from a published report, and the roster is brought to:
     * เชียงราย has 143 ("ลำดับที่ 50 ของ อปท. ในจังหวัดเชียงราย", seed 002). Where the rules give fewer, tambons
     * that have only an อบต. also get a ทต. (the commonest real pairing), in code order, until the count is met.
     */
    static final Map<String, Integer> KNOWN_PROVINCE_COUNTS = Map.of("57", 143);
    /** Postal localities the geography lists as subdistricts but that are not ตำบล with a local government. */
    private static final Set<String> NOT_A_TAMBON = Set.of("มหาวิทยาลัยขอนแก่น");

    private NationalRoster() {
    }

    /**
     * An organization the roster must contain exactly as given (the real organizations of the seed
     * reports): the tambon of that name in that district gets this one organization and no other.
     */
    record FixedOrganization(String provinceCode, String districtCode, String name, OrganizationType type) {
        FixedOrganization {
            requireNonNull(provinceCode, "provinceCode is null");
            requireNonNull(districtCode, "districtCode is null");
            requireNonNull(name, "name is null");
            requireNonNull(type, "type is null");
            if (type != OrganizationType.SUBDISTRICT_MUNICIPALITY && type != OrganizationType.SUBDISTRICT_ADMINISTRATIVE_ORGANIZATION) {
                throw new IllegalArgumentException("only tambon-level organizations (ทต., อบต.) can be fixed: " + type.abbreviationTh() + name);
            }
        }
    }

    static List<DemoOrganization> build(Geography geography, long seed, Collection<FixedOrganization> fixed) {
        requireNonNull(geography, "geography is null");
        Map<String, FixedOrganization> fixedByTambon = new HashMap<>();
        for (FixedOrganization organization : fixed) {
            fixedByTambon.put(tambonKey(organization.districtCode(), organization.name()), organization);
        }
        Province bangkok = geography.provinceByCode(BANGKOK).orElseThrow(() -> new IllegalStateException("the geography has no Bangkok (" + BANGKOK + ")"));
        Province chonburi = geography.province("ชลบุรี").orElseThrow(() -> new IllegalStateException("the geography has no ชลบุรี"));
        District pattayaDistrict = geography.district(chonburi.code(), "บางละมุง")
                .orElseThrow(() -> new IllegalStateException("the geography has no บางละมุง in ชลบุรี"));
        List<Province> provinces = geography.provinces().stream().filter(province -> !province.code().equals(BANGKOK)).toList();
        Map<String, District> seats = new HashMap<>();
        for (Province province : provinces) {
            seats.put(province.code(), seat(geography, province));
        }
        Set<String> cityProvinces = provinces.stream()
                .sorted(Comparator.comparingInt((Province province) -> -tambonCount(geography, province)).thenComparing(Province::code))
                .limit(CITY_MUNICIPALITIES).map(Province::code).collect(Collectors.toSet());
        Set<String> townDistricts = new LinkedHashSet<>();
        provinces.stream().filter(province -> !cityProvinces.contains(province.code()))
                .forEach(province -> townDistricts.add(seats.get(province.code()).code()));
        Set<String> seatCodes = seats.values().stream().map(District::code).collect(Collectors.toSet());
        provinces.stream().flatMap(province -> geography.districts(province.code()).stream())
                .filter(district -> !seatCodes.contains(district.code()) && !district.code().equals(pattayaDistrict.code()))
                .sorted(Comparator.comparingInt((District district) -> -geography.subdistricts(district.code()).size()).thenComparing(District::code))
                .map(District::code)
                .takeWhile(code -> townDistricts.size() < TOWN_MUNICIPALITIES)
                .forEach(townDistricts::add);

        Draws draws = new Draws(seed, "roster");
        Names names = new Names();
        List<DemoOrganization> organizations = new ArrayList<>();
        organizations.add(new DemoOrganization(BANGKOK + "00001", bangkok.nameTh(), OrganizationType.SPECIAL, bangkok, Optional.empty()));
        for (Province province : provinces) {
            int provinceStart = organizations.size();
            List<Runnable> pairings = new ArrayList<>();
            organizations.add(new DemoOrganization(province.code() + "00001", province.nameTh(), OrganizationType.PROVINCIAL_ADMINISTRATIVE_ORGANIZATION,
                    province, Optional.empty()));
            for (District district : geography.districts(province.code())) {
                Sequence sequence = new Sequence(province, district);
                boolean seat = seats.get(province.code()).code().equals(district.code());
                boolean hostsMunicipality = false;
                if (seat && cityProvinces.contains(province.code())) {
                    names.add(organizations, sequence, townName(district, true), OrganizationType.CITY_MUNICIPALITY);
                    hostsMunicipality = true;
                } else if (townDistricts.contains(district.code())) {
                    names.add(organizations, sequence, townName(district, seat), OrganizationType.TOWN_MUNICIPALITY);
                    hostsMunicipality = true;
                }
                if (district.code().equals(pattayaDistrict.code())) {
                    names.add(organizations, sequence, "เมืองพัทยา", OrganizationType.SPECIAL);
                }
                List<Subdistrict> tambons = geography.subdistricts(district.code()).stream()
                        .filter(subdistrict -> !NOT_A_TAMBON.contains(subdistrict.nameTh())).toList();
                for (int i = 0; i < tambons.size(); i++) {
                    String name = ThaiText.clean(tambons.get(i).nameTh());
                    double draw = draws.uniform();
                    FixedOrganization fixedOrganization = fixedByTambon.remove(tambonKey(district.code(), name));
                    if (fixedOrganization != null) {
                        names.add(organizations, sequence, name, fixedOrganization.type());
                        continue;
                    }
                    List<OrganizationType> types = tambonTypes(i == 0, hostsMunicipality, draw);
                    for (OrganizationType type : types) {
                        names.add(organizations, sequence, name, type);
                    }
                    if (i > 0 && types.equals(List.of(OrganizationType.SUBDISTRICT_ADMINISTRATIVE_ORGANIZATION))) {
                        pairings.add(() -> names.add(organizations, sequence, name, OrganizationType.SUBDISTRICT_MUNICIPALITY));
                    }
                }
            }
            Integer known = KNOWN_PROVINCE_COUNTS.get(province.code());
            for (int p = 0; known != null && p < pairings.size() && organizations.size() - provinceStart < known; p++) {
                pairings.get(p).run();
            }
        }
        if (!fixedByTambon.isEmpty()) {
            throw new IllegalStateException("organizations to keep are not in the geography: " + fixedByTambon.values());
        }
        return List.copyOf(organizations);
    }

    private static List<OrganizationType> tambonTypes(boolean first, boolean hostsMunicipality, double draw) {
        OrganizationType municipality = OrganizationType.SUBDISTRICT_MUNICIPALITY;
        OrganizationType administration = OrganizationType.SUBDISTRICT_ADMINISTRATIVE_ORGANIZATION;
        if (first && hostsMunicipality) {
            return List.of(administration);
        }
        if (first) {
            return draw < SEAT_ALSO_SUBDISTRICT_ADMINISTRATION ? List.of(municipality, administration) : List.of(municipality);
        }
        if (draw < OTHER_SUBDISTRICT_MUNICIPALITY_ONLY) {
            return List.of(municipality);
        }
        return draw < OTHER_SUBDISTRICT_MUNICIPALITY_ONLY + OTHER_BOTH ? List.of(municipality, administration) : List.of(administration);
    }

    /** The เมือง (capital) district: the one numbered 01, which the bundled geography always has. */
    private static District seat(Geography geography, Province province) {
        List<District> districts = geography.districts(province.code());
        if (districts.isEmpty()) {
            throw new IllegalStateException("province " + province.code() + " has no districts");
        }
        for (District district : districts) {
            if (district.code().length() != 4 || !district.code().startsWith(province.code())) {
                throw new IllegalStateException("district code " + district.code() + " does not extend province code " + province.code());
            }
        }
        return districts.stream().filter(district -> district.code().endsWith("01")).findFirst().orElse(districts.get(0));
    }

    private static int tambonCount(Geography geography, Province province) {
        return geography.districts(province.code()).stream().mapToInt(district -> geography.subdistricts(district.code()).size()).sum();
    }

    /** Towns are named without "เมือง": the เมืองตราด district's town is ทม.ตราด. */
    private static String townName(District district, boolean seat) {
        String name = district.nameTh();
        return seat && name.startsWith(MUEANG) && name.length() > MUEANG.length() ? name.substring(MUEANG.length()) : name;
    }

    private static String tambonKey(String districtCode, String name) {
        return districtCode + "/" + ThaiText.matchKey(name);
    }

    /** The next code in a district. */
    private static final class Sequence {
        private final Province province;
        private final District district;
        private int next = 1;

        Sequence(Province province, District district) {
            this.province = province;
            this.district = district;
        }

        String nextCode() {
            if (next > 999) {
                throw new IllegalStateException("more than 999 organizations in district " + district.code());
            }
            return district.code() + String.format(Locale.ROOT, "%03d", next++);
        }
    }

    /** Names taken per province and type; a repeat gets its district in parentheses. */
    private static final class Names {
        private final Set<String> taken = new HashSet<>();

        void add(List<DemoOrganization> organizations, Sequence sequence, String name, OrganizationType type) {
            String unique = name;
            if (!taken.add(key(sequence.province, type, unique))) {
                unique = name + " (" + sequence.district.nameTh() + ")";
                if (!taken.add(key(sequence.province, type, unique))) {
                    return; // the same name twice in one district: one organization is enough
                }
            }
            organizations.add(new DemoOrganization(sequence.nextCode(), unique, type, sequence.province, Optional.of(sequence.district)));
        }

        private static String key(Province province, OrganizationType type, String name) {
            return province.code() + "/" + type.name() + "/" + ThaiText.matchKey(name);
        }
    }
}

package th.ita.core.geography;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import th.ita.core.thai.ThaiNumbers;
import th.ita.core.thai.ThaiText;

/**
 * Thailand's provinces, districts and subdistricts, from the reference files bundled in
 * {@code reference/} (see its SOURCE.md), with look-ups by code, Thai or English name, with or
 * without the prefixes real files carry ("จังหวัด", "จ.", "อำเภอ", "อ.", "เขต").
 */
public final class Geography {
    private static final String[] PROVINCE_PREFIXES = {"จังหวัด", "จ."};
    private static final String[] DISTRICT_PREFIXES = {"กิ่งอำเภอ", "อำเภอ", "อ.", "เขต"};
    /** Short names in common use that are not in the reference data. */
    private static final Map<String, String> PROVINCE_NICKNAMES = Map.of(
            "กทม", "10", "กรุงเทพ", "10", "กรุงเทพฯ", "10", "bkk", "10");

    private final List<Province> provinces;
    private final Map<String, Province> provincesByKey = new HashMap<>();
    private final Map<String, List<District>> districtsByProvince = new LinkedHashMap<>();
    private final Map<String, District> districtsByKey = new HashMap<>();
    private final Map<String, List<Subdistrict>> subdistrictsByDistrict = new LinkedHashMap<>();

    private Geography(List<Province> provinces, List<District> districts, List<Subdistrict> subdistricts) {
        this.provinces = List.copyOf(provinces);
        for (Province province : provinces) {
            provincesByKey.put(province.code(), province);
            provincesByKey.put(ThaiText.matchKey(province.nameTh()), province);
            provincesByKey.put(englishKey(province.nameEn()), province);
        }
        PROVINCE_NICKNAMES.forEach((nickname, code) -> provincesByKey.putIfAbsent(ThaiText.matchKey(nickname), provincesByKey.get(code)));
        for (District district : districts) {
            districtsByProvince.computeIfAbsent(district.provinceCode(), code -> new ArrayList<>()).add(district);
            districtsByKey.put(district.provinceCode() + "/" + ThaiText.matchKey(district.nameTh()), district);
            districtsByKey.put(district.provinceCode() + "/" + englishKey(district.nameEn()), district);
            districtsByKey.put(district.provinceCode() + "/" + district.code(), district);
        }
        for (Subdistrict subdistrict : subdistricts) {
            subdistrictsByDistrict.computeIfAbsent(subdistrict.districtCode(), code -> new ArrayList<>()).add(subdistrict);
        }
    }

    /** The bundled reference data. Loaded once; the instance is immutable and thread-safe. */
    public static Geography bundled() {
        return Holder.BUNDLED;
    }

    private static final class Holder {
        private static final Geography BUNDLED = new Geography(
                read("reference/provinces.csv", r -> new Province(r.get("province_code"), r.get("name_th"), r.get("name_en"))),
                read("reference/districts.csv", r -> new District(r.get("province_code"), r.get("district_code"), r.get("name_th"), r.get("name_en"))),
                read("reference/subdistricts.csv", r -> new Subdistrict(r.get("province_code"), r.get("district_code"),
                        r.get("subdistrict_code"), r.get("name_th"), r.get("name_en"))));
    }

    public List<Province> provinces() {
        return provinces;
    }

    /** A province by code ("57"), Thai name with or without "จังหวัด"/"จ." ("จ.เชียงราย"), or English name. */
    public Optional<Province> province(String nameOrCode) {
        if (nameOrCode == null || nameOrCode.isBlank()) {
            return Optional.empty();
        }
        String plain = stripPrefix(ThaiNumbers.toArabicDigits(ThaiText.clean(nameOrCode)), PROVINCE_PREFIXES);
        Province province = provincesByKey.get(ThaiText.matchKey(plain));
        return Optional.ofNullable(province != null ? province : provincesByKey.get(englishKey(plain)));
    }

    public Optional<Province> provinceByCode(String code) {
        return Optional.ofNullable(provincesByKey.get(code));
    }

    public List<District> districts(String provinceCode) {
        return districtsByProvince.getOrDefault(provinceCode, List.of());
    }

    /** A district of a province by code, or Thai or English name with or without "อำเภอ"/"อ."/"เขต". */
    public Optional<District> district(String provinceCode, String nameOrCode) {
        if (nameOrCode == null || nameOrCode.isBlank()) {
            return Optional.empty();
        }
        String plain = stripPrefix(ThaiNumbers.toArabicDigits(ThaiText.clean(nameOrCode)), DISTRICT_PREFIXES);
        District district = districtsByKey.get(provinceCode + "/" + ThaiText.matchKey(plain));
        if (district == null) {
            district = districtsByKey.get(provinceCode + "/" + englishKey(plain));
        }
        return Optional.ofNullable(district);
    }

    public List<Subdistrict> subdistricts(String districtCode) {
        return subdistrictsByDistrict.getOrDefault(districtCode, List.of());
    }

    private static String stripPrefix(String name, String[] prefixes) {
        for (String prefix : prefixes) {
            if (name.startsWith(prefix) && name.length() > prefix.length()) {
                return name.substring(prefix.length()).strip();
            }
        }
        return name;
    }

    private static String englishKey(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }

    private static <T> List<T> read(String resource, Function<CSVRecord, T> mapper) {
        requireNonNull(resource, "resource is null");
        try (InputStream in = Geography.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("reference data missing from the classpath: " + resource);
            }
            List<T> rows = new ArrayList<>();
            CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
            for (CSVRecord record : format.parse(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                rows.add(mapper.apply(record));
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}

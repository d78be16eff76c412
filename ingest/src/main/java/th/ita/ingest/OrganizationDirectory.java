package th.ita.ingest;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import th.ita.core.batch.RowError;
import th.ita.core.message.Localized;
import th.ita.core.message.Message;
import th.ita.core.geography.District;
import th.ita.core.geography.Geography;
import th.ita.core.geography.Province;
import th.ita.core.organization.NewOrganization;
import th.ita.core.organization.Organization;
import th.ita.core.organization.OrganizationType;
import th.ita.core.thai.ThaiText;

/**
 * Finds the organization a row is about: by its code, or by its name and province (the name with
 * or without its type prefix, "เทศบาลตำบลม่วงยาย", "ทต.ม่วงยาย", or "ม่วงยาย" with a type column;
 * known aliases count). Organizations not yet known are registered when the row says enough: a
 * name, a type and a province. Until the batch is published they carry temporary negative ids.
 */
final class OrganizationDirectory {
    private final Geography geography;
    private final Map<String, Organization> byCode = new HashMap<>();
    private final Map<String, List<Organization>> byProvinceAndName = new HashMap<>();
    private final Map<String, Pending> pendingByCode = new LinkedHashMap<>();
    private final Map<Long, List<String>> newAliases = new HashMap<>();
    /** Rows repeat the same organization cells year after year: resolve each spelling once. */
    private final Map<Cells, Long> resolved = new HashMap<>();
    private long nextPendingId = -1;
    private final IngestOptions.SimilarNames similarNames;
    private final Map<String, List<Organization>> byProvince = new HashMap<>();
    private final Map<Long, SimilarName> similarByPendingId = new HashMap<>();

    OrganizationDirectory(Collection<Organization> organizations, Geography geography) {
        this(organizations, geography, IngestOptions.SimilarNames.HOLD);
    }

    OrganizationDirectory(Collection<Organization> organizations, Geography geography, IngestOptions.SimilarNames similarNames) {
        this.geography = requireNonNull(geography, "geography is null");
        this.similarNames = requireNonNull(similarNames, "similarNames is null");
        organizations.forEach(this::index);
    }

    /** A new organization registered although its name is close to a known one (option REGISTER). */
    record SimilarName(String newName, String knownName, String message) {
    }

    /** The known organization a new one's name is close to, by the new one's temporary id. */
    Optional<SimilarName> similarNameOf(long pendingId) {
        return Optional.ofNullable(similarByPendingId.get(pendingId));
    }

    private void index(Organization organization) {
        byProvince.computeIfAbsent(organization.provinceCode(), key -> new ArrayList<>()).add(organization);
        byCode.put(organization.code(), organization);
        byProvinceAndName.computeIfAbsent(nameKey(organization.provinceCode(), organization.nameTh()), key -> new ArrayList<>()).add(organization);
        for (String alias : organization.aliases()) {
            byProvinceAndName.computeIfAbsent(nameKey(organization.provinceCode(), alias), key -> new ArrayList<>()).add(organization);
        }
    }

    private static String nameKey(String provinceCode, String name) {
        String bare = OrganizationType.split(name).map(OrganizationType.TypedName::name).orElse(name);
        return provinceCode + "/" + ThaiText.matchKey(bare);
    }

    /** The cells of a row that identify an organization, as found (any may be null or blank). */
    record Cells(String code, String name, String nameEn, String type, String province, String district) {
    }

    /** Either an organization id (negative while pending registration) or the errors that prevent it. */
    record Resolution(long organizationId, List<RowError> errors) {
        boolean found() {
            return errors.isEmpty();
        }
    }

    Resolution resolve(long line, Cells cells) {
        Long known = resolved.get(cells);
        if (known != null) {
            return new Resolution(known, List.of());
        }
        Resolution resolution = resolveUncached(line, cells);
        if (resolution.found()) {
            resolved.put(cells, resolution.organizationId());
        }
        return resolution;
    }

    private Resolution resolveUncached(long line, Cells cells) {
        List<RowError> errors = new ArrayList<>();
        String[][] named = {{"organization_code", cells.code(), "40"}, {"organization_name", cells.name(), "200"},
                {"organization_name_en", cells.nameEn(), "200"}};
        for (String[] cell : named) {
            if (Validation.looksLikeFormula(cell[1])) {
                errors.add(RowError.of(line, cell[0], cell[1], "FORMULA_NOT_ALLOWED", Message.of("row.FORMULA_NOT_ALLOWED")));
            } else if (cell[1] != null && Validation.withoutFormatCharacters(cell[1]).strip().length() > Integer.parseInt(cell[2])) {
                errors.add(RowError.of(line, cell[0], cell[1].substring(0, Math.min(cell[1].length(), 100)) + "…", "TOO_LONG",
                        Message.of("row.TOO_LONG", "column", cell[0], "length", cell[1].strip().length(), "maximum", cell[2])));
            }
        }
        if (!errors.isEmpty()) {
            return new Resolution(0, errors);
        }
        String code = blankToNull(Validation.withoutFormatCharacters(cells.code()));
        Optional<Province> province = Optional.empty();
        if (blankToNull(cells.province()) != null) {
            province = geography.province(cells.province());
            if (province.isEmpty()) {
                return new Resolution(0, List.of(RowError.of(line, "province", cells.province(), "UNKNOWN_PROVINCE",
                        Message.of("row.UNKNOWN_PROVINCE", "value", ThaiText.clean(cells.province())))));
            }
        }
        Optional<OrganizationType> type = Optional.empty();
        if (blankToNull(cells.type()) != null) {
            type = OrganizationType.parse(cells.type());
            if (type.isEmpty()) {
                return new Resolution(0, List.of(RowError.of(line, "organization_type", cells.type(), "UNKNOWN_TYPE", Message.of("row.UNKNOWN_TYPE"))));
            }
        }
        String name = blankToNull(cells.name()) == null ? null : blankToNull(Validation.withoutFormatCharacters(ThaiText.clean(cells.name())));
        Optional<OrganizationType.TypedName> typedName = name == null ? Optional.empty() : OrganizationType.split(name);
        if (typedName.isPresent() && type.isPresent() && typedName.get().type() != type.get()) {
            return new Resolution(0, List.of(RowError.of(line, "organization_type", cells.type(), "TYPE_MISMATCH", Message.of("row.TYPE_MISMATCH",
                    "typeColumn", type.get().abbreviationTh(), "name", name, "typeOfName", typedName.get().type().abbreviationTh()))));
        }
        if (type.isEmpty()) {
            type = typedName.map(OrganizationType.TypedName::type);
        }
        String bareName = typedName.map(OrganizationType.TypedName::name).orElse(name);

        if (code != null) {
            Organization known = byCode.get(code);
            if (known != null) {
                if (province.isPresent() && !province.get().code().equals(known.provinceCode())) {
                    return new Resolution(0, List.of(RowError.of(line, "province", cells.province(), "PROVINCE_MISMATCH", Message.of("row.PROVINCE_MISMATCH",
                            "code", code, "knownProvince", provinceName(known.provinceCode()), "province", name(province.get())))));
                }
                Optional<RowError> district = districtMismatch(line, cells, known);
                if (district.isPresent()) {
                    return new Resolution(0, List.of(district.get()));
                }
                rememberAlias(known, bareName);
                return new Resolution(known.id(), List.of());
            }
            Pending pending = pendingByCode.get(code);
            if (pending != null) {
                return new Resolution(pending.id(), List.of());
            }
        } else if (name != null && province.isPresent()) {
            List<Organization> candidates = byProvinceAndName.getOrDefault(nameKey(province.get().code(), bareName), List.of());
            Optional<OrganizationType> wantedType = type;
            List<Organization> matching = candidates.stream().filter(o -> wantedType.isEmpty() || o.type() == wantedType.get()).distinct().toList();
            if (matching.size() == 1) {
                Optional<RowError> district = districtMismatch(line, cells, matching.get(0));
                return district.map(error -> new Resolution(0, List.of(error))).orElseGet(() -> new Resolution(matching.get(0).id(), List.of()));
            }
            if (matching.size() > 1) {
                return new Resolution(0, List.of(RowError.of(line, "organization_name", name, "AMBIGUOUS_ORGANIZATION", Message.of("row.AMBIGUOUS_ORGANIZATION",
                        "name", bareName, "province", name(province.get()), "candidates", matching.stream().map(Organization::fullNameTh).toList()))));
            }
            if (type.isPresent()) {
                code = derivedCode(province.get(), type.get(), bareName);
                Pending pending = pendingByCode.get(code);
                if (pending != null) {
                    return new Resolution(pending.id(), List.of());
                }
            }
        }
        // Not known: register it if the row says enough.
        List<String> missing = new ArrayList<>();
        if (name == null) {
            missing.add("organization_name");
        }
        if (type.isEmpty()) {
            missing.add("organization_type");
        }
        if (province.isEmpty()) {
            missing.add("province");
        }
        if (!missing.isEmpty()) {
            return new Resolution(0, List.of(RowError.of(line, code != null ? "organization_code" : "organization_name",
                    code != null ? code : name, "UNKNOWN_ORGANIZATION", code != null
                            ? Message.of("row.UNKNOWN_ORGANIZATION_CODE", "code", code, "missing", missing)
                            : Message.of("row.UNKNOWN_ORGANIZATION", "missing", missing))));
        }
        String districtCode = null;
        if (blankToNull(cells.district()) != null) {
            Optional<District> district = geography.district(province.get().code(), cells.district());
            if (district.isEmpty()) {
                return new Resolution(0, List.of(RowError.of(line, "district", cells.district(), "UNKNOWN_DISTRICT",
                        Message.of("row.UNKNOWN_DISTRICT", "value", ThaiText.clean(cells.district()), "province", name(province.get())))));
            }
            districtCode = district.get().code();
        }
        Optional<Organization> similar = similarKnown(province.get().code(), districtCode, bareName);
        if (similar.isPresent() && similarNames == IngestOptions.SimilarNames.HOLD) {
            Organization known = similar.get();
            return new Resolution(0, List.of(RowError.of(line, "organization_name", name, "SIMILAR_ORGANIZATION", Message.of("row.SIMILAR_ORGANIZATION",
                    "name", bareName, "province", name(province.get()), "known", known.fullNameTh(), "code", known.code()))));
        }
        if (code == null) {
            code = derivedCode(province.get(), type.get(), bareName);
        }
        if (similar.isPresent()) {
            similarByPendingId.put(nextPendingId, new SimilarName(bareName, similar.get().nameTh(), "registered " + bareName + " as a new organization although "
                    + similar.get().fullNameTh() + " (" + similar.get().code() + ") of the same " + (districtCode != null
                    && districtCode.equals(similar.get().districtCode()) ? "district" : "province") + " has a name this close"));
        }
        Pending pending = new Pending(nextPendingId--, new NewOrganization(code, bareName, blankToNull(Validation.withoutFormatCharacters(cells.nameEn())), type.get(),
                province.get().code(), districtCode, List.of()));
        pendingByCode.put(code, pending);
        return new Resolution(pending.id(), List.of());
    }

    /**
     * A row naming a known organization with another district (a known district that is not its own, or one
     * the province does not have, such as อำเภอสร้างเวียงแก่น for เวียงแก่น) must not pass unnoticed.
     */
    private Optional<RowError> districtMismatch(long line, Cells cells, Organization known) {
        if (blankToNull(cells.district()) == null || known.districtCode() == null) {
            return Optional.empty();
        }
        Optional<District> district = geography.district(known.provinceCode(), cells.district());
        if (district.isPresent() && district.get().code().equals(known.districtCode())) {
            return Optional.empty();
        }
        Localized knownDistrict = geography.district(known.provinceCode(), known.districtCode())
                .map(d -> new Localized(d.nameTh(), d.nameEn() == null || d.nameEn().isBlank() ? d.nameTh() : d.nameEn()))
                .orElse(new Localized(known.districtCode(), known.districtCode()));
        return Optional.of(RowError.of(line, "district", cells.district(), "DISTRICT_MISMATCH", Message.of("row.DISTRICT_MISMATCH",
                "organization", known.fullNameTh(), "code", known.code(), "knownDistrict", knownDistrict, "value", ThaiText.clean(cells.district()))));
    }

    /** A province's name in both languages, for the reason of a row error (English where the reference data has it). */
    private static Localized name(Province province) {
        return new Localized(province.nameTh(), province.nameEn() == null || province.nameEn().isBlank() ? province.nameTh() : province.nameEn());
    }

    private Localized provinceName(String provinceCode) {
        return geography.provinceByCode(provinceCode).map(OrganizationDirectory::name).orElse(new Localized(provinceCode, provinceCode));
    }

    /**
     * A known organization of the same province whose name is close to a new one's but not the same:
     * at most a third of the letters apart in the same district, a quarter elsewhere in the province
     * (ม่วงฝอย is two letters from ม่วงยาย). Names equal to a known one under another type are not "close".
     */
    private Optional<Organization> similarKnown(String provinceCode, String districtCode, String bareName) {
        String key = ThaiText.matchKey(bareName);
        Organization best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (Organization candidate : byProvince.getOrDefault(provinceCode, List.of())) {
            for (String spelling : names(candidate)) {
                String other = ThaiText.matchKey(spelling);
                boolean sameDistrict = districtCode != null && districtCode.equals(candidate.districtCode());
                int allowed = Math.max(1, Math.min(key.length(), other.length()) / (sameDistrict ? 3 : 4));
                if (Math.abs(key.length() - other.length()) > allowed) {
                    continue;
                }
                int distance = distance(key, other);
                if (distance > 0 && distance <= allowed && distance < bestDistance) {
                    best = candidate;
                    bestDistance = distance;
                }
            }
        }
        return Optional.ofNullable(best);
    }

    private static List<String> names(Organization organization) {
        List<String> names = new ArrayList<>();
        names.add(organization.nameTh());
        names.addAll(organization.aliases());
        return names;
    }

    /** Levenshtein distance on code points. */
    static int distance(String a, String b) {
        int[] x = a.codePoints().toArray();
        int[] y = b.codePoints().toArray();
        int[] previous = new int[y.length + 1];
        int[] row = new int[y.length + 1];
        for (int j = 0; j <= y.length; j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= x.length; i++) {
            row[0] = i;
            for (int j = 1; j <= y.length; j++) {
                row[j] = Math.min(Math.min(row[j - 1] + 1, previous[j] + 1), previous[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1));
            }
            int[] swap = previous;
            previous = row;
            row = swap;
        }
        return previous[y.length];
    }

    /**
     * A stable, URL-safe code for an organization a file names without one: province, type initials
     * and a digest of the normalized name ("57-SM-1a2b3c4d5e"), the same for every file that names it.
     */
    private static String derivedCode(Province province, OrganizationType type, String bareName) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(ThaiText.matchKey(bareName).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            String initials = java.util.Arrays.stream(type.name().split("_")).map(word -> word.substring(0, 1)).collect(java.util.stream.Collectors.joining());
            return province.code() + "-" + initials + "-" + java.util.HexFormat.of().formatHex(digest, 0, 5);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void rememberAlias(Organization known, String name) {
        if (name != null && !ThaiText.matchKey(name).equals(ThaiText.matchKey(known.nameTh()))
                && known.aliases().stream().noneMatch(alias -> ThaiText.matchKey(alias).equals(ThaiText.matchKey(name)))) {
            List<String> aliases = newAliases.computeIfAbsent(known.id(), id -> new ArrayList<>());
            if (!aliases.contains(name) && aliases.size() < 20) {
                aliases.add(name);
            }
        }
    }

    /** Organizations to register (those this batch keeps scores for), by their temporary id. */
    Map<Long, NewOrganization> pending() {
        Map<Long, NewOrganization> pending = new LinkedHashMap<>();
        pendingByCode.values().forEach(p -> pending.put(p.id(), p.organization()));
        return pending;
    }

    /** Spellings of known organizations' names that the file used, by organization id. */
    Map<Long, List<String>> newAliases() {
        return newAliases;
    }

    private record Pending(long id, NewOrganization organization) {
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}

#!/usr/bin/env node
// Extracts Thailand's administrative geography (provinces, districts,
// subdistricts) from the npm package thai-address-universal@2.2.0 (ISC) into
// provinces.csv, districts.csv and subdistricts.csv. See SOURCE.md.
//
// Usage (the package is resolved from the *current working directory*):
//   mkdir -p /tmp/geo && cd /tmp/geo && npm init -y && npm install thai-address-universal@2.2.0
//   node /path/to/extract-thai-geography.mjs [outputDir]
// outputDir defaults to the directory containing this script.

import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const EXPECTED_VERSION = '2.2.0';
const outDir = path.resolve(process.argv[2] ?? path.dirname(fileURLToPath(import.meta.url)));

// Resolve the package from the cwd (not from this script's location).
const require = createRequire(path.join(process.cwd(), 'noop.js'));
const pkgJsonPath = require.resolve('thai-address-universal/package.json');
const pkg = require(pkgJsonPath);
if (pkg.version !== EXPECTED_VERSION) {
    console.warn(`WARNING: thai-address-universal ${pkg.version} found, expected ${EXPECTED_VERSION}`);
}
const T = await import(pathToFileURL(path.join(path.dirname(pkgJsonPath), 'dist/esm/index.js')).href);

// Load both languages and the geocode overlay. NOTE (2.2.0 quirk): preload()
// creates the active Thai instance twice, so the one behind getDatabase() is
// not the cached one that setGeoMode(true) attaches the geocodes to.
// setEngMode(false) afterwards switches getDatabase() to the cached instance.
await T.preload({ language: 'both', geo: true });
await T.setGeoMode(true);
await T.setEngMode(false);
const th = T.getDatabase();
await T.setEngMode(true);
const en = T.getDatabase();
await T.setEngMode(false);

// Both languages decode the same tree in the same order: pair rows by index.
if (th.length === 0 || th.length !== en.length) throw new Error(`row count mismatch: ${th.length} vs ${en.length}`);
if (!th.some((r) => r.province_code)) throw new Error('geocode overlay not applied');
th.forEach((r, i) => {
    const e = en[i];
    if (r.postal_code !== e.postal_code || r.sub_district_code !== e.sub_district_code || r.district_code !== e.district_code) {
        throw new Error(`Thai/English rows out of step at index ${i}`);
    }
});

const clean = (s, prefixes = []) => {
    let v = (s ?? '').replace(/\s+/g, ' ').trim();
    for (const p of prefixes) {
        if (v.startsWith(p) && v.length > p.length) {
            v = v.slice(p.length).trim();
            break;
        }
    }
    return v;
};
const P_PREFIX = ['จังหวัด'];
const D_PREFIX = ['กิ่งอำเภอ', 'อำเภอ', 'เขต'];
const S_PREFIX = ['ตำบล', 'แขวง'];

const provinces = new Map(); // name_th -> row
const districts = new Map(); // province_th|district_th -> row
const subdistricts = new Map(); // province_th|district_th|sub_th -> row
let skippedIslands = 0;

th.forEach((r, i) => {
    const e = en[i];
    const pTh = clean(r.province, P_PREFIX);
    const dTh = clean(r.district, D_PREFIX);
    const sTh = clean(r.sub_district, S_PREFIX);
    if (!provinces.has(pTh)) {
        provinces.set(pTh, { province_code: r.province_code ?? '', name_th: pTh, name_en: clean(e.province) });
    }
    const dKey = `${pTh}|${dTh}`;
    if (!districts.has(dKey)) {
        districts.set(dKey, {
            province_code: r.province_code ?? '',
            district_code: r.district_code ?? '',
            name_th: dTh,
            name_en: clean(e.district),
        });
    }
    // Rows without a postal code are uninhabited islands listed by the
    // upstream postal database (all in Chumphon), not ตำบล/แขวง: skip them.
    if (!r.postal_code) {
        skippedIslands++;
        return;
    }
    // The upstream data has one row per (subdistrict, postal code): dedupe.
    const sKey = `${dKey}|${sTh}`;
    if (!subdistricts.has(sKey)) {
        subdistricts.set(sKey, {
            province_code: r.province_code ?? '',
            district_code: r.district_code ?? '',
            subdistrict_code: r.sub_district_code ?? '',
            name_th: sTh,
            name_en: clean(e.sub_district),
        });
    }
});

// Corrections to the package's codes, from the official DOPA codes (the names are the package's).
// Bueng Kan is 38, not 97, and its districts carry no codes in the package; two district codes
// are used twice. Subdistrict codes stay as given: they are not unique and the platform does not key on them.
const PROVINCE_CODE_FIX = { '97': '38' };
const DISTRICT_CODE_FIX = {
    '38/เมืองบึงกาฬ': '3801', '38/เซกา': '3802', '38/โซ่พิสัย': '3803', '38/พรเจริญ': '3804',
    '38/ศรีวิไล': '3805', '38/บึงโขงหลง': '3806', '38/ปากคาด': '3807', '38/บุ่งคล้า': '3808',
    '50/กัลยาณิวัฒนา': '5025', '53/น้ำปาด': '5304',
};
for (const r of provinces.values()) {
    r.province_code = PROVINCE_CODE_FIX[r.province_code] ?? r.province_code;
}
for (const [key, r] of [...districts.entries(), ...subdistricts.entries()]) {
    r.province_code = PROVINCE_CODE_FIX[r.province_code] ?? r.province_code;
    const districtName = key.split('|')[1];
    r.district_code = DISTRICT_CODE_FIX[`${r.province_code}/${districtName}`] ?? r.district_code;
}

// Sort hierarchically by code (province, district, subdistrict); rows with an
// empty code go last within their parent, ties broken by Thai name.
const coll = new Intl.Collator('th');
const byCode = (...keys) => (a, b) => {
    for (const k of keys) {
        if (a[k] !== b[k]) {
            if (!a[k]) return 1;
            if (!b[k]) return -1;
            return a[k] < b[k] ? -1 : 1;
        }
    }
    return coll.compare(a.name_th, b.name_th);
};
const provRows = [...provinces.values()].sort(byCode('province_code'));
const distRows = [...districts.values()].sort(byCode('province_code', 'district_code'));
const subRows = [...subdistricts.values()].sort(byCode('province_code', 'district_code', 'subdistrict_code'));

const csvField = (v) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
const writeCsv = (file, cols, rows) => {
    const lines = [cols.join(','), ...rows.map((r) => cols.map((c) => csvField(String(r[c] ?? ''))).join(','))];
    writeFileSync(path.join(outDir, file), `${lines.join('\n')}\n`, 'utf8');
};
writeCsv('provinces.csv', ['province_code', 'name_th', 'name_en'], provRows);
writeCsv('districts.csv', ['province_code', 'district_code', 'name_th', 'name_en'], distRows);
writeCsv('subdistricts.csv', ['province_code', 'district_code', 'subdistrict_code', 'name_th', 'name_en'], subRows);

// Report.
const dupes = (rows, k) => {
    const m = new Map();
    for (const r of rows) if (r[k]) m.set(r[k], (m.get(r[k]) ?? 0) + 1);
    return [...m].filter(([, n]) => n > 1);
};
const report = (label, rows, codeKey, parentKey) => {
    const empty = rows.filter((r) => !r[codeKey]).length;
    const d = dupes(rows, codeKey);
    const noEn = rows.filter((r) => !r.name_en).length;
    let msg = `${label}: ${rows.length} rows; empty ${codeKey}: ${empty}; duplicated codes: ${d.length} (${d.reduce((a, [, n]) => a + n, 0)} rows); missing name_en: ${noEn}`;
    if (parentKey) {
        const bad = rows.filter((r) => r[codeKey] && r[parentKey] && !r[codeKey].startsWith(r[parentKey])).length;
        msg += `; ${codeKey} not prefixed by ${parentKey}: ${bad}`;
    }
    console.log(msg);
};
console.log(`thai-address-universal ${pkg.version}: ${th.length} source rows; skipped ${skippedIslands} island rows without postal code`);
report('provinces', provRows, 'province_code');
report('districts', distRows, 'district_code', 'province_code');
report('subdistricts', subRows, 'subdistrict_code', 'district_code');
console.log(`written to ${outDir}`);

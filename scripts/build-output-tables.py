#!/usr/bin/env python3
"""Build the country and admin1 tables the exporters read (data/output/).

Usage: scripts/build-output-tables.py ../shared/data/geonames data/output

Inputs (see data/output/README.md for licences):
- countries.json   GeoNames country info: ISO alpha-2/alpha-3/numeric, FIPS 10-4,
                   English name, continent.
- countryinfo.json country centre points (latlng) and UN sub-regions.
- subdivisions.tsv GeoNames admin1 codes and names.

The ACLED region of a country is its UN M49 sub-region renamed to ACLED's region
names, with ACLED's Middle East and Caucasus and Central Asia (see README).
"""
import json
import sys
from pathlib import Path

src, out = Path(sys.argv[1]), Path(sys.argv[2])

# UN M49 sub-regions for the two continents countryinfo.json only splits coarsely
# ("Sub-Saharan Africa", "Latin America and the Caribbean").
M49 = {
    "Eastern Africa": "BI KM DJ ER ET KE MG MW MU YT MZ RE RW SC SO SS TZ UG ZM ZW IO TF",
    "Middle Africa": "AO CM CF TD CG CD GQ GA ST",
    "Southern Africa": "BW SZ LS NA ZA",
    "Western Africa": "BJ BF CV CI GM GH GN GW LR ML MR NE NG SH SN SL TG",
    "Northern Africa": "DZ EG LY MA SD TN EH",
    "Caribbean": "AI AN AG AW BS BB BQ VG KY CU CW DM DO GD GP HT JM MQ MS PR BL KN LC MF VC SX TT TC VI",
    "Central America": "BZ CR SV GT HN MX NI PA",
    "South America": "AR BO BR CL CO EC FK GF GY PY PE SR UY VE GS BV",
    "North America": "US CA BM GL PM",
}
BY_CODE = {c: r for r, cs in M49.items() for c in cs.split()}
# countryinfo sub-region -> ACLED region, for the continents it splits finely.
RENAME = {
    "Northern America": "North America",
    "Central Asia": "Caucasus and Central Asia",
    "Eastern Asia": "East Asia",
    "South-eastern Asia": "Southeast Asia",
    "Southern Asia": "South Asia",
    "Western Asia": "Middle East",
    "Eastern Europe": "Europe",
    "Northern Europe": "Europe",
    "Southern Europe": "Europe",
    "Western Europe": "Europe",
    "Australia and New Zealand": "Oceania",
    "Melanesia": "Oceania",
    "Micronesia": "Oceania",
    "Polynesia": "Oceania",
    "Northern Africa": "Northern Africa",
}
# ACLED's own groupings that depart from M49.
OVERRIDE = {"AM": "Caucasus and Central Asia", "AZ": "Caucasus and Central Asia",
            "GE": "Caucasus and Central Asia", "CY": "Europe", "IR": "Middle East",
            "XK": "Europe", "AQ": "Antarctica", "HM": "Antarctica"}
# Kosovo is missing from countryinfo.json: its centre, from general knowledge.
EXTRA_CENTRE = {"XK": (42.583, 20.917)}

geo = json.loads((src / "countries.json").read_text())
info = {}
for c in json.loads((src / "countryinfo.json").read_text()):
    a2 = (c.get("ISO") or {}).get("alpha2")
    if a2 and a2 not in info:
        info[a2] = c

rows = []
for a2, g in sorted(geo.items()):
    ci = info.get(a2, {})
    if a2 in OVERRIDE:
        region = OVERRIDE[a2]
    elif a2 in BY_CODE:
        region = BY_CODE[a2]
    else:
        region = RENAME.get(ci.get("subregion") or "", "")
    if not region:
        sys.exit(f"no ACLED region for {a2} ({g['name']}, {ci.get('subregion')!r})")
    centre = ci.get("latlng") or EXTRA_CENTRE.get(a2) or ci.get("capital_latlng") or ("", "")
    lat, lon = centre if len(centre) == 2 else ("", "")
    rows.append([a2, g["iso3"], str(g["isonumeric"]), g["fips"] or "", g["name"].strip(),
                 g["continentcode"], region, str(lat), str(lon)])

head = "# iso2\tiso3\tisonumeric\tfips\tname\tcontinent\tacled_region\tlat\tlon"
(out / "countries.tsv").write_text(head + "\n" + "\n".join("\t".join(r) for r in rows) + "\n")

adm = []
for line in (src / "subdivisions.tsv").read_text().splitlines():
    f = line.split("\t")
    if len(f) >= 7 and f[6] == "1" and f[2].count(".") == 1:
        cc, code = f[2].split(".")
        adm.append((cc, code, f[0].strip()))
adm.sort()
(out / "admin1.tsv").write_text("# iso2\tadmin1\tname\n" + "\n".join("\t".join(r) for r in adm) + "\n")
print(f"{len(rows)} countries, {len(adm)} admin1 areas")

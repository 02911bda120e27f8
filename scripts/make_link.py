#!/usr/bin/env python3
"""Makes a 倍增沙盘 scenario link from a scenario file (docs/FORMATS.md).

    python3 scripts/make_link.py scenario.json [--base https://host/path/]

Reads the JSON scenario file format (version 1, 2 or 3) and writes link
format version 4 with every cell, base, source, unallocated part, reported
year, growth range, rho and phi the file gives, so that a spreadsheet
exported to that JSON (or written by any program) becomes a link. Needs only
the Python standard library and data/plan.json for the plan's layout.
"""
import argparse
import base64
import json
import pathlib
import sys
import zlib

ROOT = pathlib.Path(__file__).resolve().parent.parent
KEYS = ["funds", "investment", "capacity", "value_added"]
KINDS = {"unit_growth": 0, "unit_levels": 1, "city_growth": 2, "city_level": 3}


def varint(n):
    out = bytearray()
    while True:
        byte = n & 0x7F
        n >>= 7
        if n:
            out.append(byte | 0x80)
        else:
            out.append(byte)
            return bytes(out)


def zigzag(v):
    return (v << 1) ^ (v >> 31) if v >= 0 else ((-v) << 1) - 1


def clean_source(text):
    """One line, trimmed, at most 60 characters, as the page keeps it."""
    line = "".join(" " if ord(c) < 32 or 127 <= ord(c) < 160 else c for c in text).strip()
    return line[:60].rstrip()


def extras(given, key, units, years):
    """Version 2's per-indicator extras: source, unallocated part, reported years."""
    flags, body = 0, bytearray()
    source = clean_source(given.get("source", ""))
    if source:
        flags |= 1
        raw = source.encode("utf-8")
        body += varint(len(raw)) + raw
    part = given.get("unallocated")
    if part is not None:
        flags |= 2
        body += varint(round(part["base"] * 10000)) + varint(zigzag(round(part["growth"] * 100)))
    reported = given.get("reported", {})
    if reported:
        if sorted(reported) != [str(y) for y in years[: len(reported)]]:
            sys.exit(f"indicators.{key}.reported: must be the first years, in order")
        flags |= 4
        body += varint(len(reported))
        for year in years[: len(reported)]:
            entry = reported[str(year)]
            kind = KINDS[entry["kind"]]
            body.append(kind)
            if kind == 1:
                body += b"".join(varint(round(entry["levels"][unit] * 10000)) for unit in units)
            elif kind == 2:
                body += varint(zigzag(round(entry["value"] * 100)))
            elif kind == 3:
                body += varint(round(entry["value"] * 10000))
    return bytes([flags]) + bytes(body)


def range_value(given, path):
    """A range as version 4 writes it: 2h for ±h bp, 2(low·32768 + high) + 1 otherwise."""
    low, high = (given["low"], given["high"]) if isinstance(given, dict) else (given, given)
    low, high = round(low * 100), round(high * 100)
    if not (0 <= low <= 18000 and 0 <= high <= 18000):
        sys.exit(f"{path}: out of range")
    return low * 2 if low == high else ((low << 15 | high) << 1) | 1


def uncertainty(doc, plan, units):
    """Version 4's uncertainty block: the switch, rho and phi, the ranges that are not ±3 points."""
    given = doc.get("uncertainty", {})
    rho, phi = round(given.get("rho", 0.5) * 100), round(given.get("phi", 0.3) * 100)
    if not (0 <= rho <= 100 and 0 <= phi <= 100):
        sys.exit("uncertainty: rho and phi lie between 0 and 1")
    default = range_value(3, "")
    lists = []
    for ind in plan["indicators"]:
        key = ind["key"]
        years = list(range(plan["base_year"] + 1, ind["target_year"] + 1))
        inputs = doc.get("indicators", {}).get(key, {})
        ranges = inputs.get("ranges", {})
        changed = []
        for u, unit in enumerate(units):
            for k, year in enumerate(years):
                r = ranges.get(unit, {}).get(str(year))
                if r is not None:
                    changed.append((u * len(years) + k, range_value(r, f"indicators.{key}.ranges.{unit}.{year}")))
        part = inputs.get("unallocated", {}).get("range")
        if part is not None:
            changed.append((len(units) * len(years), range_value(part, f"indicators.{key}.unallocated.range")))
        lists.append([(i, v) for i, v in changed if v != default])
    coefficients = (rho, phi) != (50, 30)
    has_ranges = any(lists)
    out = bytearray([int(bool(given.get("on", False))) | (2 if coefficients else 0) | (4 if has_ranges else 0)])
    if coefficients:
        out += bytes([rho, phi])
    if has_ranges:
        for changed in lists:
            out += varint(len(changed))
            prev = -1
            for index, value in changed:
                out += varint(index - prev - 1) + varint(value)
                prev = index
    return bytes(out)


def encode(doc, plan):
    units = [u["id"] for u in plan["units"]]
    out = bytearray([4])
    name = doc.get("name", "")
    flags = (1 if doc.get("lang") == "en" else 0) | (2 if name else 0)
    out.append(flags)
    if name:
        raw = name.encode("utf-8")
        out += varint(len(raw)) + raw
    indicators = {i["key"]: i for i in plan["indicators"]}
    for key in KEYS:
        ind = indicators[key]
        years = list(range(plan["base_year"] + 1, ind["target_year"] + 1))
        given = doc.get("indicators", {}).get(key, {})
        cells = []
        for u, unit in enumerate(units):
            for k, year in enumerate(years):
                value = given.get("growth", {}).get(unit, {}).get(str(year))
                if value is not None:
                    bp = round(value * 100)
                    if not -3000 <= bp <= 15000:
                        sys.exit(f"indicators.{key}.growth.{unit}.{year}: out of range")
                    cells.append((u * len(years) + k, bp))
        out += varint(len(cells))
        prev = -1
        for index, bp in cells:
            out += varint(index - prev - 1) + varint(zigzag(bp))
            prev = index
        bases = [(u, given["bases"][unit]) for u, unit in enumerate(units) if unit in given.get("bases", {})]
        out += varint(len(bases))
        prev = -1
        for u, value in bases:
            out += varint(u - prev - 1) + varint(round(value * 10000))
            prev = u
        out += extras(given, key, units, years)
    out += uncertainty(doc, plan, units)
    out += zlib.crc32(bytes(out)).to_bytes(4, "little")
    return base64.urlsafe_b64encode(bytes(out)).decode().rstrip("=")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file")
    parser.add_argument("--base", default="", help="the page's address, e.g. https://host/sandbox/")
    args = parser.parse_args()
    doc = json.loads(pathlib.Path(args.file).read_text(encoding="utf-8"))
    if doc.get("format") != "doubling-sandbox-scenario" or doc.get("version") not in (1, 2, 3):
        sys.exit("not a version 1, 2 or 3 scenario file")
    plan = json.loads((ROOT / "data" / "plan.json").read_text(encoding="utf-8"))
    print(f"{args.base}#s={encode(doc, plan)}")


if __name__ == "__main__":
    main()

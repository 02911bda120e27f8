#!/usr/bin/env python3
"""Writes the spreadsheet fixtures of the tests: tests/fixtures/bases.xlsx,
bases.ods and bases.xls, a sheet of 2022 bases as a planner might keep it
(a title row, a header, three units, a total row).

They are written here by hand with the standard library, not by the app's
own writer, so that the tests read files from a different producer: shared
and inline strings, a number with binary float noise (12.300000000000001,
which must read as 12.3), an integer and an empty cell. The output is the
same bytes on every run (fixed timestamps), so the files can be committed.

    python3 scripts/make_sheet_fixtures.py
"""
import pathlib
import struct
import zipfile
from xml.sax.saxutils import escape

OUT = pathlib.Path(__file__).resolve().parent.parent / "tests" / "fixtures"
STAMP = (2024, 1, 1, 0, 0, 0)

# Rows of the sheet; None is an empty cell.
ROWS = [
    ["2022年基数（示意）"],
    ["单位", "招商引资到位资金", "产能（亿元）"],
    ["华龙区", 30.5, 1200],
    ["濮阳经济技术开发区", 48, None],
    ["台前县", 12.300000000000001, 95.25],
    ["合计", 90.8, 1295.25],
]
SHEET = "基数"


def col_letter(i):
    return "ABCDEFGHIJKLMNOPQRSTUVWXYZ"[i]


def write_zip(path, entries):
    with zipfile.ZipFile(path, "w") as z:
        for name, text, method in entries:
            info = zipfile.ZipInfo(name, STAMP)
            info.compress_type = method
            info.external_attr = 0o644 << 16
            z.writestr(info, text.encode("utf-8"))


def xlsx():
    shared = []  # Strings in the header go to the shared table; unit names are inline.
    rows_xml = []
    for r, row in enumerate(ROWS, start=1):
        cells = []
        for c, value in enumerate(row):
            ref = f"{col_letter(c)}{r}"
            if value is None:
                continue
            if isinstance(value, str) and r <= 2:
                shared.append(value)
                cells.append(f'<c r="{ref}" t="s"><v>{len(shared) - 1}</v></c>')
            elif isinstance(value, str):
                cells.append(f'<c r="{ref}" t="inlineStr"><is><t>{escape(value)}</t></is></c>')
            else:
                cells.append(f'<c r="{ref}"><v>{value!r}</v></c>')
        rows_xml.append(f'<row r="{r}">{"".join(cells)}</row>')
    main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    pkg = "http://schemas.openxmlformats.org/package/2006/relationships"
    ct = "application/vnd.openxmlformats-officedocument.spreadsheetml"
    head = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    entries = [
        ("[Content_Types].xml", head
         + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
         + '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
         + '<Default Extension="xml" ContentType="application/xml"/>'
         + f'<Override PartName="/xl/workbook.xml" ContentType="{ct}.sheet.main+xml"/>'
         + f'<Override PartName="/xl/worksheets/sheet1.xml" ContentType="{ct}.worksheet+xml"/>'
         + f'<Override PartName="/xl/sharedStrings.xml" ContentType="{ct}.sharedStrings+xml"/>'
         + "</Types>"),
        ("_rels/.rels", head + f'<Relationships xmlns="{pkg}">'
         + f'<Relationship Id="rId1" Type="{rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>'),
        ("xl/workbook.xml", head + f'<workbook xmlns="{main}" xmlns:r="{rel}">'
         + f'<sheets><sheet name="{SHEET}" sheetId="1" r:id="rId1"/></sheets></workbook>'),
        ("xl/_rels/workbook.xml.rels", head + f'<Relationships xmlns="{pkg}">'
         + f'<Relationship Id="rId1" Type="{rel}/worksheet" Target="worksheets/sheet1.xml"/>'
         + f'<Relationship Id="rId2" Type="{rel}/sharedStrings" Target="sharedStrings.xml"/>'
         + "</Relationships>"),
        ("xl/sharedStrings.xml", head + f'<sst xmlns="{main}" count="{len(shared)}" uniqueCount="{len(shared)}">'
         + "".join(f"<si><t>{escape(s)}</t></si>" for s in shared) + "</sst>"),
        ("xl/worksheets/sheet1.xml", head + f'<worksheet xmlns="{main}"><sheetData>'
         + "".join(rows_xml) + "</sheetData></worksheet>"),
    ]
    write_zip(OUT / "bases.xlsx", [(n, t, zipfile.ZIP_DEFLATED) for n, t in entries])


def ods():
    rows_xml = []
    for row in ROWS:
        cells = []
        for value in row:
            if value is None:
                cells.append("<table:table-cell/>")
            elif isinstance(value, str):
                cells.append(f'<table:table-cell office:value-type="string"><text:p>{escape(value)}</text:p></table:table-cell>')
            else:
                cells.append(f'<table:table-cell office:value-type="float" office:value="{value!r}"><text:p>{value}</text:p></table:table-cell>')
        rows_xml.append(f"<table:table-row>{''.join(cells)}</table:table-row>")
    ns = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
          'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
          'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"')
    mime = "application/vnd.oasis.opendocument.spreadsheet"
    head = '<?xml version="1.0" encoding="UTF-8"?>\n'
    entries = [
        # The mimetype comes first and uncompressed, as the format requires.
        ("mimetype", mime, zipfile.ZIP_STORED),
        ("META-INF/manifest.xml", head
         + '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
         + f'<manifest:file-entry manifest:full-path="/" manifest:media-type="{mime}"/>'
         + '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
         + "</manifest:manifest>", zipfile.ZIP_DEFLATED),
        ("content.xml", head + f'<office:document-content {ns} office:version="1.2"><office:body><office:spreadsheet>'
         + f'<table:table table:name="{SHEET}">' + "".join(rows_xml) + "</table:table>"
         + "</office:spreadsheet></office:body></office:document-content>", zipfile.ZIP_DEFLATED),
    ]
    write_zip(OUT / "bases.ods", entries)


def xls():
    """The old binary format: BIFF8 records in a "Workbook" stream of an OLE
    compound file, only the records a reader needs (no styles: every cell
    is General). Integers are RK records, as Excel writes them."""

    def record(typ, data=b""):
        return struct.pack("<HH", typ, len(data)) + data

    def utf16(text):
        return text.encode("utf-16-le")

    def cell(r, c, value):
        head = struct.pack("<HHH", r, c, 0x0F)
        if isinstance(value, str):  # LABEL: XLUnicodeString, uncompressed
            return record(0x0204, head + struct.pack("<HB", len(value), 1) + utf16(value))
        if isinstance(value, int):  # RK: an integer shifted left by two, fInt set
            return record(0x027E, head + struct.pack("<I", (value << 2) | 0x02))
        return record(0x0203, head + struct.pack("<d", value))  # NUMBER

    def bof(kind):
        return record(0x0809, struct.pack("<HHHHII", 0x0600, kind, 0x0DBB, 0x07CC, 0, 6))

    sheet = bof(0x0010)
    for r, row in enumerate(ROWS):
        for c, value in enumerate(row):
            if value is not None:
                sheet += cell(r, c, value)
    sheet += record(0x000A)

    def globals_(sheet_at):
        name = struct.pack("<BB", len(SHEET), 1) + utf16(SHEET)
        return (bof(0x0005) + record(0x0042, struct.pack("<H", 1200))
                + record(0x0085, struct.pack("<IBB", sheet_at, 0, 0) + name) + record(0x000A))

    book = globals_(len(globals_(0))) + sheet
    book += b"\0" * (4096 - len(book))  # From 4096 bytes on, a stream lives in whole sectors.
    sectors = len(book) // 512

    # Sector 0: the FAT; sector 1: the directory; sectors 2..: the stream.
    end, free = 0xFFFFFFFE, 0xFFFFFFFF
    fat = [0xFFFFFFFD, end] + [3 + i for i in range(sectors - 1)] + [end]
    fat += [free] * (128 - len(fat))

    def entry(name, kind, child, start, size):
        raw = utf16(name + "\0") if name else b""
        return (raw.ljust(64, b"\0") + struct.pack("<HBB", len(raw), kind, 1)
                + struct.pack("<III", free, free, child) + b"\0" * 16 + struct.pack("<I", 0)
                + b"\0" * 16 + struct.pack("<II", start, size) + struct.pack("<I", 0))

    directory = (entry("Root Entry", 5, 1, end, 0) + entry("Workbook", 2, free, 2, len(book))
                 + entry("", 0, free, free, 0) * 2)
    header = (b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1" + b"\0" * 16
              + struct.pack("<HHHHH", 0x003E, 0x0003, 0xFFFE, 9, 6) + b"\0" * 6
              + struct.pack("<IIIIIIIII", 0, 1, 1, 0, 4096, end, 0, end, 0)
              + struct.pack("<109I", 0, *([free] * 108)))
    assert len(header) == 512 and len(directory) == 512
    (OUT / "bases.xls").write_bytes(header + struct.pack("<128I", *fat) + directory + book)


if __name__ == "__main__":
    OUT.mkdir(parents=True, exist_ok=True)
    xlsx()
    ods()
    xls()
    print(f"wrote bases.xlsx, bases.ods and bases.xls in {OUT}")

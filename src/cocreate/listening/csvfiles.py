"""Reading uploaded CSV files without trusting them: their size, whether they are text
at all, their encoding and delimiter, and their records with the line each starts on.

Bytes that are not text in the chosen encoding do not stop a file: they are carried
through as lone surrogates (Python's "surrogateescape"), so the row that holds them is
reported with its line number while the rows around it are read as usual.
"""

import csv
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass

MAX_BYTES = 50 * 1024 * 1024
EXTENSIONS = (".csv", ".tsv", ".txt")
ENCODINGS = {
    "utf-8": "UTF-8",
    "utf-8-sig": "UTF-8 with a byte order mark (Excel's “CSV UTF-8”)",
    "cp1252": "Windows-1252 (Excel on Windows, Western European)",
    "latin-1": "ISO-8859-1 (Latin-1)",
    "utf-16": "UTF-16 (with a byte order mark)",
}
DELIMITERS = {",": "comma", ";": "semicolon", "\t": "tab", "|": "vertical bar"}
PREVIEW_ROWS = 5
SNIFF_BYTES = 64 * 1024
ESCAPED = re.compile("[\udc80-\udcff]")
csv.field_size_limit(1024 * 1024)  # a cell of a megabyte is a mistake, not a review


class NotACsvFile(ValueError):
    """The upload is not a CSV file this import can read; the message says why."""


@dataclass(frozen=True)
class Sniffed:
    encoding: str
    delimiter: str
    headers: list[str]
    preview: list[list[str]]
    rows_estimated: int


def check_upload(name: str, content: bytes) -> None:
    if not name.lower().endswith(EXTENSIONS):
        raise NotACsvFile("Upload a .csv file (or .tsv, .txt): this file has another type.")
    if len(content) > MAX_BYTES:
        raise NotACsvFile(
            f"The file has {len(content) / 1024 / 1024:.0f} MB; the limit is "
            f"{MAX_BYTES // 1024 // 1024} MB. Split it into smaller files."
        )
    if not content.strip():
        raise NotACsvFile("The file is empty.")
    head = content[:SNIFF_BYTES]
    if not head.startswith((b"\xff\xfe", b"\xfe\xff")) and b"\x00" in head:
        raise NotACsvFile("This is not a text file: it looks like a spreadsheet or an image.")


def guess_encoding(content: bytes) -> str:
    if content.startswith(b"\xef\xbb\xbf"):
        return "utf-8-sig"
    if content.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    text = content.decode("utf-8", errors="surrogateescape")
    broken = len(ESCAPED.findall(text))
    if not broken:
        return "utf-8"
    # Mostly UTF-8 with a few broken bytes: read as UTF-8, and the rows holding them are
    # reported. No UTF-8 at all beyond ASCII: a Windows file, most likely.
    letters = sum(1 for character in text if "\x7f" < character < "\udc80")
    return "utf-8" if letters > broken else "cp1252"


def decode(content: bytes, encoding: str) -> str:
    if encoding not in ENCODINGS:
        raise NotACsvFile(f"Unknown encoding {encoding!r}: choose one of {', '.join(ENCODINGS)}.")
    return content.decode(encoding, errors="surrogateescape")


def guess_delimiter(text: str) -> str:
    sample = text[:SNIFF_BYTES]
    try:
        return csv.Sniffer().sniff(sample, delimiters="".join(DELIMITERS)).delimiter
    except csv.Error:
        first = sample.splitlines()[0] if sample else ""
        return max(DELIMITERS, key=first.count) if any(d in first for d in DELIMITERS) else ","


def sniff(content: bytes, encoding: str | None = None, delimiter: str | None = None) -> Sniffed:
    """The file's encoding and delimiter (guessed unless given), its header and first rows."""
    encoding = encoding or guess_encoding(content)
    text = decode(content[: SNIFF_BYTES * 4], encoding)
    delimiter = delimiter or guess_delimiter(text)
    if delimiter not in DELIMITERS:
        raise NotACsvFile("Choose a comma, semicolon, tab or vertical bar as the delimiter.")
    found = []
    for _, record in records(content[: SNIFF_BYTES * 4], encoding, delimiter):
        if isinstance(record, list) and any(cell.strip() for cell in record):
            found.append(record)
        if len(found) > PREVIEW_ROWS:
            break
    if not found:
        raise NotACsvFile("The file has no header row.")
    headers = [readable(h).strip() or f"Column {i + 1}" for i, h in enumerate(found[0])]
    lines = content.count(b"\n") + (0 if content.endswith(b"\n") else 1)
    return Sniffed(
        encoding=encoding,
        delimiter=delimiter,
        headers=headers,
        preview=[[readable(cell) for cell in row] for row in found[1:]],
        rows_estimated=max(lines - 1, 0),
    )


def readable(cell: str) -> str:
    """A cell for showing on a page: undecodable bytes as the replacement character."""
    return ESCAPED.sub("\ufffd", cell)


def undecodable(record: list[str]) -> str | None:
    """The first undecodable byte of a record as hex (E9), or None when all is text."""
    for cell in record:
        if match := ESCAPED.search(cell):
            return f"{ord(match.group()) - 0xDC00:02X}"
    return None


def records(content: bytes, encoding: str, delimiter: str) -> Iterator[tuple[int, list[str] | str]]:
    """Every record after the header... and the header: (line it starts on, cells), or
    (line, reason) where the CSV itself is broken there. Blank lines are records too
    (empty lists), so counting records is stable whatever they hold."""
    stream = io.StringIO(decode(content, encoding), newline="")
    reader = csv.reader(stream, delimiter=delimiter, strict=False)
    line = 1
    while True:
        try:
            record = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            yield line, f"the line cannot be read as CSV ({error})"
            line = reader.line_num + 1
            continue
        yield line, record
        line = reader.line_num + 1

"""Which files a project may hold, told by what is inside them. No Django import.

A file is taken only when its name ends in an allowed extension AND its first bytes (and, for
office files, the parts inside the zip) say it really is that kind of file. Everything else is
refused: web pages, SVG drawings (they can carry script), programs, macro-enabled office files,
and text that starts like markup. The stored copy gets a random name; the name people see on
download is rebuilt here from letters, digits and dashes, with the checked extension.
"""

import io
import re
import unicodedata
import zipfile
from dataclasses import dataclass
from typing import BinaryIO

MAX_BYTES = 10 * 1024 * 1024
MAX_MB = MAX_BYTES // (1024 * 1024)
_ZIP_MAX_ENTRIES = 2000  # a real office file has dozens; thousands suggests a zip bomb


@dataclass(frozen=True)
class Kind:
    key: str
    extension: str  # what the stored and downloaded file ends in
    content_type: str
    label: str


KINDS = {
    kind.key: kind
    for kind in [
        Kind("pdf", "pdf", "application/pdf", "PDF"),
        Kind(
            "docx",
            "docx",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "Word document",
        ),
        Kind(
            "xlsx",
            "xlsx",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "Excel spreadsheet",
        ),
        Kind("odt", "odt", "application/vnd.oasis.opendocument.text", "OpenDocument text"),
        Kind(
            "ods",
            "ods",
            "application/vnd.oasis.opendocument.spreadsheet",
            "OpenDocument spreadsheet",
        ),
        Kind("csv", "csv", "text/csv", "CSV data"),
        Kind("txt", "txt", "text/plain", "Text"),
        Kind("png", "png", "image/png", "PNG image"),
        Kind("jpeg", "jpg", "image/jpeg", "JPEG image"),
    ]
}
# The extensions a name may end in, and the kind each must turn out to be.
EXTENSIONS = {
    "pdf": "pdf",
    "docx": "docx",
    "xlsx": "xlsx",
    "odt": "odt",
    "ods": "ods",
    "csv": "csv",
    "txt": "txt",
    "png": "png",
    "jpg": "jpeg",
    "jpeg": "jpeg",
}
ALLOWED_TEXT = "PDF, Word (DOCX), Excel (XLSX), OpenDocument (ODT, ODS), CSV, TXT, PNG or JPEG"
# Text that opens like one of these is markup, whatever its name says.
_MARKUP = re.compile(rb"<\s*(!doctype|html|svg|script|\?xml|iframe|object|body|head|meta)", re.I)


class FileRefused(ValueError):
    """A file we will not keep; the message says why in plain words."""


def check(file: BinaryIO, *, name: str, size: int) -> Kind:
    """The kind of an upload, or FileRefused. Reads the file and leaves it at the start."""
    if size == 0:
        raise FileRefused("The file is empty")
    if size > MAX_BYTES:
        raise FileRefused(f"The file must be smaller than {MAX_MB} MB")
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    expected = EXTENSIONS.get(extension)
    if expected is None:
        raise FileRefused(f"The file must be a {ALLOWED_TEXT} file")
    file.seek(0)
    head = file.read(4096)
    file.seek(0)
    found = _sniff(file, head)
    file.seek(0)
    if found == "text" and expected in ("csv", "txt"):
        found = expected  # a CSV is plain text; its name says which it is meant to be
    if found != expected:
        raise FileRefused(
            f"The file's name ends in .{extension} but it is not a {KINDS[expected].label} file. "
            "Save it again in the right format"
        )
    return KINDS[found]


def _sniff(file: BinaryIO, head: bytes) -> str | None:
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if head.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if head.startswith(b"PK\x03\x04"):
        return _office(file)
    return _text(file.read())


def _office(file: BinaryIO) -> str | None:
    try:
        with zipfile.ZipFile(file) as archive:
            names = archive.namelist()
            if len(names) > _ZIP_MAX_ENTRIES:
                return None
            if any(n.lower().endswith("vbaproject.bin") for n in names):
                return None  # macros: a program inside a document
            if "word/document.xml" in names and "[Content_Types].xml" in names:
                return "docx"
            if "xl/workbook.xml" in names and "[Content_Types].xml" in names:
                return "xlsx"
            if names and names[0] == "mimetype":
                info = archive.getinfo("mimetype")
                if info.file_size > 100:
                    return None
                mimetype = archive.read("mimetype").strip()
                return {
                    b"application/vnd.oasis.opendocument.text": "odt",
                    b"application/vnd.oasis.opendocument.spreadsheet": "ods",
                }.get(mimetype)
    except (zipfile.BadZipFile, OSError, KeyError, RuntimeError):
        return None
    return None


def _text(content: bytes) -> str | None:
    """Plain text (UTF-8, or Windows text as spreadsheets save it) with no markup or nulls."""
    if b"\x00" in content:
        return None
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            text = content.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        return None
    if _MARKUP.search(content[:65536]):
        return None
    if any(unicodedata.category(c) == "Cc" and c not in "\t\r\n\f" for c in text[:65536]):
        return None
    return "text"


def download_name(name: str, kind: Kind) -> str:
    """A safe name to offer on download: ASCII letters, digits and dashes, then the real
    extension. "Our plan (v2).pdf.html" can never come back with a risky ending."""
    stem = name.rsplit(".", 1)[0] if "." in name else name
    stem = unicodedata.normalize("NFKD", stem).encode("ascii", "ignore").decode()
    stem = re.sub(r"[^A-Za-z0-9]+", "-", stem).strip("-")[:80] or "document"
    return f"{stem}.{kind.extension}"


def is_kind(content: bytes, *, name: str) -> Kind:
    """check() for bytes in hand (the demo and tests)."""
    return check(io.BytesIO(content), name=name, size=len(content))

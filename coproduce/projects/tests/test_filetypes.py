"""What filetypes.check takes and refuses, by content as well as by name."""

import pytest

from coproduce.projects import filetypes
from coproduce.projects.filetypes import FileRefused, download_name, is_kind

from . import files


@pytest.mark.parametrize(
    ("name", "content", "kind"),
    [
        ("plan.pdf", files.PDF, "pdf"),
        ("figures.csv", files.CSV, "csv"),
        ("notes.txt", "Café notes £5\n".encode(), "txt"),
        ("report.docx", files.docx(), "docx"),
        ("minutes.odt", files.odt(), "odt"),
        ("photo.PNG", files.png(), "png"),
    ],
)
def test_good_files_are_taken(name, content, kind):
    """Each allowed kind is recognised from its content."""
    assert is_kind(content, name=name).key == kind


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("page.html", files.HTML),
        ("page.htm", files.HTML),
        ("drawing.svg", files.SVG),
        ("drawing.svg", files.SVG_PLAIN),
        ("setup.exe", files.EXE),
        ("x.pdf.html", files.PDF),
        ("no-extension", files.PDF),
    ],
)
def test_risky_names_are_refused(name, content):
    """HTML, SVG, programs, double extensions ending in .html and no extension are refused."""
    with pytest.raises(FileRefused, match="must be a"):
        is_kind(content, name=name)


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("page.pdf", files.HTML),  # a web page in disguise
        ("notes.txt", files.HTML),
        ("data.csv", files.SVG),  # an SVG with script, named as data
        ("report.docx", files.PDF),
        ("report.pdf", files.docx()),
        ("photo.png", files.PDF),
        ("setup.pdf", files.EXE),
        ("macros.docx", files.docx(macros=True)),
        ("broken.docx", b"PK\x03\x04 not really a zip"),
    ],
)
def test_wrong_content_is_refused(name, content):
    """A file whose content is not what its name says is refused."""
    with pytest.raises(FileRefused, match="is not a"):
        is_kind(content, name=name)


def test_too_big_names_the_limit():
    """A file over the limit is refused with the limit in the message."""
    content = files.PDF + b"0" * filetypes.MAX_BYTES
    with pytest.raises(FileRefused, match=f"smaller than {filetypes.MAX_MB} MB"):
        is_kind(content, name="big.pdf")


def test_empty_is_refused():
    """An empty file is refused."""
    with pytest.raises(FileRefused, match="empty"):
        is_kind(b"", name="empty.txt")


def test_download_names_are_safe():
    """The name offered on download has only safe characters and the checked extension."""
    pdf = filetypes.KINDS["pdf"]
    assert download_name("Our plan (v2).pdf", pdf) == "Our-plan-v2.pdf"
    assert download_name('x".html.pdf', pdf) == "x-html.pdf"
    assert download_name("../../etc/passwd.pdf", pdf) == "etc-passwd.pdf"
    assert download_name("Café.pdf", pdf) == "Cafe.pdf"
    assert download_name("....pdf", pdf) == "document.pdf"

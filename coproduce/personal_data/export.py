"""Everything held about a person, gathered from every app's declarations into one zip.

The zip holds `data.json` (every kind of record, by kind), one CSV file for each kind that
has rows, and `README.txt` saying what the files are.
"""

import csv
import io
import json
import zipfile
from typing import Any

from django.conf import settings
from django.utils import timezone

from .registry import Declaration, declarations, row_export

# A spreadsheet treats a cell starting with one of these as a formula; such cells are quoted.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

README = """What {service} holds about you
{line}

Made on {made} for account {account}.

data.json holds every record, grouped by kind. Each .csv file holds one kind, for
spreadsheets. Each row has every field we keep, with its stored code and, for fields with a
fixed set of answers, the words you saw (the columns ending "_display").

Numbers ending "_id" point to other records: an event, a project, another person's account.
We do not include other people's details in your download.

Questions: {feedback}
"""


def _rows_for(declaration: Declaration, user) -> list[dict[str, Any]]:
    if declaration.export_with is not None:
        return list(declaration.export_with(user))
    rows = declaration.rows(user)
    many = [field.name for field in declaration.model_class._meta.many_to_many]
    if many:
        rows = rows.prefetch_related(*many)
    return [row_export(row, private=declaration.private) for row in rows.iterator(chunk_size=500)]


def personal_data_gather(user) -> dict[str, list[dict[str, Any]]]:
    """Every record every app holds about this person, by kind (empty kinds included)."""
    gathered: dict[str, list[dict[str, Any]]] = {}
    for declaration in declarations():
        gathered.setdefault(declaration.kind, []).extend(_rows_for(declaration, user))
    return gathered


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list | dict):
        value = json.dumps(value, ensure_ascii=False)
    text = str(value)
    return "'" + text if text.startswith(_FORMULA_STARTS) else text


def _csv(rows: list[dict[str, Any]]) -> str:
    columns: list[str] = []
    for row in rows:
        columns.extend(column for column in row if column not in columns)
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(columns)
    for row in rows:
        writer.writerow([_cell(row.get(column)) for column in columns])
    return out.getvalue()


def personal_data_zip(user) -> bytes:
    """The zip of everything held about this person."""
    gathered = personal_data_gather(user)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        title = f"What {settings.SERVICE_NAME} holds about you"
        archive.writestr(
            "README.txt",
            README.format(
                service=settings.SERVICE_NAME,
                line="=" * len(title),
                made=timezone.localtime().strftime("%d %B %Y %H:%M"),
                account=user.pk,
                feedback=settings.FEEDBACK_EMAIL,
            ),
        )
        archive.writestr("data.json", json.dumps(gathered, ensure_ascii=False, indent=2))
        for kind, rows in gathered.items():
            if rows:
                archive.writestr(f"{kind}.csv", _csv(rows))
    return buffer.getvalue()

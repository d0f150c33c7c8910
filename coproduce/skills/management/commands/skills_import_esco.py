"""Import skills from a file in ESCO's CSV format (https://esco.ec.europa.eu/en/use-esco/download)."""

import csv
import io
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.core.validators import URLValidator

from coproduce.skills.models import Skill, SkillCategory
from coproduce.skills.services import EscoSkill, skills_import_esco

REQUIRED_COLUMNS = ("conceptUri", "preferredLabel")
USED_COLUMNS = (*REQUIRED_COLUMNS, "altLabels", "description", "status")
MAX_LABEL = Skill._meta.get_field("name").max_length
MAX_URI = Skill._meta.get_field("esco_uri").max_length


class FileProblem(Exception):
    """The whole file cannot be read."""


def read_esco(path: Path) -> tuple[list[EscoSkill], list[str], int]:
    """The released skills in the file, the problems as "line N: reason", and how many rows
    were left out as not released. Raises FileProblem if the file cannot be used at all."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError as error:
        raise FileProblem(f"There is no file at {path}.") from error
    except IsADirectoryError as error:
        raise FileProblem(f"{path} is a folder, not a file.") from error
    except UnicodeDecodeError as error:
        raise FileProblem(
            f"{path.name} is not UTF-8 text (byte {error.start}). Save it as CSV UTF-8."
        ) from error
    if not text.strip():
        raise FileProblem(f"{path.name} is empty.")
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = [name.strip() for name in next(reader)]
        missing = [name for name in REQUIRED_COLUMNS if name not in header]
        if missing:
            raise FileProblem(
                f"{path.name} has no {' or '.join(missing)} column. ESCO skills files start "
                f"with a header row naming {', '.join(USED_COLUMNS)} and others."
            )
        column = {name: header.index(name) for name in USED_COLUMNS if name in header}
        skills, problems, seen_uris, seen_labels, not_released = [], [], {}, {}, 0
        line = reader.line_num + 1
        for record in reader:
            start, line = line, reader.line_num + 1
            if not any(cell.strip() for cell in record):
                continue
            if len(record) != len(header):
                problems.append(
                    f"line {start}: {len(record)} cells where the header has {len(header)}"
                )
                continue
            cell = {name: record[index].strip() for name, index in column.items()}
            if "status" in cell and cell["status"].lower() != "released":
                not_released += 1
                continue
            reason = _problem(cell, seen_uris, seen_labels)
            if reason:
                problems.append(f"line {start}: {reason}")
                continue
            seen_uris[cell["conceptUri"]] = start
            seen_labels[cell["preferredLabel"].casefold()] = start
            skills.append(
                EscoSkill(
                    line=start,
                    uri=cell["conceptUri"],
                    label=cell["preferredLabel"],
                    alt_labels=tuple(
                        label.strip()
                        for label in cell.get("altLabels", "").splitlines()
                        if label.strip()
                    ),
                    description=cell.get("description", ""),
                )
            )
    except csv.Error as error:
        raise FileProblem(f"{path.name} is not a readable CSV file: {error}.") from error
    if not skills and not problems and not not_released:
        raise FileProblem(f"{path.name} has a header but no skills.")
    return skills, problems, not_released


def _problem(cell: dict[str, str], seen_uris: dict, seen_labels: dict) -> str:
    uri, label = cell["conceptUri"], cell["preferredLabel"]
    if not uri:
        return "no conceptUri"
    try:
        URLValidator(schemes=["http", "https"])(uri)
    except ValidationError:
        return f"conceptUri {uri!r} is not a web address"
    if len(uri) > MAX_URI:
        return f"conceptUri is longer than {MAX_URI} characters"
    if uri in seen_uris:
        return f"conceptUri {uri} is also on line {seen_uris[uri]}"
    if not label:
        return "no preferredLabel"
    if len(label) > MAX_LABEL:
        return f"preferredLabel is longer than {MAX_LABEL} characters"
    if label.casefold() in seen_labels:
        return f"preferredLabel {label!r} is also on line {seen_labels[label.casefold()]}"
    for alt in cell.get("altLabels", "").splitlines():
        if len(alt.strip()) > MAX_LABEL:
            return f"an altLabels line is longer than {MAX_LABEL} characters: {alt.strip()!r}"
    return ""


class Command(BaseCommand):
    help = (
        "Add skills from a file in ESCO's CSV format, or update those already here (matched "
        "by ESCO address or by label in any case). Needed columns: conceptUri, preferredLabel; "
        "also read: altLabels (one per line), description, status (only 'released' rows are "
        "imported). Other columns are ignored. If any row has a problem nothing is imported."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path, help="The CSV file (UTF-8).")
        parser.add_argument(
            "--category",
            metavar="SLUG",
            help="The category for new skills (default: 'ESCO skills', made if missing).",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Check every row and report; write nothing."
        )

    def handle(self, *args, path, category, dry_run, **options):
        chosen = None
        if category:
            chosen = SkillCategory.objects.filter(slug=category).first()
            if chosen is None:
                known = ", ".join(SkillCategory.objects.values_list("slug", flat=True))
                raise CommandError(
                    f"There is no skill category {category!r}. Categories: {known}.",
                    returncode=2,
                )
        try:
            skills, problems, not_released = read_esco(path)
        except FileProblem as problem:
            raise CommandError(str(problem), returncode=2) from problem
        if problems:
            for problem in problems:
                self.stderr.write(problem)
            opening = "Dry run, nothing written" if dry_run else "Nothing was imported"
            count = len(problems)
            raise CommandError(
                f"{opening}: {count} {'row' if count == 1 else 'rows'} with problems (listed "
                "above). Fix them and run this again.",
                returncode=2,
            )
        result = skills_import_esco(rows=skills, category=chosen, dry_run=dry_run)
        summary = (
            f"{result.added} added, {result.updated} updated, {result.unchanged} unchanged, "
            f"{not_released} not released (left out)"
        )
        if dry_run:
            self.stdout.write(f"Dry run, nothing written: {summary}.")
        else:
            self.stdout.write(self.style.SUCCESS(f"Imported {path.name}: {summary}."))

import json
import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from coproduce.skills import recognition

BATCH = 256


class Command(BaseCommand):
    help = (
        "Recognise skills in people's own words. Give one TEXT, or --file with one text a "
        "line. Prints the best skills for each, with a score and the words that suggested "
        "it; --json prints one JSON object a line."
    )

    def add_arguments(self, parser):
        parser.add_argument("text", nargs="?", help="The text to read.")
        parser.add_argument("--file", help="A UTF-8 file with one text a line.")
        parser.add_argument("--top", type=int, default=3, help="How many skills (default 3).")
        parser.add_argument("--json", action="store_true", help="One JSON object a line.")

    def handle(self, *args, text, file, top, json: bool, **options):
        if (text is None) == (file is None):
            raise CommandError("Give either a TEXT or --file PATH, not both.", returncode=2)
        if not 1 <= top <= 100:
            raise CommandError("--top must be from 1 to 100.", returncode=2)
        texts = self._read(file) if file is not None else [text]
        if not any(t.strip() for t in texts):
            raise CommandError("There is no text to read: the input is empty.", returncode=2)
        engine = recognition.recogniser()
        for start in range(0, len(texts), BATCH):
            batch = texts[start : start + BATCH]
            for content, result in zip(batch, engine.recognise_many(batch, top=top), strict=True):
                self._write(content, result, as_json=json)

    def _read(self, file: str) -> list[str]:
        path = Path(file)
        if not path.is_file():
            raise CommandError(f"There is no file at {file}.", returncode=2)
        try:
            return path.read_text(encoding="utf-8-sig").splitlines()
        except UnicodeDecodeError as error:
            raise CommandError(
                f"{file} is not UTF-8 text (byte {error.start}). Save it as UTF-8.", returncode=2
            ) from None

    def _write(self, content: str, result, *, as_json: bool) -> None:
        skills = [
            {"label": s.label, "score": s.score, "evidence": s.evidence} for s in result.suggestions
        ]
        if as_json:
            record = {"text": content, "skills": skills}
            if result.truncated:
                record["truncated"] = True
            self.stdout.write(json.dumps(record, ensure_ascii=False))
            return
        self.stdout.write(content if len(content) <= 120 else content[:117] + "...")
        for skill in skills:
            self.stdout.write(f"  {skill['score']:.2f}  {skill['label']}  (“{skill['evidence']}”)")
        if result.truncated:
            sys.stderr.write("  (the text was long: only its first part was read)\n")

"""manage.py opinion_groups --polis DIR [--json] [--seed N]

Finds opinion groups in a Pol.is export folder (votes.csv and comments.csv) the way Pol.is
does (coproduce/conversations/opinion, docs/adr/0014-opinion-groups.md). With --json it prints
{"k": K, "groups": {"<voter-id>": <group number or null>}} for every voter in votes.csv (null
for people who voted on too few statements to be placed). Without it, a short summary. A
missing folder or file, an empty file, a wrong header or a bad row exits with code 2 and a
message naming the file and line.
"""

import json
import string
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from coproduce.conversations import polis
from coproduce.conversations.opinion import Analysis, analyse_arrays

BAD_INPUT = 2


def _letter(number: int) -> str:
    return string.ascii_uppercase[number] if number < 26 else str(number + 1)


def _people(count: int) -> str:
    return "1 person" if count == 1 else f"{count} people"


def _statements(count: int) -> str:
    return "1 statement" if count == 1 else f"{count} statements"


def summary(result: Analysis, voters: int) -> list[str]:
    """A few plain sentences about the result."""
    placed = sum(1 for group in result.group_of.values() if group is not None)
    lines = [
        f"{_people(voters)} voted. The groups come from {_statements(result.statements)}.",
        f"{_people(placed)} voted on enough statements to be placed in a group.",
    ]
    if voters > placed:
        lines.append(f"{_people(voters - placed)} did not vote on enough statements yet.")
    if result.k == 0:
        lines.append("There are no opinion groups yet.")
        return lines
    lines.append(
        "We found 1 opinion group." if result.k == 1 else f"We found {result.k} opinion groups."
    )
    for group in result.groups:
        line = f"Group {_letter(group.number)} ({group.number}): {_people(group.members)}."
        if group.distinctive:
            best = group.distinctive[0]
            share = best.agree if best.direction == "agree" else best.disagree
            line += (
                f" What sets it apart most: {round(share * 100)}% {best.direction}d with "
                f"statement {best.statement}."
            )
        lines.append(line)
    if result.common_ground:
        lines.append(
            f"Common ground: most of every group votes the same way on "
            f"{_statements(len(result.common_ground))}."
        )
    if result.divisive:
        lines.append(f"The groups are divided on {_statements(len(result.divisive))}.")
    return lines


class Command(BaseCommand):
    help = (
        "Find opinion groups in a Pol.is export folder (votes.csv, comments.csv), as Pol.is "
        "does. --json prints the group of every voter (null if left out)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--polis",
            dest="folder",
            type=Path,
            required=True,
            metavar="DIR",
            help="The Pol.is export folder, holding votes.csv and comments.csv.",
        )
        parser.add_argument(
            "--json",
            dest="as_json",
            action="store_true",
            help='Print {"k": K, "groups": {"<voter-id>": <group or null>}}.',
        )
        parser.add_argument(
            "--seed", type=int, default=0, help="Seed for k-means (the same seed, the same groups)."
        )

    def handle(self, *args, folder: Path, as_json: bool, seed: int, **options):
        try:
            export = polis.read_export(folder)
        except polis.PolisError as problem:
            raise CommandError(str(problem), returncode=BAD_INPUT) from problem
        result = analyse_arrays(
            export.participants,
            export.statements,
            export.values,
            seed=seed,
            exclude=export.excluded,
        )
        if as_json:
            groups = {str(voter): result.group_of.get(voter) for voter in export.voters}
            self.stdout.write(json.dumps({"k": result.k, "groups": groups}))
        else:
            for line in summary(result, len(export.voters)):
                self.stdout.write(line)

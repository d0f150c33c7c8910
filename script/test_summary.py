"""Read the JUnit files of each part of `make test`; fail if a part ran nothing or skipped any."""

import sys
import xml.etree.ElementTree as ET
from pathlib import Path


def counts(path: Path) -> dict[str, int]:
    root = ET.parse(path).getroot()  # noqa: S314  (our own pytest output)
    suites = [root] if root.tag == "testsuite" else list(root.iter("testsuite"))
    total = {"tests": 0, "failures": 0, "errors": 0, "skipped": 0}
    for suite in suites:
        for key in total:
            total[key] += int(suite.get(key, 0))
    return total


def main(paths: list[str]) -> int:
    problems = []
    passed = failed = 0
    for name in paths:
        path = Path(name)
        part = path.stem
        if not path.exists():
            problems.append(f"{part}: no results (the part did not run)")
            continue
        c = counts(path)
        part_failed = c["failures"] + c["errors"]
        part_passed = c["tests"] - part_failed - c["skipped"]
        passed += part_passed
        failed += part_failed
        print(f"{part}: {part_passed} passed, {part_failed} failed, {c['skipped']} skipped")
        if c["tests"] == 0:
            problems.append(f"{part}: ran no tests")
        if c["skipped"]:
            problems.append(f"{part}: {c['skipped']} tests skipped; every part must run in full")
        if part_failed:
            problems.append(f"{part}: {part_failed} tests failed")
    for problem in problems:
        print(f"FAIL {problem}", file=sys.stderr)
    print(f"total: {passed} passed, {failed} failed")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

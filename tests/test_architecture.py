"""The floors of the house hold: import contracts from pyproject.toml (docs/architecture.md).

The contracts are import-linter's. These tests run them on the real code, and on a small
package made here, to show that the same kinds of contract do catch a cycle and an import
that runs up a floor.
"""

import sys
import textwrap
from pathlib import Path

import pytest
from importlinter import configuration
from importlinter.application.use_cases import lint_imports

ROOT = Path(__file__).resolve().parent.parent


def _lint(config: Path) -> bool:
    configuration.configure()
    return lint_imports(config_filename=str(config), cache_dir=None, no_logo=True)


def test_the_import_contracts_hold(monkeypatch):
    """Layers, nothing imports the demo, pure modules import no Django, and no cycles."""
    monkeypatch.chdir(ROOT)
    assert _lint(ROOT / "pyproject.toml"), "an import contract is broken: see the report above"


@pytest.fixture
def house(tmp_path, monkeypatch):
    """A made-up package `house` on the path; what `lint` reads, and forgotten afterwards."""
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.chdir(tmp_path)

    def lint(modules: dict[str, str]) -> bool:
        _package(tmp_path, modules)
        return _lint(_config(tmp_path))

    yield lint
    for name in [m for m in sys.modules if m == "house" or m.startswith("house.")]:
        del sys.modules[name]


def _package(tmp_path: Path, modules: dict[str, str]) -> None:
    for name, body in modules.items():
        path = tmp_path / "house" / f"{name.replace('.', '/')}.py"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(body))
    for folder in (tmp_path / "house").rglob("*"):
        if folder.is_dir():
            (folder / "__init__.py").touch()
    (tmp_path / "house" / "__init__.py").touch()


def _config(tmp_path: Path) -> Path:
    config = tmp_path / "contracts.toml"
    config.write_text(
        textwrap.dedent(
            """
            [tool.importlinter]
            root_package = "house"

            [[tool.importlinter.contracts]]
            name = "floors"
            type = "layers"
            layers = ["house.site", "house.projects : house.gatherings", "house.common"]

            [[tool.importlinter.contracts]]
            name = "no cycles"
            type = "acyclic_siblings"
            ancestors = ["house"]
            """
        )
    )
    return config


def test_a_cycle_between_apps_on_one_floor_is_caught(house, capsys):
    """Two apps that may import each other still may not go round in a circle."""
    kept = house(
        {
            "common.dates": "",
            "projects.views": "from house.gatherings import panels\n",
            "gatherings.panels": "from house.projects import views\n",
            "site.home": "from house.common import dates\n",
        }
    )
    report = capsys.readouterr().out
    assert not kept
    assert "no cycles BROKEN" in report
    assert "floors KEPT" in report


def test_an_import_up_a_floor_is_caught(house, capsys):
    """Library code that reaches up to the site breaks the floors."""
    kept = house(
        {
            "common.dates": "from house.site import home\n",
            "projects.views": "",
            "gatherings.panels": "from house.projects import views\n",
            "site.home": "",
        }
    )
    report = capsys.readouterr().out
    assert not kept
    assert "floors BROKEN" in report
    assert "house.common.dates -> house.site.home" in report


def test_the_same_package_without_faults_passes(house):
    """The made-up package with its imports running downhill keeps both contracts."""
    assert house(
        {
            "common.dates": "",
            "projects.views": "from house.common import dates\n",
            "gatherings.panels": "from house.projects import views\n",
            "site.home": "from house.gatherings import panels\n",
        }
    )


# Word lists are long by nature: the demo's names and what its people say.
WORD_LISTS = {"coproduce/demo/names.py", "coproduce/demo/voices.py"}
MAX_LINES = 400


def test_no_module_is_over_400_lines():
    """A module past 400 lines is split by purpose (migrations and word lists aside)."""
    too_long = {
        str(path.relative_to(ROOT)): lines
        for folder in ("coproduce", "tests", "benchmarks")
        for path in (ROOT / folder).rglob("*.py")
        if "migrations" not in path.parts
        and str(path.relative_to(ROOT)) not in WORD_LISTS
        and (lines := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    }
    assert too_long == {}

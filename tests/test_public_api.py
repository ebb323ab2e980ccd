"""The public surface: __all__, exported exceptions, docstrings and API reference, README vs CI."""

from __future__ import annotations

import ast
import importlib
import importlib.util
import inspect
import os
import pkgutil
import re
import shlex
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

import corpus_split as cs

ROOT = Path(__file__).resolve().parent.parent
SRC = ROOT / "src" / "corpus_split"
API_PAGE = ROOT / "docs" / "api" / "corpus_split.md"

# A Sphinx/reST role, which mkdocstrings prints literally (":class:`Config`").
SPHINX_ROLE = re.compile(r":(?:py:)?(?:class|func|meth|mod|data|attr|exc|obj|const|ref|term):`")
# Modules that need an extra to import; they are checked by their own tests.
NEEDS_EXTRA = {"corpus_split.integrations.datatrove"}


def package_modules() -> list[str]:
    names = ["corpus_split"]
    for info in pkgutil.walk_packages([str(SRC)], prefix="corpus_split."):
        names.append(info.name)
    return sorted(names)


# --- __all__ ------------------------------------------------------------------------


def test_every_name_in_all_resolves_once() -> None:
    assert len(cs.__all__) == len(set(cs.__all__))
    for name in cs.__all__:
        assert getattr(cs, name) is not None, name
    assert not inspect.ismodule(cs.repair)  # the function, not the module of that name


def test_names_users_meet_are_exported() -> None:
    for name in ("Record", "RecordError", "SplitError", "split_records", "split_file"):
        assert name in cs.__all__
    # What split_many, split_records, read_records and split_file raise can be caught by name.
    assert issubclass(cs.SplitError, Exception) and issubclass(cs.RecordError, ValueError)


def test_every_exception_class_is_exported() -> None:
    """An exception defined anywhere in the package reaches callers, so it must be exported.

    The CLI's own error is turned into an exit status inside ``main`` and never escapes.
    """
    missing = []
    for module_name in package_modules():
        if module_name in NEEDS_EXTRA or module_name == "corpus_split.cli":
            continue
        module = importlib.import_module(module_name)
        for name, obj in vars(module).items():
            if (
                inspect.isclass(obj)
                and issubclass(obj, BaseException)
                and obj.__module__ == module_name
                and not name.startswith("_")
                and getattr(cs, name, None) is not obj
            ):
                missing.append(f"{module_name}.{name}")
    assert missing == []


# --- docstrings ---------------------------------------------------------------------


def docstrings(path: Path) -> list[tuple[int, str]]:
    """Every docstring of a source file (module, classes, functions) and attribute docstring."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if not isinstance(body, list):
            continue
        for stmt in body:
            if (
                isinstance(stmt, ast.Expr)
                and isinstance(stmt.value, ast.Constant)
                and isinstance(stmt.value.value, str)
            ):
                found.append((stmt.lineno, stmt.value.value))
    return found


def test_no_sphinx_roles_in_docstrings() -> None:
    """mkdocstrings renders Markdown: a reST role would show as ':class:' on the page."""
    offenders = [
        f"{path.relative_to(ROOT)}:{line}"
        for path in sorted(SRC.rglob("*.py"))
        for line, doc in docstrings(path)
        if SPHINX_ROLE.search(doc) or re.search(r"::\s*$", doc, re.MULTILINE)
    ]
    assert offenders == []


def test_sphinx_role_pattern_catches_roles() -> None:
    assert SPHINX_ROLE.search("see :class:`Config`") and SPHINX_ROLE.search(":func:`~a.b`")
    assert not SPHINX_ROLE.search("see `Config` and ``text``")


# --- the API reference --------------------------------------------------------------


def directives(page: Path) -> list[str]:
    return re.findall(r"^::: (\S+)", page.read_text(encoding="utf-8"), re.MULTILINE)


def test_api_reference_lists_every_public_name_once() -> None:
    """docs/api/corpus_split.md renders each name of __all__ once, each as the object itself.

    mkdocstrings finds objects with griffe, which takes ``corpus_split.repair`` for the
    module of that name: the page must point at the function.
    """
    griffe = pytest.importorskip("griffe")
    package = griffe.load("corpus_split", search_paths=[str(ROOT / "src")])
    names = []
    for identifier in directives(API_PAGE):
        assert identifier.startswith("corpus_split."), identifier
        obj = package[identifier.removeprefix("corpus_split.")]
        assert not obj.is_module, f"{identifier} renders a whole module"
        target = obj.final_target if obj.is_alias else obj
        assert getattr(cs, target.name) is not None
        names.append(target.name)
    assert sorted(names) == sorted(cs.__all__)
    assert [n for n, count in Counter(names).items() if count > 1] == []


def test_every_api_page_is_in_the_nav() -> None:
    nav = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    for page in sorted((ROOT / "docs").rglob("*.md")):
        assert str(page.relative_to(ROOT / "docs")) in nav, page


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The documentation site, built as CI builds it (strict), into a temporary folder."""
    pytest.importorskip("mkdocs")
    pytest.importorskip("mkdocstrings")
    out = tmp_path_factory.mktemp("site")
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-d", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        timeout=300,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return out


def site_ids(site: Path) -> Counter[str]:
    ids: Counter[str] = Counter()
    for page in site.rglob("*.html"):
        ids.update(re.findall(r'<h\d id="(corpus_split[^"]*)"', page.read_text(encoding="utf-8")))
    return ids


def test_built_reference_has_no_literal_roles_or_internals(site: Path) -> None:
    html = (site / "api" / "corpus_split" / "index.html").read_text(encoding="utf-8")
    assert not re.search(r":(?:class|func|meth|mod|data|attr|exc):<code>", html)
    assert "fix_with_ftfy" not in html and "_StepResult" not in html
    for page in site.joinpath("api").rglob("*.html"):
        assert not re.search(r":(?:class|func|meth|mod|data|attr|exc):<code>", page.read_text("utf-8")), page


def test_built_reference_shows_each_public_name_once(site: Path) -> None:
    ids = site_ids(site)
    for name in cs.__all__:
        path = "corpus_split.repair.repair" if name == "repair" else f"corpus_split.{name}"
        assert ids[path] == 1, (name, ids[path])
    for name in ("Repaired", "Change", "Fix"):  # once, not again under corpus_split.repair
        assert ids[f"corpus_split.repair.{name}"] == 0


def test_names_the_guides_use_are_in_the_reference(site: Path) -> None:
    """Every ``from corpus_split... import name`` in a guide has an entry in the reference."""
    ids = site_ids(site)
    used = []
    for page in sorted((ROOT / "docs").glob("*.md")):
        text = page.read_text(encoding="utf-8")
        for module, names in re.findall(r"from (corpus_split[\w.]*) import ([\w, ]+)", text):
            used += [(module, n.strip()) for n in names.split(",")]
    assert ("corpus_split.dedupe", "add_clusters") in used
    for module, name in used:
        if module == "corpus_split" and importlib.util.find_spec(f"{module}.{name}") is not None:
            assert (site / "api" / name / "index.html").is_file(), f"no page for {module}.{name}"
            continue
        assert ids[f"{module}.{name}"] or ids[f"corpus_split.{name}"], f"{module}.{name}"
    wanted = ("corpus_split.split_file", "corpus_split.dedupe.add_clusters", "corpus_split.dedupe.Deduper")
    for path in wanted:
        assert ids[path] >= 1, path


# --- README and CI ------------------------------------------------------------------


def pip_extras(command: str) -> str:
    match = re.search(r"pip install (?:-q |--quiet )*-e '\.\[([^\]]*)\]'", command)
    assert match, command
    return match.group(1)


def test_readme_test_command_is_what_ci_runs() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    test_command = next(line for line in readme.splitlines() if "python -m pytest" in line)
    ci_install = next(line for line in ci.splitlines() if "pip install" in line and "-e" in line)
    assert pip_extras(test_command) == pip_extras(ci_install)
    pytest_call = test_command.rsplit("&&", 1)[1].strip()
    assert shlex.split(pytest_call)[1:] == ["-m", "pytest", "-q"]
    assert re.search(r"^python -m pytest -q$", ci, re.MULTILINE)

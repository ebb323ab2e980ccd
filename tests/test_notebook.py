"""The walkthrough notebook runs (with the `notebook` extra) and the docs list the public API."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import corpus_split as cs
from corpus_split import export, render

from .conftest import ROOT

NOTEBOOK = ROOT / "examples" / "walkthrough.ipynb"


def test_walkthrough_notebook_runs(tmp_path: Path) -> None:
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    pytest.importorskip("ipykernel")
    pytest.importorskip("pandas")
    from jupyter_client.kernelspec import KernelSpecManager, NoSuchKernel

    try:
        KernelSpecManager().get_kernel_spec("python3")
    except NoSuchKernel:
        pytest.skip("no python3 Jupyter kernel")

    nb = nbformat.read(NOTEBOOK, as_version=4)
    nbformat.validate(nb)
    stored = [c for c in nb.cells if c.cell_type == "code" and c.get("outputs")]
    assert not stored, "commit the notebook without outputs"

    client = nbclient.NotebookClient(
        nb, timeout=120, kernel_name="python3",
        resources={"metadata": {"path": str(NOTEBOOK.parent)}},
    )
    client.execute()  # raises CellExecutionError on the first failing cell

    html_outputs = [
        out["data"]["text/html"]
        for cell in nb.cells if cell.cell_type == "code"
        for out in cell.get("outputs", [])
        if "text/html" in out.get("data", {})
    ]
    assert any('class="cs-view cs-document"' in h for h in html_outputs)
    assert any('class="cs-view cs-article"' in h for h in html_outputs)
    nbformat.write(nb, tmp_path / "executed.ipynb")  # the outputs serialise cleanly


def test_api_reference_lists_every_public_name() -> None:
    """Every name in ``corpus_split.__all__`` has a docstring and a place in the API reference."""
    page = (ROOT / "docs" / "api" / "corpus_split.md").read_text(encoding="utf-8")
    listed = set(re.findall(r"^::: (\S+)$", page, flags=re.MULTILINE))
    missing = [
        name for name in cs.__all__  # by its public path, or where it is defined (`repair`)
        if not {f"corpus_split.{name}", f"{getattr(getattr(cs, name), '__module__', '')}.{name}"} & listed
    ]
    assert not missing, f"add these to docs/api/corpus_split.md: {missing}"
    for module in (cs, render, export):
        for name in module.__all__:
            obj = getattr(module, name)
            if callable(obj):
                assert (obj.__doc__ or "").strip(), f"{module.__name__}.{name} has no docstring"


def test_mkdocs_nav_pages_exist() -> None:
    """Every page named in mkdocs.yml's nav exists (mkdocs --strict checks the rest in CI)."""
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    pages = re.findall(r":\s*([\w/.-]+\.md)\s*$", config, flags=re.MULTILINE)
    assert pages
    for page in pages:
        assert (ROOT / "docs" / page).is_file(), page

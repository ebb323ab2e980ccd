"""The datatrove step in real LocalPipelineExecutor runs: JsonlReader -> SplitArticles -> JsonlWriter."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

import corpus_split as cs

pytest.importorskip("datatrove")
pytest.importorskip("orjson")  # what datatrove's JSONL reader needs; the extra brings it

from datatrove.executor import LocalPipelineExecutor
from datatrove.pipeline.readers import JsonlReader
from datatrove.pipeline.writers import JsonlWriter

from corpus_split.integrations.datatrove import LINEAGE_KEYS, SplitArticles

ROOT = Path(__file__).resolve().parent.parent
SEED = sorted((ROOT / "examples" / "seeds").glob("*.txt"))[0].read_text(encoding="utf-8")
SHORT = (
    "Council Approves New Park\n\n"
    "The city council voted on Tuesday to turn the old rail yard into a park with trees,\n"
    "a playground and a path along the river. Work starts in the spring.\n"
)
INPUTS: list[dict[str, Any]] = [
    {"id": "seed", "text": SEED, "source": "seeds", "crawl": 7},
    {"id": "short", "text": SHORT, "source": "hand"},
    {"id": "blank", "text": " \n\n ", "source": "hand"},
]


def run_pipeline(
    tmp_path: Path, step: SplitArticles, *, tasks: int = 1, workers: int = 1
) -> list[dict[str, Any]]:
    """Write INPUTS as JSONL (one file per task), run the pipeline, read back every output row."""
    src, out = tmp_path / "in", tmp_path / "out"
    src.mkdir()
    for task in range(tasks):
        rows = INPUTS[task::tasks]
        lines = "".join(json.dumps(row) + "\n" for row in rows)
        (src / f"part-{task}.jsonl").write_text(lines, encoding="utf-8")
    LocalPipelineExecutor(
        [JsonlReader(str(src)), step, JsonlWriter(str(out), compression=None)],
        tasks=tasks,
        workers=workers,
        logging_dir=str(tmp_path / "logs"),
    ).run()
    rows = []
    for path in sorted(out.glob("*.jsonl")):
        with path.open(encoding="utf-8") as lines:
            rows.extend(json.loads(line) for line in lines)
    return rows


def expected_ids() -> list[str]:
    return [f"{row['id']}#{a.index}" for row in INPUTS for a in cs.split(row["text"]).articles]


def test_articles_with_metadata_and_lineage(tmp_path: Path) -> None:
    rows = run_pipeline(tmp_path, SplitArticles())
    assert [r["id"] for r in rows] == expected_ids()
    seed_articles = cs.split(SEED).articles
    assert len(seed_articles) >= 2  # so the test sees a real split
    by_parent = {row["id"]: row for row in INPUTS}
    for row in rows:
        meta = row["metadata"]
        parent = by_parent[meta["parent_id"]]
        article = cs.split(parent["text"]).articles[meta["article_index"]]
        assert row["id"] == f"{parent['id']}#{article.index}"
        assert row["text"] == article.clean_text
        assert (meta["start"], meta["end"]) == (article.start, article.end)
        assert parent["text"][meta["start"] : meta["end"]] == article.text
        assert meta["title"] == article.title
        assert meta["language"] == article.language
        assert meta["article_count"] == len(cs.split(parent["text"]).articles)
        assert meta["kinds"] == ["body", "heading", "title"]
        assert meta["source"] == parent["source"]  # the parent's own metadata is carried
        assert set(LINEAGE_KEYS) <= set(meta)
    assert {r["metadata"]["parent_id"] for r in rows} == {"seed", "short"}  # blank: no article


def test_kinds_choose_the_text(tmp_path: Path) -> None:
    rows = run_pipeline(tmp_path, SplitArticles(kinds=["body"], min_chars=0))
    for row in rows:
        assert row["metadata"]["kinds"] == ["body"]
        parent = next(p for p in INPUTS if p["id"] == row["metadata"]["parent_id"])
        article = cs.split(parent["text"]).articles[row["metadata"]["article_index"]]
        body = "".join(s.text for s in article.segments if s.kind is cs.Kind.BODY).strip()
        assert row["text"] == body  # the inputs need no repair, so repaired text == input text
    short = next(r for r in rows if r["id"] == "short#0")
    assert short["text"].startswith("The city council voted")


class WithPid(SplitArticles):
    """SplitArticles that also records which process made each article."""

    def articles(self, parent: Any) -> Any:
        for child in super().articles(parent):
            child.metadata["pid"] = os.getpid()
            yield child


def test_two_tasks_in_worker_processes(tmp_path: Path) -> None:
    """The step pickles into datatrove's worker processes; two tasks give the same rows."""
    rows = run_pipeline(tmp_path, WithPid(), tasks=2, workers=2)
    assert sorted(r["id"] for r in rows) == sorted(expected_ids())
    assert os.getpid() not in {r["metadata"]["pid"] for r in rows}


def test_min_chars_drops_short_articles() -> None:
    from datatrove.data import Document

    step = SplitArticles(min_chars=10**6)
    assert list(step.run([Document(text=SHORT, id="x")])) == []
    assert step.stats["articles_dropped_short"].total == 1


@pytest.mark.parametrize("bad", [{"kinds": []}, {"kinds": ["nope"]}, {"min_chars": -1}, {"config": 3}])
def test_bad_arguments(bad: dict[str, Any]) -> None:
    with pytest.raises((ValueError, TypeError)):
        SplitArticles(**bad)

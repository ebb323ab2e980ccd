"""The docs/distributed.md recipe on a real Dask LocalCluster: same records as one process."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import corpus_split as cs
from corpus_split.corpus import split_file

from .conftest import SEEDS

distributed = pytest.importorskip("distributed")


def test_sharded_split_on_a_local_cluster_matches_one_process(tmp_path: Path) -> None:
    texts = [SEEDS[0].read_text(encoding="utf-8")] + [
        f"Report {i}\n\nThe committee met on day {i} and agreed the plan for the harbour." for i in range(5)
    ]
    shards = tmp_path / "shards"
    shards.mkdir()
    for n in range(3):  # three shards of two documents
        rows = [{"id": 2 * n + k, "text": texts[2 * n + k]} for k in range(2)]
        (shards / f"part-{n:05d}.jsonl").write_text(
            "".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8"
        )
    inputs = sorted(shards.glob("*.jsonl"))
    outputs = [tmp_path / "out" / p.name for p in inputs]
    outputs[0].parent.mkdir()

    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster, distributed.Client(cluster) as client:
        futures = client.map(split_file, [str(p) for p in inputs], [str(p) for p in outputs])
        counts = client.gather(futures)
    assert counts == [2, 2, 2]

    merged = [json.loads(line) for out in outputs for line in out.read_text(encoding="utf-8").splitlines()]
    single = tmp_path / "single.jsonl"
    split_file(shards, single)
    assert merged == [json.loads(line) for line in single.read_text(encoding="utf-8").splitlines()]
    source = [str(inputs[i // 2]) for i in range(len(texts))]
    assert merged == [cs.document_record(cs.split(t), i, source=source[i]) for i, t in enumerate(texts)]

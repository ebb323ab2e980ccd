"""The corpus-split command: split to JSONL/Parquet, errors and skips, dedupe, show."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import corpus_split as cs
from corpus_split.cli import main, render

from .conftest import SEEDS

DOCS = [
    {"id": "a", "text": "Markets\n\nShares rose on Monday after the bank held rates steady again."},
    {"id": "b", "text": "Weather\n\nHeavy rain is expected across the north until the weekend."},
    {"id": "c", "text": "Markets\n\nShares rose on Monday after the bank held rates steady again."},
]


def _write_jsonl(path: Path, rows: list[object], extra: str = "") -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows) + extra, encoding="utf-8")
    return path


def _read_jsonl(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_split_writes_one_record_per_document_in_order(tmp_path: Path) -> None:
    src = _write_jsonl(tmp_path / "in.jsonl", DOCS)
    out = tmp_path / "out.jsonl"
    assert main(["split", str(src), "-o", str(out)]) == 0
    expected = [cs.document_record(cs.split(d["text"]), d["id"], source=str(src)) for d in DOCS]
    assert _read_jsonl(out) == expected


def test_split_txt_folder_fields_and_jobs(tmp_path: Path) -> None:
    src = _write_jsonl(tmp_path / "in.jsonl", [{"key": i, "body": d["text"]} for i, d in enumerate(DOCS)])
    (tmp_path / "folder").mkdir()
    (tmp_path / "folder" / "seed.txt").write_bytes(SEEDS[0].read_bytes())
    out = tmp_path / "out.jsonl"
    argv = ["split", str(src), str(tmp_path / "folder"), "-o", str(out),
            "--text-field", "body", "--id-field", "key", "--jobs", "2"]
    assert main(argv) == 0
    records = _read_jsonl(out)
    assert [r["id"] for r in records] == [0, 1, 2, str(tmp_path / "folder" / "seed.txt")]
    seed = str(tmp_path / "folder" / "seed.txt")
    assert records[3] == cs.document_record(cs.split(SEEDS[0].read_bytes()), seed, source=seed)


def test_malformed_record_stops_with_no_output(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = _write_jsonl(tmp_path / "in.jsonl", DOCS, extra='{"id": "d", "text": \n')
    out = tmp_path / "out.jsonl"
    assert main(["split", str(src), "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert f"{src}:4: not valid JSON" in err
    assert "no output written" in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.jsonl"]


def test_skip_reports_every_skipped_record(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = _write_jsonl(tmp_path / "in.jsonl", [DOCS[0], {"id": "x"}, DOCS[1], {"text": 3}])
    out = tmp_path / "out.jsonl"
    assert main(["split", str(src), "-o", str(out), "--on-error", "skip"]) == 0
    assert [r["id"] for r in _read_jsonl(out)] == ["a", "b"]
    err = capsys.readouterr().err
    assert "skipped 2 malformed record(s)" in err
    assert f"{src}:2: no 'text' field" in err
    assert f"{src}:4: 'text' is int, not a string" in err


def test_dedupe_adds_clusters(tmp_path: Path) -> None:
    pytest.importorskip("datasketch")
    src = _write_jsonl(tmp_path / "in.jsonl", DOCS)
    out = tmp_path / "out.jsonl"
    assert main(["split", str(src), "-o", str(out), "--dedupe"]) == 0
    clusters = [[a["cluster"] for a in r["articles"]] for r in _read_jsonl(out)]  # type: ignore[attr-defined]
    assert clusters == [[[0, 0]], [[1, 0]], [[0, 0]]]


def test_parquet_output(tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    src = _write_jsonl(tmp_path / "in.jsonl", DOCS)
    out = tmp_path / "out.parquet"
    assert main(["split", str(src), "-o", str(out)]) == 0
    rows = pq.read_table(out).to_pylist()
    assert [r["id"] for r in rows] == ["a", "b", "c"]
    assert rows[0]["segments"] == [
        {"kind": s.kind.value, "start": s.start, "end": s.end, "article": s.article, "language": s.language}
        for s in cs.split(DOCS[0]["text"]).segments
    ]


def test_bad_arguments(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["split", "x.jsonl", "-o", "y.jsonl", "--jobs", "0"])
    assert info.value.code == 2
    assert main(["split", str(tmp_path / "missing.jsonl"), "-o", str(tmp_path / "o.jsonl")]) == 1
    assert "no such file or folder" in capsys.readouterr().err


def test_show_plain_when_not_a_terminal(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["show", str(SEEDS[0])]) == 0
    out = capsys.readouterr().out
    doc = cs.split(SEEDS[0].read_bytes())
    assert "\x1b[" not in out
    assert f"== article 0: {doc.articles[0].title}" in out
    assert "      title | " in out
    for boundary in doc.boundaries:
        assert f"boundary {boundary.score:.2f}: " + ", ".join(map(str, boundary.reasons)) in out


def test_show_colour_and_no_color(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    assert main(["show", str(SEEDS[1]), "--color", "always"]) == 0
    assert "\x1b[1;33m" in capsys.readouterr().out  # titles in bold yellow
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    assert main(["show", str(SEEDS[1])]) == 0
    assert "\x1b[" not in capsys.readouterr().out


def test_show_picks_a_record_and_neutralises_escapes(tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    src = _write_jsonl(tmp_path / "in.jsonl", DOCS)
    assert main(["show", str(src), "--record", "2"]) == 0
    assert "Heavy rain" in capsys.readouterr().out
    assert main(["show", str(src), "--record", "9"]) == 1
    rendered = render(cs.split("Title\n\nA body \x1b[2J that tries to clear the screen of the reader."))
    assert "\x1b" not in rendered and "\\x1b[2J" in rendered


def test_python_dash_m_runs_the_command() -> None:
    done = subprocess.run([sys.executable, "-m", "corpus_split", "--help"],
                          capture_output=True, text=True, check=True)
    assert "split" in done.stdout and "show" in done.stdout

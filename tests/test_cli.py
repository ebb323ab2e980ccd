"""The corpus-split command: split to JSONL/Parquet, errors and skips, dedupe, show."""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
from pathlib import Path

import pytest

import corpus_split as cs
from corpus_split import cli
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


# --- issue 15: inputs that fail, outputs checked first, kept fields, settings ------------


def _files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_summary_line_when_stderr_is_not_a_terminal(tmp_path: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    src = _write_jsonl(tmp_path / "in.jsonl", [*DOCS, {"id": "bad"}])
    assert main(["split", str(src), "-o", str(tmp_path / "out.jsonl"), "--on-error", "skip"]) == 0
    err = capsys.readouterr().err
    assert "corpus-split: 3 documents, 3 articles, " in err
    assert "MB/s), 1 skipped -> " in err
    assert main(["split", str(src), "-o", str(tmp_path / "o2.jsonl"), "-q", "--on-error", "skip"]) == 0
    assert "documents" not in capsys.readouterr().err


def test_kept_fields_source_encoding_and_article_ids(tmp_path: Path) -> None:
    rows = [
        {"id": "n1", "url": "https://example.com/1", "date": "2024-05-01", "topics": ["a", "b"],
         "text": DOCS[0]["text"], "source": "crawl-7", "articles": 3},
        {"text": DOCS[1]["text"], "meta": {"lang": "en"}},
    ]
    src = _write_jsonl(tmp_path / "in.jsonl", rows)
    txt = tmp_path / "latin.txt"
    raw = ("Le café était fermé ce matin-là, et la pluie tombait sur la place. " * 4).encode("cp1252")
    txt.write_bytes(raw)
    out = tmp_path / "out.jsonl"
    assert main(["split", str(src), str(txt), "-o", str(out)]) == 0
    first, second, third = _read_jsonl(out)
    assert list(first)[:8] == ["schema_version", "id", "source", "encoding", "url", "date", "topics",
                               "input_fields"]
    assert (first["url"], first["date"], first["topics"]) == ("https://example.com/1", "2024-05-01",
                                                               ["a", "b"])
    # input fields named like the record's own are kept, not overwritten
    assert first["input_fields"] == {"source": "crawl-7", "articles": 3}
    assert (first["source"], first["encoding"], first["schema_version"]) == (str(src), None, 1)
    assert [a["id"] for a in first["articles"]] == ["n1#0"]  # type: ignore[union-attr,index]
    assert second["id"] == f"{src}:2" and second["meta"] == {"lang": "en"}
    assert [a["id"] for a in second["articles"]] == [f"{src}:2#0"]  # type: ignore[union-attr,index]
    assert main(["split", str(src), "-o", str(out), "--no-keep-fields"]) == 0
    assert [list(r)[:5] for r in _read_jsonl(out)] == [
        ["schema_version", "id", "source", "encoding", "articles"]] * 2
    doc = cs.split(raw)
    assert doc.encoding not in (None, "utf-8")
    assert third == cs.document_record(doc, str(txt), source=str(txt))
    assert third["encoding"] == doc.encoding


def test_kept_fields_in_parquet(tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    import pyarrow as pa

    src = tmp_path / "in.parquet"
    pq.write_table(pa.table({"id": ["a", "b"], "text": [DOCS[0]["text"], DOCS[1]["text"]],
                             "url": ["u1", None], "n": [1, 2]}), src)
    out = tmp_path / "out.parquet"
    assert main(["split", str(src), "-o", str(out)]) == 0
    rows = pq.read_table(out).to_pylist()
    assert [json.loads(r["input_fields"]) for r in rows] == [{"url": "u1", "n": 1}, {"url": None, "n": 2}]
    assert [(r["schema_version"], r["source"], r["articles"][0]["id"]) for r in rows] == [
        (1, str(src), "a#0"), (1, str(src), "b#0")]
    jsonl = tmp_path / "out.jsonl"
    assert main(["split", str(src), "-o", str(jsonl)]) == 0
    assert [(r["url"], r["n"]) for r in _read_jsonl(jsonl)] == [("u1", 1), (None, 2)]


def test_bad_utf8_is_named_and_skipped(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "in.jsonl"
    src.write_bytes(json.dumps(DOCS[0]).encode() + b'\n{"id": "x", "text": "caf\xe9"}\n'
                    + json.dumps(DOCS[1]).encode() + b"\n")
    out = tmp_path / "out.jsonl"
    assert main(["split", str(src), "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert f"{src}:2: not valid UTF-8 (byte 0xe9 at byte 25 of the line)" in err
    assert "Traceback" not in err and _files(tmp_path) == ["in.jsonl"]
    assert main(["split", str(src), "-o", str(out), "--on-error", "skip"]) == 0
    assert [r["id"] for r in _read_jsonl(out)] == ["a", "b"]
    assert f"  {src}:2: not valid UTF-8" in capsys.readouterr().err


def test_truncated_gzip_is_named_and_the_rest_skipped(tmp_path: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    rows = [{"id": i, "text": f"Report {i}\n\n" + "The harbour committee met again today. " * 40}
            for i in range(60)]
    packed = gzip.compress("".join(json.dumps(r) + "\n" for r in rows).encode())
    cut = tmp_path / "cut.jsonl.gz"
    cut.write_bytes(packed[: len(packed) // 2])
    after = _write_jsonl(tmp_path / "later.jsonl", DOCS[:1])
    out = tmp_path / "out.jsonl"
    assert main(["split", str(cut), str(after), "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert f"{cut}:" in err and "truncated gzip data" in err and "no output written" in err
    assert "Traceback" not in err and "EOFError" not in err
    assert not out.exists()
    assert main(["split", str(cut), str(after), "-o", str(out), "--on-error", "skip"]) == 0
    ids = [r["id"] for r in _read_jsonl(out)]
    assert 0 < len(ids) - 1 < 60 and ids[:-1] == list(range(len(ids) - 1)) and ids[-1] == "a"
    err = capsys.readouterr().err
    assert f"{cut}:{len(ids)}: truncated gzip data" in err
    assert f"line {len(ids)} and any after it are lost" in err


@pytest.mark.parametrize("name", ["fake.jsonl.gz", "fake.parquet", "fake.jsonl.zst"])
def test_a_file_not_of_its_kind_is_named(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                         name: str) -> None:
    if name.endswith(".parquet"):
        pytest.importorskip("pyarrow")
    if name.endswith(".zst"):
        pytest.importorskip("zstandard")
    fake = _write_jsonl(tmp_path / name, DOCS)
    good = _write_jsonl(tmp_path / "good.jsonl", DOCS[:1])
    out = tmp_path / "out.jsonl"
    assert main(["split", str(fake), "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"corpus-split: error: {fake}: not ") and err.count("\n") == 1
    assert main(["split", str(fake), str(good), "-o", str(out), "--on-error", "skip"]) == 0
    assert [r["id"] for r in _read_jsonl(out)] == ["a"]


def test_output_folder_is_refused_before_any_work(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    src = _write_jsonl(tmp_path / "in.jsonl", DOCS)
    (tmp_path / "outdir").mkdir()

    def no_work(*args: object, **kwargs: object) -> None:
        raise AssertionError("split before the output was checked")

    monkeypatch.setattr("corpus_split.cli.split_records", no_work)
    assert main(["split", str(src), "-o", str(tmp_path / "outdir")]) == 1
    err = capsys.readouterr().err
    assert f"{tmp_path / 'outdir'}: is a folder" in err
    missing = tmp_path / "nowhere" / "out.jsonl"
    assert main(["split", str(src), "-o", str(missing)]) == 1
    err = capsys.readouterr().err
    assert f"{missing}: cannot write: no such folder {missing.parent}" in err and ".tmp" not in err
    assert main(["split", str(src), "-o", str(src)]) == 1
    assert "is also an input" in capsys.readouterr().err
    assert _files(tmp_path) == ["in.jsonl", "outdir"]


@pytest.mark.parametrize("name", ["out.csv", "out.json", "out", "out.txt", "out.parquet.gz"])
def test_unknown_output_suffix_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                          name: str) -> None:
    src = _write_jsonl(tmp_path / "in.jsonl", DOCS)
    assert main(["split", str(src), "-o", str(tmp_path / name)]) == 1
    assert f"{tmp_path / name}: unknown output format" in capsys.readouterr().err
    assert _files(tmp_path) == ["in.jsonl"]


def test_folder_reads_md_and_reports_what_it_skips(tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "a.txt").write_text(DOCS[0]["text"], encoding="utf-8")
    (folder / "b.md").write_text(DOCS[1]["text"], encoding="utf-8")
    (folder / "c.csv").write_text("id,text\n1,hello\n", encoding="utf-8")
    (folder / ".DS_Store").write_bytes(b"\0")
    out = tmp_path / "out.jsonl"
    assert main(["split", str(folder), "-o", str(out)]) == 0
    assert [r["source"] for r in _read_jsonl(out)] == [str(folder / "a.txt"), str(folder / "b.md")]
    err = capsys.readouterr().err
    assert f"warning: skipped {folder / 'c.csv'}: not a corpus file" in err
    assert ".DS_Store" not in err


def test_settings_flags_reach_the_config(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = SEEDS[0].read_bytes()
    src = tmp_path / "seed.txt"
    src.write_bytes(text)
    out = tmp_path / "out.jsonl"
    argv = ["split", str(src), "-o", str(out), "--sensitivity", "0.9", "--no-detect-languages",
            "--no-find-duplicates", "--no-repair", "fix-encoding", "--no-repair", "unescape_html"]
    assert main(argv) == 0
    config = cs.Config(sensitivity=0.9, detect_languages=False, find_duplicates=False,
                       fix_encoding=False, unescape_html=False)
    assert _read_jsonl(out) == [cs.document_record(cs.split(text, config=config), str(src), source=str(src))]
    assert main(["split", str(src), "-o", str(out), "--no-repair", "all"]) == 0
    off = cs.Config(**{name: False for name in cli.REPAIRS})
    assert _read_jsonl(out)[0]["segments"] == cs.document_record(cs.split(text, config=off), 0)["segments"]
    for bad in (["--sensitivity", "1.5"], ["--sensitivity", "x"], ["--no-repair", "spelling"]):
        with pytest.raises(SystemExit) as info:
            main(["split", str(src), "-o", str(out), *bad])
        assert info.value.code == 2
    assert "--sensitivity" in capsys.readouterr().err
    assert main(["show", str(src), "--no-detect-languages"]) == 0
    assert "[?]" in capsys.readouterr().out


@pytest.mark.parametrize("suffix", [".jsonl.gz", ".jsonl.zst"])
def test_compressed_output_and_input(tmp_path: Path, suffix: str) -> None:
    if suffix.endswith(".zst"):
        pytest.importorskip("zstandard")
    src = _write_jsonl(tmp_path / "in.jsonl", DOCS)
    packed = tmp_path / f"out{suffix}"
    assert main(["split", str(src), "-o", str(packed)]) == 0
    again = tmp_path / "again.jsonl"
    assert main(["split", str(packed), "-o", str(again), "--text-field", "source"]) == 0
    # the output read back as input: records whose "source" is the text
    assert [r["id"] for r in _read_jsonl(again)] == ["a", "b", "c"]


def test_zstd_missing_is_a_clear_error(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "zstandard", None)
    src = _write_jsonl(tmp_path / "in.jsonl", DOCS)
    assert main(["split", str(src), "-o", str(tmp_path / "out.jsonl.zst")]) == 1
    assert "pip install 'corpus_split[zstd]'" in capsys.readouterr().err
    assert _files(tmp_path) == ["in.jsonl"]


def test_fsspec_urls_in_and_out(capsys: pytest.CaptureFixture[str]) -> None:
    fsspec = pytest.importorskip("fsspec")
    fs = fsspec.filesystem("memory")
    fs.pipe("/cs-test/in/part-0.jsonl", "".join(json.dumps(d) + "\n" for d in DOCS).encode())
    fs.pipe("/cs-test/in/notes.csv", b"a,b")
    try:
        assert main(["split", "memory://cs-test/in", "-o", "memory://cs-test/out.jsonl"]) == 0
        records = [json.loads(line) for line in fs.cat("/cs-test/out.jsonl").decode().splitlines()]
        assert [r["id"] for r in records] == ["a", "b", "c"]
        assert records[0]["source"] == "memory:///cs-test/in/part-0.jsonl"
        assert "skipped memory:///cs-test/in/notes.csv" in capsys.readouterr().err
        assert main(["split", "memory://cs-test/missing.jsonl", "-o", "memory://cs-test/o.jsonl"]) == 1
        assert "no such file or folder: memory://cs-test/missing.jsonl" in capsys.readouterr().err
    finally:
        fs.rm("/cs-test", recursive=True)


def test_fsspec_missing_is_a_clear_error(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "fsspec", None)
    assert main(["split", "s3://bucket/in.jsonl", "-o", str(tmp_path / "out.jsonl")]) == 1
    assert "need fsspec: pip install 'corpus_split[remote]'" in capsys.readouterr().err


def test_stdout_output_in_process(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                  monkeypatch: pytest.MonkeyPatch) -> None:
    import io

    src = _write_jsonl(tmp_path / "in.jsonl", DOCS)
    text_only = io.StringIO()  # a stand-in with no .buffer, as some consoles have
    monkeypatch.setattr(sys, "stdout", text_only)
    assert main(["split", str(src), "-o", "-"]) == 0
    assert [json.loads(line)["id"] for line in text_only.getvalue().splitlines()] == ["a", "b", "c"]
    assert "-> standard output" in capsys.readouterr().err

"""Article starts in concatenations of real documents, per source: the start model's own check.

    python benchmarks/starts.py [--model FILE] [--n 40] [--json FILE]

Builds the validation concatenations of ``training/fit_starts.py`` (its seed 1, from the
records no fit draws from, `common.validation_record`): per corpus source, documents of one
to four real documents glued together, real web pages alone or glued, and plain titled news.
Prints boundary precision, recall and F1 and the single documents cut, per source. The
shipped model was fitted on concatenations of the same sources (seed 0; before the
twenty-fifth session's split, of all their records), so for a held-back figure fit without
one source (``python training/fit_starts.py --leave-out SOURCE --out FILE``) and score it
with ``--model FILE``.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from _common import SHARED, need, write_json


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--model", type=Path, default=None, help="a start model file to use instead")
    parser.add_argument("--n", type=int, default=40, help="documents per source")
    parser.add_argument("--json", type=Path, default=None)
    args = parser.parse_args()
    need(SHARED / "corpora" / "pages.jsonl.gz", "the corpora")
    import fit_starts as fit  # the fitting script's own generators (training/)
    from common import held_back_models, validation_record

    from corpus_split import scores

    if args.model:  # a benchmark may swap the model; the library never does
        scores._START = scores.parse_start_model(args.model.read_text(encoding="utf-8"), str(args.model))
    held = held_back_models()
    sets = {}
    for name in (*fit.SOURCES, fit.PAGES):
        rows = [r for r in fit.records(name, held) if validation_record(name, str(r.get("id")))]
        if name == fit.PAGES:
            sets["pages"] = fit.page_concatenations(rows, args.n, seed=1)
        else:
            sets[name.split(".")[0]] = fit.concatenations(name, rows, args.n, seed=1)
        if name == "news-en.jsonl.gz":
            sets["titled news"] = fit.titled_news(rows, args.n, seed=2)
    figures = {}
    print(f"{'source':<16} {'P':>6} {'R':>6} {'F1':>6}  single docs cut")
    for label, docs in sets.items():
        tp = fp = fn = cut = singles = 0
        for doc in docs:  # one document at a time: the counts add up, and singles are read off
            _, t, f, n, _ = fit.decode([fit.prepare(doc)])
            tp, fp, fn = tp + t, fp + f, fn + n
            if not doc.zones:
                singles += 1
                cut += bool(f)
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
        figures[label] = {"precision": precision, "recall": recall, "f1": f1,
                          "single_cut": cut, "single": singles}
        print(f"{label:<16} {precision:>6.3f} {recall:>6.3f} {f1:>6.3f}  {cut}/{singles}")
    write_json(args.json, figures)


if __name__ == "__main__":
    main()

"""Choose the settings of bare-sentence text (one sentence a line, no titles: Choi's layout).

    python training/fit_sentences.py [--n 100] [--seed 1]

There the plain lexical model decides (`corpus_split.boundaries`), and two numbers set how
readily it cuts: the boundary prior (``BOUNDARY_PRIOR_SENTENCES``, a share of log(words)
charged per article) and the length in content words under which an article pays a growing
penalty (``MIN_ARTICLE_WORDS_SENTENCES``). Each pair of the grid below is scored by the mean
Pk over Choi-style documents (`benchmarks/choi.py`'s generator: ten segments, each the first
3-11 sentences of an article) built from the prose of three fitting sources, web-misc, wiki
and the chat models' English answers (the held-back models left out); the best mean wins,
and pairs within ``TIE`` of it count as tied, the tie going to the larger prior (fewer cuts).
Reuters and news-en are never read here: ``benchmarks/choi.py`` reports them held back.
Deterministic; prints the grid and the choice, which is copied into boundaries.py by hand.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import held_back_models

import choi  # the Choi-style generator and sentence pools
import corpus_split as cs
from corpus_split import boundaries
from corpus_split.evaluate import segmentation_scores

SOURCES = ("web-misc", "wiki", "llm")
GRID_PRIOR = (0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 1.0, 1.2)
GRID_MIN_WORDS = (0, 10, 20, 40)
TIE = 0.002


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--n", type=int, default=100, help="documents per source")
    parser.add_argument("--seed", type=int, default=1, help="random seed of the documents")
    args = parser.parse_args()
    held = held_back_models()
    docs = {s: list(choi.choi_documents(choi.sentence_pool(s, held), args.n, args.seed)) for s in SOURCES}
    results: list[tuple[float, float, int, list[float]]] = []
    for prior in GRID_PRIOR:
        for min_words in GRID_MIN_WORDS:
            boundaries.BOUNDARY_PRIOR_SENTENCES = prior
            boundaries.MIN_ARTICLE_WORDS_SENTENCES = min_words
            per_source = [
                sum(segmentation_scores(cs.split(text), gold).pk for text, gold in docs[s]) / len(docs[s])
                for s in SOURCES
            ]
            mean = sum(per_source) / len(per_source)
            results.append((mean, prior, min_words, per_source))
            print(f"prior {prior:.1f} min words {min_words:>2}: mean Pk {mean:.4f} ("
                  + ", ".join(f"{s} {v:.3f}" for s, v in zip(SOURCES, per_source)) + ")", flush=True)
    best = min(r[0] for r in results)
    tied = [r for r in results if r[0] <= best + TIE]
    mean, prior, min_words, per_source = max(tied, key=lambda r: (r[1], r[2]))
    print(f"\nchosen: BOUNDARY_PRIOR_SENTENCES = {prior}, MIN_ARTICLE_WORDS_SENTENCES = {min_words} "
          f"(mean Pk {mean:.4f}; best {best:.4f}; {len(tied)} settings tied)")


if __name__ == "__main__":
    main()

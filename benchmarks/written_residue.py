"""Assistant residue written for this project, which no phrase pattern was made from.

    python benchmarks/written_residue.py [--json FILE]

Sixteen preambles and sixteen sign-offs in English, and a preamble with a sign-off in each of
German, French, Spanish and Russian, written in the forty-eighth session in the manner of chat
models' answers, each put before or after two short articles written for it; and six human
closing lines that must stay the articles' text. Printed: how many residue lines are typed
``artifact``, and how many human lines are. It runs without ``../shared``. No phrase pattern
was made from these lines and no model is fitted on them, but the forty-eighth session read
the results of several candidate fits on them (see docs/models.md), so they are a check that
residue is told beyond the phrase lists, not a held-back set.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import corpus_split as cs
from _common import write_json

ARTICLES = (
    "The Quiet Return of the Night Train\n\n"
    "Across Europe, overnight rail services that were cut a decade ago are coming back. Operators "
    "say demand has grown every year since 2019, driven by travellers who want to avoid short "
    "flights.\n\n"
    "The new carriages have private cabins with showers, and tickets are sold up to six months "
    "ahead. On the busiest routes, such as Vienna to Hamburg, trains are often full at weekends.\n\n"
    "Critics point out that the services still depend on subsidies, and that track works can "
    "delay a journey by several hours. Operators answer that the same is true of many regional "
    "lines.\n",
    "Rising Rents Push Students Out of City Centres\n\n"
    "Students returning to university this autumn face the highest rents on record, according "
    "to a survey of 40 cities published on Monday. Average rooms now cost a third more than five "
    "years ago.\n\n"
    "Universities say they are building new halls, but most will not open before 2027. In the "
    "meantime, many students are commuting from towns an hour away or more.\n\n"
    "Student unions are asking councils to cap rents near campuses. Landlords' groups say a cap "
    "would only reduce the number of rooms on offer.\n",
)
PREAMBLES = (
    "Absolutely — below is a draft feature on night trains that you can adapt for your newsletter.",
    "Here is a polished version of the piece, written in a neutral news style as requested.",
    "I've rewritten your text to make it more engaging for a general audience:",
    "This draft keeps your key points and adds a clearer structure. Take a look:",
    "Happy to help! I've put together a short article on the topic you asked about.",
    "As you requested, I've turned your notes into a 250-word article:",
    "Great question. Below you'll find an article that covers the main points.",
    "Sure thing — here's a concise article suitable for a travel blog.",
    "Below is the revised article with a stronger opening paragraph.",
    "Okay, I've tightened the wording and fixed the grammar in your draft. Here it is:",
    "Thanks for the details! Based on what you shared, I wrote the following news piece.",
    "I've drafted an article based on the bullet points you provided.",
    "Here's my attempt at a short, factual report on the topic:",
    "Certainly. The article below follows the inverted-pyramid structure you mentioned.",
    "Here's the article you asked for, about 300 words long.",
    "No problem — I rewrote the story in plain English for younger readers:",
)
SIGN_OFFS = (
    "Let me know if you'd like a shorter version or a different tone.",
    "I can also add quotes from operators or passengers if that would be useful.",
    "Would you like me to translate this into German or French as well?",
    "Feel free to adjust the headline so it matches your publication's style.",
    "If you need more statistics or sources, just tell me and I'll add them.",
    "I hope this draft works for you; happy to revise any section.",
    "Want me to turn this into a social media thread next?",
    "Note: the figures above are illustrative and should be checked before publishing.",
    "I can make it longer or add a section on costs if you want.",
    "Let me know which version you prefer and I'll polish it further.",
    "Hope this helps with your assignment!",
    "If you'd like, I can also suggest a few headlines to go with it.",
    "Please double-check the numbers against your own sources before you publish.",
    "Do you want me to add a call to action at the end?",
    "I kept the tone neutral, but I can make it more opinionated if you prefer.",
    "Happy writing, and good luck with the newsletter!",
)
OTHER_LANGUAGES = (  # (preamble, sign-off)
    ("Gerne! Hier ist ein kurzer Artikel zu deinem Thema:",
     "Sag mir Bescheid, wenn ich den Text kürzen oder ergänzen soll."),
    ("Bien sûr ! Voici un article court sur le sujet demandé :",
     "N'hésitez pas à me dire si vous souhaitez une version plus longue."),
    ("¡Claro! Aquí tienes un artículo breve sobre el tema:",
     "Si quieres, puedo añadir más datos o cambiar el tono del texto."),
    ("Конечно! Вот короткая статья на эту тему:",
     "Если нужно, я могу сократить текст или добавить подробности."),
)
HUMAN_ENDINGS = (
    "Let me know what you think in the comments below.",
    "I hope the council listens this time.",
    "Tickets for the new routes go on sale in March.",
    "If you need help with your application, the student office is open until six.",
    "We will update this story as more information becomes available.",
    "Do you want to know more? Our guide explains every route in detail.",
)


def typed_artifact(text: str, *lines: str) -> int:
    """How many of ``lines`` (each found in ``text``) one ``split()`` of it types ``artifact``."""
    doc = cs.split(text)
    return sum(any(s.kind is cs.Kind.ARTIFACT for s in doc.segments if s.start <= at < s.end)
               for at in map(text.index, lines))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--json", type=Path, default=None, help="write the figures as JSON here")
    args = parser.parse_args()
    counts = {"preambles": [0, 0], "sign_offs": [0, 0], "other_languages": [0, 0], "human_endings": [0, 0]}
    for article in ARTICLES:
        for line in PREAMBLES:
            counts["preambles"][0] += typed_artifact(line + "\n\n" + article, line)
            counts["preambles"][1] += 1
        for line in SIGN_OFFS:
            counts["sign_offs"][0] += typed_artifact(article + "\n" + line + "\n", line)
            counts["sign_offs"][1] += 1
        for preamble, sign_off in OTHER_LANGUAGES:
            text = preamble + "\n\n" + article + "\n" + sign_off + "\n"
            counts["other_languages"][0] += typed_artifact(text, preamble, sign_off)
            counts["other_languages"][1] += 2
        for line in HUMAN_ENDINGS:
            counts["human_endings"][0] += typed_artifact(article + "\n" + line + "\n", line)
            counts["human_endings"][1] += 1
    for name, (hit, due) in counts.items():
        print(f"{name:16} typed artifact {hit:3} of {due:3} ({hit / due:.3f})")
    write_json(args.json, {name: hit / due for name, (hit, due) in counts.items()})


if __name__ == "__main__":
    main()

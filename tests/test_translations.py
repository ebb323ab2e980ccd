"""The translation check: a change of language is evidence of a new article, unless the text
after the start is a translation of the text before it (issue 14; issue 13 names a letter cut
at each of its translations). The fitted model (``data/translation_model.json``, fitted on
news posts and their translations by ``training/fit_translations.py``) drops those starts."""

from __future__ import annotations

import json
import math
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import corpus_split as cs
from corpus_split import scores
from corpus_split.boundaries import Unit
from corpus_split.translations import (
    MAX_CHARS,
    TRANSLATION_FEATURES,
    block_language,
    translation_vector,
)

# A notice in English with its German and French versions, and another German article
# (all written here)
EN = "\n\n".join([
    'Notice to residents of Larkfield Road',
    'The water supply on Larkfield Road will be switched off on 14 March 2025 between 9:00 and 15:00,'
    ' while the council replaces 420 metres of old pipe under the road.',
    'Residents of houses 1 to 86 should fill containers the evening before. Bottled water will be '
    'handed out at the Brightwell community hall from 8:30.',
    'Traffic on the road will be limited to one lane, and parking will not be possible between the '
    'junction with Mill Lane and the bus stop.',
    'If you have questions, call the Larkfield office on 0161 555 2040 or write to Harriet Okafor, '
    'who leads the works.',
]) + "\n"
DE = "\n\n".join([
    'Hinweis für die Bewohner der Larkfield Road',
    'Die Wasserversorgung in der Larkfield Road wird am 14. März 2025 zwischen 9:00 und 15:00 Uhr '
    'abgestellt, während die Gemeinde 420 Meter alte Leitung unter der Straße erneuert.',
    'Die Bewohner der Häuser 1 bis 86 sollten am Abend vorher Behälter füllen. Ab 8:30 Uhr wird im '
    'Gemeindesaal Brightwell Trinkwasser in Flaschen ausgegeben.',
    'Der Verkehr auf der Straße wird auf eine Spur beschränkt, und zwischen der Kreuzung mit der Mill'
    ' Lane und der Bushaltestelle ist das Parken nicht möglich.',
    'Wenn Sie Fragen haben, rufen Sie das Büro in Larkfield unter 0161 555 2040 an oder schreiben Sie'
    ' an Harriet Okafor, die die Arbeiten leitet.',
]) + "\n"
FR = "\n\n".join([
    'Avis aux habitants de Larkfield Road',
    "L'eau sera coupée sur Larkfield Road le 14 mars 2025 entre 9:00 et 15:00, pendant que la commune"
    ' remplace 420 mètres de vieille conduite sous la chaussée.',
    "Les habitants des maisons 1 à 86 doivent remplir des récipients la veille au soir. De l'eau en "
    'bouteille sera distribuée à la salle communale de Brightwell dès 8:30.',
    'La circulation sera limitée à une voie, et le stationnement sera impossible entre le carrefour '
    "avec Mill Lane et l'arrêt de bus.",
    'Pour toute question, appelez le bureau de Larkfield au 0161 555 2040 ou écrivez à Harriet '
    'Okafor, qui dirige les travaux.',
]) + "\n"
OTHER_DE = "\n\n".join([
    'Neuer Radweg am Stadtpark eröffnet',
    'Nach zwei Jahren Bauzeit ist der Radweg entlang des Stadtparks seit Montag für alle freigegeben.'
    ' Die Strecke verbindet den Bahnhof mit dem Neubaugebiet im Norden.',
    'Der Bürgermeister lobte die Zusammenarbeit mit den Anwohnern, die sich lange für eine sichere '
    'Verbindung eingesetzt hatten. Kinder können nun ohne Umweg zur Schule fahren.',
    'Kritik gab es an den fehlenden Abstellplätzen am Bahnhof. Die Verwaltung will im Herbst weitere '
    'Bügel aufstellen und prüft eine überdachte Anlage.',
    'Ein Fest zur Eröffnung ist für den kommenden Sonntag geplant, mit Musik, einer Fahrradwerkstatt '
    'und Führungen durch den Park.',
]) + "\n"

# A Chinese and a Japanese news story on different subjects (written here)
ZH = "\n\n".join([
    "河边新桥本周五正式通车",
    "经过两年的施工，连接城东和城西的新桥于本周五上午正式通车，市民从此可以步行或骑车直接过河。",
    "新桥全长四百二十米，设有两条机动车道和一条宽阔的自行车道，桥面两侧还安装了新的路灯和护栏。",
    "负责工程的城市建设局表示，新桥通车后，早晚高峰时段旧桥的交通压力预计将减少三分之一左右。",
    "不少住在附近的居民当天一早就来到桥上散步拍照，一位退休教师说，这座桥让她去医院复查方便了很多。",
    "市政府还计划在明年春天之前，在桥两端修建小型公园和停车场，方便周末来河边休闲的家庭。",
]) + "\n"
JA = "\n\n".join([
    "港町の図書館が夜間開館へ",
    "海沿いの町にある市立図書館は、来月から平日の夜九時まで開館すると発表した。仕事帰りの人にも本を借りてもらうためだという。",
    "館長によると、これまで閉館時間が早く、利用できないという声が多く寄せられていた。新しい時間帯には、学生のための自習室も開放される。",
    "夜間の運営には地元の大学生がアルバイトとして加わり、貸し出しや案内を手伝う予定だ。",
    "図書館では、夜の時間に合わせて読書会や映画の上映会などの催しも少しずつ増やしていくとしている。",
    "利用者の一人は、週に一度は立ち寄りたいと話し、新しい取り組みに期待を寄せていた。町の教育委員会も、"
    "夜間の利用状況を半年ほど見たうえで、週末の開館時間を延ばすかどうかを検討するという。",
]) + "\n"


def paragraphs(text: str) -> list[str]:
    return [p.strip() for p in text.split("\n\n") if p.strip()]


@contextmanager
def no_check() -> Iterator[None]:
    """A translation model that never joins (its floor above any probability)."""
    saved = scores.translation_model()
    scores._TRANSLATION = scores.TranslationModel(
        saved.version, saved.features, (0.0,) * len(saved.features), -50.0, 1.0)
    try:
        yield
    finally:
        scores._TRANSLATION = saved


def test_the_shipped_model_loads_and_reads_these_features() -> None:
    model = scores.translation_model()
    assert model.features == TRANSLATION_FEATURES
    assert 0.5 <= model.floor <= 1.0
    p = model.probability(translation_vector(paragraphs(EN), paragraphs(DE)))
    assert 0.0 < p < 1.0


def test_a_notice_and_its_translations_stay_one_article() -> None:
    text = EN + "\n" + DE + "\n" + FR
    doc = cs.split(text)
    assert len(doc.articles) == 1
    assert doc.articles[0].title == "Notice to residents of Larkfield Road"
    # what the check changes: without it the change of language starts an article
    with no_check():
        assert len(cs.split(text).articles) > 1


def test_a_different_article_in_another_language_still_starts() -> None:
    doc = cs.split(EN + "\n" + OTHER_DE)
    assert [a.title for a in doc.articles] == [
        "Notice to residents of Larkfield Road", "Neuer Radweg am Stadtpark eröffnet"]


def test_translations_score_above_the_floor_and_a_different_text_below_it() -> None:
    model = scores.translation_model()
    assert model.probability(translation_vector(paragraphs(EN), paragraphs(DE))) >= model.floor
    assert model.probability(translation_vector(paragraphs(DE), paragraphs(FR))) >= model.floor
    assert model.probability(translation_vector(paragraphs(EN), paragraphs(OTHER_DE))) < model.floor


# A short letter and its Spanish version, without a figure in either (written here)
LETTER = [
    "Dear friends of the choir,",
    "After many happy seasons together, Margaret Ellison has decided to step down as our "
    "conductor at the end of the summer.",
    "She came to us when we were a handful of singers in a cold church hall, and she leaves a "
    "choir that fills the cathedral at Christmas.",
    "We will say goodbye to her at the summer concert, and we hope that every one of you will "
    "come and sing with us.",
    "With warm wishes, the committee",
]
CARTA = [
    "Queridos amigos del coro:",
    "Después de muchas temporadas felices juntos, Margaret Ellison ha decidido dejar de ser "
    "nuestra directora al final del verano.",
    "Llegó cuando éramos un puñado de cantantes en una fría sala parroquial, y deja un coro que "
    "llena la catedral en Navidad.",
    "Nos despediremos de ella en el concierto de verano, y esperamos que cada uno de vosotros "
    "venga a cantar con nosotros.",
    "Con cariño, el comité",
]


def test_a_translation_without_figures_is_told_by_its_names_and_shape() -> None:
    # fitted with a third of its pairs stripped of figures: names inside sentences, paragraph
    # lengths in step and sentence counts carry it (the model fitted on the posts as they are
    # gave this pair 0.14)
    model = scores.translation_model()
    assert model.probability(translation_vector(LETTER, CARTA)) > 0.8


@pytest.mark.xfail(strict=True, reason="known failure: a short translation without figures stays "
                   "under the floor (0.95), which is set for 1% of different posts joined")
def test_a_translation_without_figures_is_joined() -> None:
    model = scores.translation_model()
    assert model.probability(translation_vector(LETTER, CARTA)) >= model.floor


def test_the_vector_compares_as_many_paragraphs_either_side() -> None:
    # the German version followed by the French one: only the first five paragraphs after
    # the start are set against the five before it
    both = translation_vector(paragraphs(EN), paragraphs(DE) + paragraphs(FR))
    alone = translation_vector(paragraphs(EN), paragraphs(DE))
    assert both == alone
    assert translation_vector([], paragraphs(DE)) == [0.0] * len(TRANSLATION_FEATURES)
    assert translation_vector(paragraphs(EN), []) == [0.0] * len(TRANSLATION_FEATURES)


def test_long_blocks_are_compared_on_a_bounded_part() -> None:
    long = ["word " * 400] * 10
    v = translation_vector(long, long)
    assert v[TRANSLATION_FEATURES.index("pairs")] == pytest.approx(math.log1p(math.ceil(MAX_CHARS / 2000)))


@pytest.mark.parametrize(("text", "language"), [
    ("The water supply will be switched off on the road while the council replaces the pipe.", "en"),
    ("Die Wasserversorgung wird abgestellt, während die Gemeinde die alte Leitung erneuert.", "de"),
    ("供水将在周五停止，市政府正在更换道路下面的旧管道，居民需要提前准备。", "zh"),
    ("金曜日に道路の下の古い水道管を交換するため、断水が行われます。", "ja"),
    ("Η υδροδότηση θα διακοπεί την Παρασκευή, ενώ ο δήμος αντικαθιστά τον παλιό αγωγό.", "greek"),
    ("", None),
    ("1234 5678", None),
])
def test_the_language_of_a_block(text: str, language: str | None) -> None:
    assert block_language(text) == language


def test_a_broken_model_file_names_itself() -> None:
    raw = json.dumps({"version": 1, "features": ["numbers"], "weights": [1.0, 2.0], "bias": 0.0,
                      "floor": 0.9})
    with pytest.raises(ValueError, match="translation model"):
        scores.parse_translation_model(raw)
    with pytest.raises(ValueError, match="floor"):
        scores.parse_translation_model(raw.replace("[1.0, 2.0]", "[1.0]").replace("0.9", "0.0"))


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(max_size=200), max_size=8), st.lists(st.text(max_size=200), max_size=8))
def test_any_paragraphs_give_finite_features_in_range(before: list[str], after: list[str]) -> None:
    v = translation_vector(before, after)
    assert len(v) == len(TRANSLATION_FEATURES)
    assert all(math.isfinite(x) for x in v)
    named = dict(zip(TRANSLATION_FEATURES, v))
    for name in ("numbers", "numbers_both", "long_numbers", "number_order", "names", "words", "script_gap"):
        assert 0.0 <= named[name] <= 1.0
    assert -1.0 - 1e-9 <= named["profile"] <= 1.0 + 1e-9
    assert 0.0 <= scores.translation_model().probability(v) <= 1.0
    block_language("".join(before))  # never fails on any text


def _bodies(*texts: str, glue: str = "\n\n") -> str:
    """The texts without their titles, paragraphs glued by ``glue``."""
    return "\n\n".join(glue.join(paragraphs(t)[1:]) for t in texts) + "\n"


def test_a_titled_article_in_another_language_starts_though_it_shares_the_names() -> None:
    # regression, forty-seventh session: a German article on the same street, its title
    # sharing the English notice's names, one paragraph a line, was read as the notice going on
    other = (OTHER_DE.replace("Stadtpark", "Larkfield Park").replace("Bahnhof", "Brightwell")
             .replace("Neuer Radweg am Larkfield Park eröffnet", "Larkfield Road: Radweg frei"))
    text = "\n".join(paragraphs(EN)) + "\n" + "\n".join(paragraphs(other)) + "\n"
    doc = cs.split(text)
    assert [a.title for a in doc.articles] == [
        "Notice to residents of Larkfield Road", "Larkfield Road: Radweg frei"]
    assert cs.Reason.LANGUAGE_CHANGE in doc.boundaries[0].reasons


def test_text_that_runs_on_into_another_language_without_a_title_stays_one_article() -> None:
    # a generated article may go on in another language (the seeds hold two that switch from
    # English to Chinese mid-way): with no title there, a change of language is no start
    for glue in ("\n\n", "\n"):
        assert len(cs.split(_bodies(EN, OTHER_DE, glue=glue)).articles) == 1


RU_TITLED = "\n\n".join([
    "Новая версия Python",
    "Москва, 12 марта.",
    "Новая версия языка работает заметно быстрее прежней и лучше сообщает об ошибках в коде. "
    "Разработчики советуют обновиться всем, кто пользуется старыми выпусками.",
    "Поддержка прошлой версии продлится ещё полтора года, после чего исправления безопасности "
    "для неё выходить не будут.",
    "На встрече пользователей в столице авторы рассказали о планах на следующий год и ответили на "
    "вопросы о переходе больших проектов на новую версию.",
])


def test_a_titled_article_in_another_language_starts_at_its_title_over_a_dateline() -> None:
    # regression, fiftieth session: the language below a title was read from the title and
    # the line under it only, so a short title over a dateline had none and the change of
    # language was never looked at
    german = "\n\n".join(paragraphs(OTHER_DE)[1:])
    text = german + "\n\n" + RU_TITLED + "\n"
    doc = cs.split(text)
    assert [a.start for a in doc.articles] == [0, text.index("Новая версия Python")]
    assert cs.Reason.LANGUAGE_CHANGE in doc.boundaries[0].reasons


def test_a_line_of_figures_in_the_page_language_does_not_hide_a_change_of_language() -> None:
    # regression, fiftieth session: the first look at a page's languages started its count of
    # another language's prose again at any line in the page's language, here a list of versions
    # read as German, so the Russian article never reached the careful check
    ru = paragraphs(RU_TITLED)
    versions = "Python 3.12.1 / 3.11.7 / 3.10.13"
    german = "\n\n".join(paragraphs(DE)[1:] + paragraphs(OTHER_DE)[1:])
    text = german + "\n\n" + "\n\n".join([*ru[:3], versions, *ru[3:]]) + "\n"
    doc = cs.split(text)
    boundary = next(b for b in doc.boundaries if b.offset == text.index(ru[0]))
    assert cs.Reason.LANGUAGE_CHANGE in boundary.reasons


# A Russian how-to that quotes a program's English output in a code block (written here)
RU_HOWTO = "\n\n".join([
    "Настройка датчиков",
    "Перед первым запуском программа должна узнать, какие датчики есть в системе. Для этого "
    "достаточно один раз выполнить проверку от имени администратора и ответить на её вопросы.",
    "Ответы по умолчанию безопасны, поэтому можно просто нажимать ввод. Проверка занимает около "
    "минуты и ничего не меняет в настройках системы без вашего согласия.",
    "Пример:",
    "`$ netcheck --scan`",
    "```\nThis tool will look at every interface on this machine and report what it finds.\n"
    "It is generally safe to accept the default answers to all of its questions, unless you\n"
    "know what you are doing and want to test a particular device by hand.\n\n"
    "Some network cards have sensors of their own that report the temperature of the chip.\n"
    "Do you want to look for them as well? It takes a few more seconds. (YES/no):\n"
    "Looking at the first card... found one sensor, reading it now.\n```",
    "После проверки программа покажет список найденных датчиков и предложит сохранить его. "
    "Сохранённый список будет читаться при каждой загрузке системы.",
    "Если какой-то датчик не найден, стоит обновить ядро и повторить проверку ещё раз, так как "
    "поддержка нового оборудования появляется в нём постепенно.",
]) + "\n"


def _language_changes(text: str) -> tuple[list[Unit], list[bool]]:
    """The units of ``text`` as `split` reads them, and `boundaries._language_changes` of each."""
    from corpus_split.boundaries import _language_changes, build_units
    from corpus_split.features import line_words
    from corpus_split.lines import split_lines
    from corpus_split.prelim import read_roles

    layout = split_lines(text)
    roles, feats = read_roles(layout, False)
    words = line_words([line.text for line in layout.lines], [r.is_content for r in roles])
    units = build_units(layout, roles, feats, words)
    return units, _language_changes(units, layout, roles)


def test_a_programs_english_output_in_a_code_block_is_no_change_of_language() -> None:
    # regression, fiftieth session: reading a headline's language past units below it (a
    # command line over the block) took the English lines of a code block for prose
    assert len(cs.split(RU_HOWTO).articles) == 1
    assert not any(_language_changes(RU_HOWTO)[1])


def test_titled_translations_one_paragraph_a_line_stay_one_article() -> None:
    # the change of language is evidence only where the text after is no version of the text
    # before: weighed against the translation check where it is found
    text = "".join("\n".join(paragraphs(t)) + "\n" for t in (EN, DE, FR))
    assert len(cs.split(text).articles) == 1
    with no_check():
        assert len(cs.split(text).articles) > 1


def test_a_short_quotation_in_another_language_opens_no_article() -> None:
    quote = "We will not stop until the last bike rack is built."
    paras = paragraphs(OTHER_DE)
    text = "\n\n".join([*paras[1:3], quote, *paras[3:]]) + "\n"
    assert len(cs.split(text).articles) == 1


@pytest.mark.parametrize(("line", "prose"), [
    ("The council voted last week to keep the library open.", True),
    ("“Should it spiral into a wider conflict,” he said, “we will act.”", True),
    ("Мы рады сообщить о выпуске новой версии.", True),
    # a link is read by its text (fiftieth session: its address made the line no prose)
    ("See [the manual](https://example.org/docs/manual) and [the wiki](https://example.org/w) now.",
     True),
    ("川に架かる新しい橋が金曜日に開通した。", True),
    ("[INFO] Scanning for projects...", False),
    ("[INFO] | +- org.example:library-api:jar:2.0.1:compile", False),
    ("Float#next_float, Float#prev_float #9834 File.birthtime", False),
    ("SHA256: 9ed4f6c3a1b2", False),
    ("Ruby 3.4.0", False),
])
def test_only_prose_lines_tell_a_language_change(line: str, prose: bool) -> None:
    from corpus_split.boundaries import _prose_line

    assert _prose_line(line) is prose


@given(st.lists(st.sampled_from(paragraphs(EN) + paragraphs(OTHER_DE)), min_size=1, max_size=8))
@settings(max_examples=40, deadline=None)
def test_language_changes_are_one_flag_a_unit(paras: list[str]) -> None:
    units, changes = _language_changes("\n\n".join(paras) + "\n")
    assert len(changes) == len(units) and not (changes and changes[0])
    assert not any(changed and not unit.headline for changed, unit in zip(changes, units))
    if len({p in paragraphs(EN) for p in paras}) == 1:
        assert not any(changes)  # one language throughout: nothing changes


@pytest.mark.xfail(strict=True, reason=(
    "known failure: the language check's first look (boundaries._page_codes) reads every CJK "
    "line as one family, so a switch between Chinese and Japanese never reaches the careful "
    "check; telling kana lines apart fixes it but cost 3% of split time on the speed "
    "benchmark's Chinese and Japanese text (forty-eighth session) and changed no held-back figure"))
def test_a_titled_japanese_article_after_a_chinese_one_is_a_change_of_language() -> None:
    # the two stories differ in subject, so they part by vocabulary; the reason names the
    # change of language only once the first look tells the two languages apart
    for glue in ("\n\n", "\n"):
        doc = cs.split(ZH.replace("\n\n", glue) + glue + JA.replace("\n\n", glue))
        assert len(doc.articles) == 2
        assert cs.Reason.LANGUAGE_CHANGE in doc.boundaries[0].reasons
        assert doc.articles[1].start == doc.text.index("港町")


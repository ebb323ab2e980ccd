import corpus_split as cs
from tests.contract import check_document


def test_tokenized_sentences_with_quotes_apart_stay_bare_sentences() -> None:
    # Choi's published data set is Brown-corpus text tokenized the old way: punctuation
    # stands apart and a closing quote follows the full stop ("done . ''"). Such short
    # quoted lines were read as headlines, two of them made the page a headed one, and the
    # long-article prior then kept one cut of two (news sentences so tokenized: Pk 0.21 -> 0.34)
    bridge = [
        "The council voted on Tuesday evening to repair the old stone bridge that carries the "
        "main road over the river .",
        "`` The bridge is tired . ''",
        "Engineers said the bridge needs new steel beams , and soon .",
        "The council expects the bridge works to cost about two million , paid from the roads "
        "budget over three years .",
        "`` Repairs start in spring . ''",
    ]
    music = [
        "The orchestra opened its season with a new symphony .",
        "Violins and cellos carried the long slow movement of the symphony , and the brass joined "
        "only at the very end .",
        "`` It was a triumph . ''",
        "Critics called the symphony the best concert of the year , and the hall was full for both "
        "of the nights .",
        "The orchestra will tour the symphony in the autumn .",
    ]
    harvest = [
        "Farmers reported a record harvest of wheat and barley across the whole of the northern "
        "plain this summer .",
        "`` Dry weather helped . ''",
        "Barley prices fell as the harvest came in and the grain stores of the region filled up "
        "faster than expected .",
        "Farmers expect wheat exports to rise .",
        "The harvest of barley was the largest in a decade , the farmers ' union said in its report "
        "on Friday .",
    ]
    text = "\n".join(bridge + music + harvest)
    doc = cs.split(text)
    check_document(doc)
    assert [text[: b.offset].count("\n") for b in doc.boundaries] == [5, 10]

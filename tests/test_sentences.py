from kg.clean import clean
from kg.sentences import MAX_SENTENCE, split_sentences


def test_sentences_cover_text_and_split_on_terminators():
    doc = clean("芜湖高新区出台政策。“下一步，我们将继续。”他说！▶ 记者 王某")
    sents = split_sentences(doc)
    assert [s.text for s in sents] == ["芜湖高新区出台政策。", "“下一步，我们将继续。”", "他说！", "记者王某"]
    assert all(doc.text[s.start:s.end] == s.text for s in sents)



def test_text_without_sentence_ends_is_cut_at_clause_marks_into_bounded_pieces():
    doc = clean("青禾科技获评省级瞪羚企业，远帆精密入选专精特新“小巨人”企业，" * 400)
    sents = split_sentences(doc)
    assert len(sents) > 1 and all(len(s.text) <= MAX_SENTENCE for s in sents)
    assert "".join(s.text for s in sents) == doc.text                       # nothing lost, nothing doubled
    assert all(s.text.endswith("，") for s in sents[:-1])                    # cut after a clause, not inside a name

from kg.clean import clean
from kg.sentences import split_sentences


def test_sentences_cover_text_and_split_on_terminators():
    doc = clean("芜湖高新区出台政策。“下一步，我们将继续。”他说！▶ 记者 王某")
    sents = split_sentences(doc)
    assert [s.text for s in sents] == ["芜湖高新区出台政策。", "“下一步，我们将继续。”", "他说！", "记者王某"]
    assert all(doc.text[s.start:s.end] == s.text for s in sents)


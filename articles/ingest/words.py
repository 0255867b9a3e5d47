"""jieba's plain dictionary and a few nouns of the genre, shared by the fact extractors (labels, name boundaries).

Loaded on first use and quiet: jieba logs its dictionary loading at DEBUG level
to stderr, which would read as noise (or an error) in the ingest's output.
"""
import logging
from functools import lru_cache


# Nouns of the genre the plain dictionary splits (快递|员): the people and things a figure counts.
GENRE_NOUNS = ("快递员", "外卖员", "外卖骑手", "网约车司机", "网约车", "快递小哥", "货车司机")


@lru_cache(maxsize=1)
def _jieba():
    import jieba
    import jieba.posseg

    from articles.search.tokenizer import load_own_table, offer_own_table

    jieba.setLogLevel(logging.WARNING)
    table = jieba.dt  # the table of jieba's module functions and of jieba.posseg
    if not table.initialized:
        load_own_table(table)
        offer_own_table(table.FREQ, table.total)  # as read, before the genre's nouns go in
    for word in GENRE_NOUNS:
        table.add_word(word, tag="n")
    return jieba


@lru_cache(maxsize=4096)
def words(text):
    return tuple(_jieba().lcut(text))


@lru_cache(maxsize=4096)
def dictionary_words(text):
    """Words from the dictionary alone: no guessed new words (HMM off)."""
    return tuple(_jieba().lcut(text, HMM=False))


@lru_cache(maxsize=4096)
def tagged(text):
    """(word, part-of-speech flag) pairs."""
    return tuple((p.word, p.flag) for p in _jieba().posseg.lcut(text))

import marshal

import jieba

from articles.search import dictionary
from articles.search.tokenizer import DOMAIN_WORD_MIN_FREQ, DomainTokenizer, load_own_table

NAMES = ["红帆驿站联盟", "红帆驿站", "链上党建共同体", "星火工程师之家"]
TEXTS = [
    "园区成立红帆驿站联盟，链上党建共同体吸纳企业二十家。",
    "红帆驿站每月开放，星火工程师之家设在三楼。",
    "红帆驿",  # a name's beginning at the end of a text is not the name
    "2024年园区建成5G基站12座，红帆驿站联盟ABC三期启用。\n链上党建共同体 2.0版",
]


def _jieba_with_names(freq, total, names):
    """jieba's own way: every name and its prefixes in a copy of the table."""
    tokenizer = jieba.Tokenizer()
    tokenizer.FREQ, tokenizer.total, tokenizer.initialized = dict(freq), total, True
    for name in sorted(names):
        tokenizer.add_word(name, max(tokenizer.suggest_freq(name), DOMAIN_WORD_MIN_FREQ))
        tokenizer.total = total
    return tokenizer


def test_names_cut_exactly_as_jieba_cuts_them_without_touching_the_static_table():
    freq, total, _terms = dictionary._static_layer_loaded()
    entries = len(freq)
    ours = DomainTokenizer(freq, total)
    for name in sorted(NAMES):
        ours.add_domain_word(name)
    theirs = _jieba_with_names(freq, total, NAMES)
    for text in TEXTS:
        assert list(ours.cut(text, HMM=False)) == list(theirs.cut(text, HMM=False)), text
    assert "红帆驿站联盟" in ours.cut(TEXTS[0], HMM=False)
    # The names and their prefixes live outside the shared table.
    assert len(freq) == entries and "红帆驿" not in freq
    ours.forget("红帆驿站联盟")
    assert "红帆驿站联盟" not in ours.cut(TEXTS[0], HMM=False)


def test_whole_pages_cut_exactly_as_jieba_cuts_them(settings):
    """The compiled cut (``_cut.c``) over every seed page, letters, digits and names included."""
    from pathlib import Path

    freq, total, _terms = dictionary._static_layer_loaded()
    ours = DomainTokenizer(freq, total)
    for name in sorted(NAMES):
        ours.add_domain_word(name)
    theirs = _jieba_with_names(freq, total, NAMES)
    pages = sorted(Path(settings.SEEDS_DIR).glob("*.txt"))
    assert pages
    for page in pages:
        text = page.read_text(encoding="utf-8") + "".join(TEXTS)
        assert ours.lcut(text, HMM=False) == theirs.lcut(text, HMM=False), page.name


def test_names_are_weighed_as_jieba_weighs_them_short_common_words_and_long_names_alike():
    freq, total, _terms = dictionary._static_layer_loaded()
    # 了的: two of jieba's commonest words, weighed above the minimum by their parts;
    # 一个是: three parts; then names too long for their parts to matter.
    names = ["了的", "一个是", "中国的", "党建引领高质量发展", "红帆驿站联盟"]
    ours = DomainTokenizer(freq, total)
    for name in names:
        ours.add_domain_word(name)
    theirs = jieba.Tokenizer()
    theirs.FREQ, theirs.total, theirs.initialized = dict(freq), total, True
    for name in names:
        expected = max(theirs.suggest_freq(name), DOMAIN_WORD_MIN_FREQ)
        assert ours.words[name] == expected, name
        theirs.add_word(name, expected)
        theirs.total = total
    assert ours.words["了的"] > DOMAIN_WORD_MIN_FREQ
    assert ours.longest_weighed == 4  # jieba's table: the longest name that needs its cut


def test_the_static_table_built_from_the_fact_extractors_copy_is_the_one_read_from_disk(monkeypatch):
    """An ingest reads jieba's dictionary for its fact extractors first and the search table starts
    from their copy: it must be the table a web process reads, or pages are indexed with other words."""
    from articles.ingest import words
    from articles.search import tokenizer

    terms = ["两新组织党委", "红帆驿站"]
    monkeypatch.setattr(tokenizer, "_offered", None)
    monkeypatch.setattr(tokenizer, "_static_built", False)
    monkeypatch.setattr(jieba, "dt", jieba.Tokenizer())  # a process that has not read jieba's dictionary
    words._jieba.cache_clear()
    try:
        words._jieba()
        from_copy, copy_total = tokenizer.static_table(terms)
    finally:
        words._jieba.cache_clear()
    from_disk, disk_total = tokenizer.static_table(terms)
    assert (from_copy, copy_total) == (from_disk, disk_total)
    assert "快递员" in jieba.dt.FREQ and "快递员" not in from_copy  # the genre's nouns stay the extractors'
    assert "两新组织党委" in from_copy and "两新组织党委" not in jieba.dt.FREQ


def test_jiebas_table_is_read_from_its_cache_file_as_jieba_reads_it():
    ours, theirs = jieba.Tokenizer(), jieba.Tokenizer()
    load_own_table(ours)
    theirs.initialize()
    assert ours.initialized and (ours.FREQ, ours.total) == (theirs.FREQ, theirs.total)
    assert ours.lcut("园区成立产业链党建联盟", HMM=False) == theirs.lcut("园区成立产业链党建联盟", HMM=False)


def test_the_cache_read_is_jiebas_own_file_and_a_broken_one_is_left_to_jieba(tmp_path):
    cache = tmp_path / "jieba.cache"
    cache.write_bytes(marshal.dumps(({"园区": 3, "园": 0}, 3)))
    tokenizer = jieba.Tokenizer()
    tokenizer.tmp_dir = str(tmp_path)  # where jieba keeps its cache
    load_own_table(tokenizer)
    assert tokenizer.FREQ == {"园区": 3, "园": 0} and tokenizer.total == 3

    cache.write_bytes(b"not a cache")
    tokenizer = jieba.Tokenizer()
    tokenizer.tmp_dir = str(tmp_path)
    load_own_table(tokenizer)  # jieba builds its table from its dictionary and writes the cache again
    assert tokenizer.initialized and len(tokenizer.FREQ) > 100_000
    assert marshal.loads(cache.read_bytes()) == (tokenizer.FREQ, tokenizer.total)

"""A jieba tokenizer that keeps the domain's names out of jieba's own table.

Imported when the dictionary is first built (dictionary.py), not at start-up:
importing jieba takes a sixth of a second that commands such as ``migrate``
never need.
"""
import logging
import marshal
import math
import os
import tempfile
import threading

import jieba

from ._cut import cut_block

# Domain words must beat jieba's general vocabulary ("两新组织", not "两/新/组织").
DOMAIN_WORD_MIN_FREQ = 2000


_offered = None  # (freq, total): a copy of jieba's own table that another user of jieba loaded
_static_built = False  # whether this process built a static table (after which no copy is kept)
_offer_lock = threading.Lock()  # a copy goes to one table only: two would add their terms to the same dict


def offer_own_table(freq, total):
    """Leave a copy of jieba's own table, as loaded and before any word is added, to the next ``static_table``.

    A process that loads jieba's dictionary for something else (the fact
    extractors, ``ingest.words``) spares the search dictionary reading it from
    disk again: a copy shares the words and costs 15 ms, a load 0.3 s, once
    per ingest run before its first page. Kept only until the static table is
    first built, so that no process holds a copy nothing will use.
    """
    global _offered
    if not _static_built:
        _offered = (dict(freq), total)


def load_own_table(tokenizer):
    """``tokenizer.initialize()``, jieba's cache file read whole before it is unmarshalled.

    jieba unmarshals its cache straight from the open file (``marshal.load``),
    which reads it a few bytes at a time: 1.44 s for its 9 MB on a 2-core
    machine, against 0.30 s for the bytes read first (``marshal.loads``), in
    every process that loads jieba (an ingest run before its first page, a web
    worker's first search). The same file jieba reads for its own dictionary
    (it checks no date on that one either); with another dictionary, no cache
    yet or one that does not read, jieba's own ``initialize`` runs (and writes
    the cache).
    """
    with tokenizer.lock:
        if tokenizer.initialized:
            return
        if tokenizer.dictionary == jieba.DEFAULT_DICT and not tokenizer.cache_file:
            path = os.path.join(tokenizer.tmp_dir or tempfile.gettempdir(), "jieba.cache")
            try:
                with open(path, "rb") as cache:
                    freq, total = marshal.loads(cache.read())
            except (OSError, EOFError, ValueError, TypeError):
                pass
            else:
                if isinstance(freq, dict) and total:
                    tokenizer.FREQ, tokenizer.total, tokenizer.initialized = freq, total, True
                    return
    tokenizer.initialize()


def _own_table():
    """(freq, total) of jieba's own dictionary, nothing added: a copy offered, or read from disk."""
    global _offered
    with _offer_lock:
        offered, _offered = _offered, None
    if offered is not None:
        return offered
    base = jieba.Tokenizer()
    load_own_table(base)
    return base.FREQ, base.total


def static_table(terms):
    """(word frequencies, total) of jieba's dictionary with ``terms`` (in this order) as words of their own."""
    global _static_built
    jieba.setLogLevel(logging.WARNING)
    _static_built = True
    base = jieba.Tokenizer()
    base.FREQ, base.total = _own_table()
    base.initialized = True
    for term in terms:
        base.add_word(term, max(base.suggest_freq(term, tune=False), DOMAIN_WORD_MIN_FREQ))
    return base.FREQ, base.total


def longest_weighed_by_parts(freq, total):
    """The longest name whose parts could weigh it above DOMAIN_WORD_MIN_FREQ; None if any could.

    jieba weighs a name at the product of its parts' shares of the total
    (``suggest_freq``). Let F be the largest frequency of the table or the
    minimum, whichever is larger: below the total, it bounds every weight of
    both tables (a name's own frequency, the minimum, or a product of two or
    more shares, below F). Three or more parts then weigh less than
    F**3 / total**2, and two parts reach the minimum only if both are among
    the few words above 2000 * total / F (of jieba's own table: 37 words of at
    most two characters). A longer name needs no cut to be weighed.
    """
    top = max(max(freq.values(), default=0), DOMAIN_WORD_MIN_FREQ)
    if top >= total or top**3 / total**2 >= DOMAIN_WORD_MIN_FREQ:
        return None
    threshold = DOMAIN_WORD_MIN_FREQ * total / top
    return 2 * max((len(word) for word, count in freq.items() if count >= threshold), default=0)


_longest = (None, None)  # (the table, its longest_weighed_by_parts): one static table per process


def _longest_for(freq, total):
    global _longest
    if _longest[0] is not freq:
        _longest = (freq, longest_weighed_by_parts(freq, total))
    return _longest[1]


class DomainTokenizer(jieba.Tokenizer):
    """jieba's tokenizer over a shared static table, with the domain names in a table of their own.

    jieba's ``add_word`` puts a word and every prefix of it into its table
    (``FREQ``): 200,000 programme names made over a million entries, most of
    a web worker's memory. Here the names stay in ``words`` (name -> frequency)
    and are found through ``lengths`` (first two characters -> the lengths of
    the names starting so), so the static table is never copied or changed.
    The cut is jieba's precise mode without HMM: the same candidate words, the
    same frequencies, the same best route.
    """

    def __init__(self, freq, total):
        super().__init__()
        self.FREQ, self.total, self.initialized = freq, total, True
        self.words = {}
        self.longest_weighed = _longest_for(freq, total)
        # A length stays when its last name is taken out (extra_terms): looking a
        # word up that is not there costs a lookup and changes nothing.
        self.lengths = {}

    def word_freq(self, word, default=None):
        """A word's frequency, a domain name's first; ``default`` when neither table has it."""
        found = self.words.get(word)
        return found if found is not None else self.FREQ.get(word, default)

    def cut(self, sentence, cut_all=False, HMM=True, use_paddle=False):
        """jieba's precise mode without its HMM (the only one the index and queries use), words in order."""
        return iter(self.lcut(sentence, cut_all=cut_all, HMM=HMM, use_paddle=use_paddle))

    def lcut(self, sentence, cut_all=False, HMM=True, use_paddle=False):
        """``cut`` as a list: the index's hot path, built without a generator per block.

        The text is split into blocks as jieba splits it; each block is cut in
        one pass from its end (``_block_words``).
        """
        if cut_all or HMM or use_paddle:
            raise ValueError("DomainTokenizer cuts in precise mode without HMM only (HMM=False)")
        words = []
        han, skip = jieba.re_han_default, jieba.re_skip_default
        for block in han.split(sentence):
            if not block:
                continue
            if han.match(block):
                words += self._block_words(block)
                continue
            for part in skip.split(block):
                if skip.match(part):
                    words.append(part)
                else:
                    words += part
        return words

    def _block_words(self, sentence):
        """jieba's cut of a block (its get_DAG, calc and route), in one pass from its end (``_cut.c``).

        At each place, from the end: the words starting there -- jieba's, found
        by extending a prefix while the table has it, then the names, looked up
        by length -- and the best route on from there, ties going to the longer
        word as in jieba. Single letters and digits in a row are one word.
        """
        return cut_block(sentence, self.FREQ, self.words, self.lengths, math.log(self.total))

    def add_domain_word(self, term):
        """Add a name at the frequency that keeps it whole, the total unchanged.

        jieba weighs every word against the total: left as it was, a text
        segments the same whatever other names were added, so a page cut in
        another process (``extra_terms``) is cut as the writer would cut it.
        """
        # jieba's suggest_freq, reading both tables; most names are too long to need it.
        suggested = 0.0  # a longer name's parts weigh it below the minimum
        if self.longest_weighed is None or len(term) <= self.longest_weighed:
            suggested = 1.0
            for part in self.cut(term, HMM=False):
                suggested *= self.word_freq(part, 1) / self.total
        suggested = max(int(suggested * self.total) + 1, self.word_freq(term, 1))
        self.words[term] = max(suggested, DOMAIN_WORD_MIN_FREQ)
        self.lengths.setdefault(term[:2], set()).add(len(term))

    def forget(self, term):
        """Take a name out (its length entry stays: see ``lengths``)."""
        self.words.pop(term, None)

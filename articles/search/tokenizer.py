"""A jieba tokenizer that keeps the domain's names out of jieba's own table.

Imported when the dictionary is first built (dictionary.py), not at start-up:
importing jieba takes a sixth of a second that commands such as ``migrate``
never need.
"""
import logging
import math

import jieba

# Domain words must beat jieba's general vocabulary ("两新组织", not "两/新/组织").
DOMAIN_WORD_MIN_FREQ = 2000


def static_table(terms):
    """(word frequencies, total) of jieba's dictionary with ``terms`` (in this order) as words of their own."""
    jieba.setLogLevel(logging.WARNING)
    base = jieba.Tokenizer()
    base.initialize()
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
    The cut is jieba's own: the same candidate words, the same frequencies,
    the same best route.
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

    def get_DAG(self, sentence):
        # jieba's get_DAG (each word starting at k, by extending a prefix while
        # the table has it), then the names starting at k, looked up by length.
        freq, words, lengths = self.FREQ, self.words, self.lengths
        n = len(sentence)
        dag = {}
        for k in range(n):
            ends = []
            i, fragment = k, sentence[k]
            while i < n and fragment in freq:
                if freq[fragment]:
                    ends.append(i)
                i += 1
                fragment = sentence[k : i + 1]
            for length in lengths.get(sentence[k : k + 2], ()):
                end = k + length - 1
                if end < n and end not in ends and sentence[k : end + 1] in words:
                    ends.append(end)
            dag[k] = ends or [k]
        return dag

    def calc(self, sentence, dag, route):
        # jieba's calc, reading a name's frequency from ``words`` first.
        n = len(sentence)
        route[n] = (0, 0)
        log_total = math.log(self.total)
        log, freq, words = math.log, self.FREQ, self.words
        for idx in range(n - 1, -1, -1):
            ends = dag[idx]
            if len(ends) == 1:  # most places: one candidate, nothing to compare
                x = ends[0]
                word = sentence[idx : x + 1]
                route[idx] = (log(words.get(word) or freq.get(word) or 1) - log_total + route[x + 1][0], x)
                continue
            best = None
            for x in ends:
                word = sentence[idx : x + 1]
                candidate = (log(words.get(word) or freq.get(word) or 1) - log_total + route[x + 1][0], x)
                if best is None or candidate > best:
                    best = candidate
            route[idx] = best

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

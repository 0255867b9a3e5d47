"""Chinese word segmentation shared by the index and the query side.

Databases cannot split Chinese into words, so every searchable text is
segmented here with jieba and stored as space-separated tokens; the database
then indexes those tokens as plain words (FTS5 ``unicode61``, PostgreSQL
``simple``).  Index and query must be segmented the same way, so both go
through this module, with the dictionary of dictionary.py.

Precise-mode segmentation without jieba's HMM guesser is used on purpose: the
HMM joins unknown characters differently depending on the context, which
would make the same name segment one way in an article and another way in a
query.  Unknown names therefore come out as single characters; runs of
single characters are also indexed as character bigrams so that a two- or
three-character name (a person, a company) is still found as a unit.
"""
import hashlib
import re
from bisect import bisect_right
from importlib.metadata import version

from core.text import fold

try:
    from ._cut import prefix_matches, sub_words
except ImportError as exc:  # a checkout whose C module was never built (make install builds it)
    raise ImportError(
        "articles/search/_cut.c is not built: run `make install` "
        "(or `python setup.py build_ext --inplace`) in the project's folder"
    ) from exc
from .dictionary import current_dictionary, dynamic_weights, static_digest

_QUOTES = re.compile("[\"'“”‘’「」『』]")

# Raise it with any change here, in tokenizer.py or in ``fold`` that changes the
# stored tokens: ``reindex`` then segments every article again.
SEGMENTATION_VERSION = 2


def fingerprint():
    """(digest, {dynamic term: weight}): what the tokens ``index_tokens`` gives depend on.

    The digest covers these rules, the folding and the dictionary's static
    layer; a change there changes any text's tokens.  A dynamic term's weight changes only
    the tokens of texts holding the term (``dictionary.dynamic_weights``).
    """
    # OpenCC's tables are part of ``fold``.
    rules = f"{SEGMENTATION_VERSION}:{version('opencc')}:{static_digest()}"
    digest = hashlib.sha256(rules.encode()).hexdigest()
    return digest, dynamic_weights()


def term_matcher(terms):
    """A test of whether a text holds any of ``terms`` where the index sees them (as ``terms_in``).

    A few terms (a curator's new alias) are one regular expression: the
    fastest test, but its cost grows with the terms.  Beyond ``FEW_TERMS`` (a
    reindex after a large ingest looks for thousands of new names: 7 ms a text
    at 3,000) the terms are keyed by their first ``_KEY`` characters (shorter
    terms whole) and a text's substrings of those lengths are looked up among
    the keys, whatever their number (under 1 ms a text).
    """
    if not terms:
        return lambda text: False
    if len(terms) <= FEW_TERMS:
        pattern = re.compile("|".join(re.escape(term) for term in sorted(terms)))

        def holds_in(text):
            return pattern.search(text) is not None
    else:
        by_key = {}
        for term in terms:
            by_key.setdefault(term[:_KEY], []).append(term)
        keys = by_key.keys()
        lengths = sorted({len(key) for key in keys})

        def holds_in(text):
            grams = {text[i : i + n] for n in lengths for i in range(len(text) - n + 1)}
            return any(term in text for key in grams & keys for term in by_key[key])

    def holds(text):
        text = fold(text)
        if holds_in(text):
            return True
        unquoted = _QUOTES.sub("", text)
        return unquoted != text and holds_in(unquoted)

    return holds


FEW_TERMS = 200
_KEY = 4


def terms_in(text, terms):
    """Those of ``terms`` (dictionary terms) that the index of ``text`` could see: in it, quotes removed or not."""
    if not terms:
        return frozenset()
    text = fold(text)
    unquoted = _QUOTES.sub("", text)
    if len(terms) > FEW_TERMS:
        # Many terms: only those starting with a pair of the text's characters are looked for.
        starts = {text[i : i + 2] for i in range(len(text) - 1)}
        starts.update(unquoted[i : i + 2] for i in range(len(unquoted) - 1))
        terms = [term for term in terms if term[:2] in starts]
    return frozenset(term for term in terms if term in text or term in unquoted)


def _is_cjk(ch):
    return "\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff"


def _words(text, dictionary):
    """Precise-mode words of folded text, alphanumeric only; None where punctuation or space was.

    The None marks where a run of single characters ends, as it does in the
    index: the bigrams of 双报到、双报告 never include 到双.
    """
    for word in dictionary.tokenizer.cut(text, HMM=False):
        yield "".join(ch for ch in word if ch.isalnum()) or None


def _bigrams(run):
    return [run[i] + run[i + 1] for i in range(len(run) - 1)]


def _sub_words(word, tokenizer):
    """Shorter dictionary words inside a longer word (jieba's search mode, any length), by length, then place."""
    return sub_words(word, tokenizer.FREQ, tokenizer.words)


def _domain_occurrences(text, dictionary):
    """(start, term) of every domain term in text, including those the segmentation split; by
    start, then by length.

    "产业链党建联盟" segments as 产业链党建 + 联盟, which would hide 党建联盟;
    domain terms are what people search for, so each occurrence is indexed.
    Terms starting at one place are put in order of length, not of their list:
    a list's order is the order the process came to know the terms in (the
    static ones in the order of a set, which differs from process to process),
    and the stored tokens must not depend on which process segmented a text.
    """
    found = prefix_matches(text, dictionary.domain_by_prefix)
    found.sort(key=lambda place: (place[0], len(place[1])))
    return found


def index_tokens(text):
    """Every token stored for ``text``: precise words, their sub-words, domain terms, bigrams of single characters."""
    dictionary = current_dictionary()
    tokenizer = dictionary.tokenizer
    dynamic = dictionary.dynamic_terms  # the words ``dictionary.parts`` cuts
    text = fold(text)
    tokens = []
    starts = []  # where each jieba token starts in text
    run = []  # consecutive single CJK characters, e.g. an unknown name

    def close_run():
        if len(run) > 1:
            tokens.extend(_bigrams(run))
        run.clear()

    at = 0
    for raw in tokenizer.lcut(text, HMM=False):
        starts.append(at)
        at += len(raw)
        # Most tokens are letters and digits only: filtered character by character only when not.
        word = raw if raw.isalnum() else "".join(ch for ch in raw if ch.isalnum())
        if not word:
            if run:
                close_run()
            continue
        tokens.append(word)
        if len(word) == 1 and _is_cjk(word):
            run.append(word)
            continue
        if run:  # most words follow another word: no call then
            close_run()
        if len(word) > 2:
            tokens += _sub_words(word, tokenizer)
        if word in dynamic:
            tokens += query_tokens_of_words(dictionary.parts(word))
    close_run()
    # Terms inside one token are already there as the token or its sub-words:
    # a term is added where a token starts after its first character and within it.
    for start, term in _domain_occurrences(text, dictionary):
        following = bisect_right(starts, start)
        if following < len(starts) and starts[following] < start + len(term):
            tokens.append(term)
    # Programme names are stored without the quotes the page wrote inside them
    # (“两新”组织党委 -> 两新组织党委): find them in the text without quotes too.
    unquoted = _QUOTES.sub("", text)
    if unquoted != text:
        present = set(tokens)
        tokens.extend(term for _start, term in _domain_occurrences(unquoted, dictionary) if term not in present)
    return tokens


def segment_for_index(text):
    """The space-separated token text stored in ``Article.search_*``."""
    return " ".join(index_tokens(text))


def query_tokens_of_words(words):
    """Turn runs of single characters into their bigrams, as the index stores them."""
    tokens = []
    run = []

    def close_run():
        tokens.extend(_bigrams(run) if len(run) > 1 else run)
        run.clear()

    for word in words:
        if word is not None and len(word) == 1 and _is_cjk(word):
            run.append(word)
            continue
        close_run()
        if word is not None:  # None: punctuation, which only ends the run
            tokens.append(word)
    close_run()
    return tokens


def query_units(text):
    """The units a query text must match, each a list of alternatives (token lists).

    A unit is one dictionary word, or one bigram of a run of single characters.
    Normally a unit has one alternative; a dynamic dictionary term also offers
    its static parts, so an article indexed before the term was known is still
    found.
    """
    dictionary = current_dictionary()
    units = []
    run = []

    def close_run():
        if len(run) > 1:
            units.extend([[bigram]] for bigram in _bigrams(run))
        elif run:
            units.append([[run[0]]])
        run.clear()

    for word in _words(fold(text), dictionary):
        if word is None:
            close_run()
            continue
        if len(word) == 1 and _is_cjk(word):
            run.append(word)
            continue
        close_run()
        alternatives = [[word]]
        parts = dictionary.parts(word)
        if parts:
            split = query_tokens_of_words(parts)
            if split and split != [word]:
                alternatives.append(split)
        units.append(alternatives)
    close_run()
    return units

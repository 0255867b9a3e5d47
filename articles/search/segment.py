"""Chinese word segmentation shared by the index and the query side.

Databases cannot split Chinese into words, so every searchable text is
segmented here with jieba and stored as space-separated tokens; the database
then indexes those tokens as plain words (FTS5 ``unicode61``, PostgreSQL
``simple``).  Index and query must be segmented the same way, so both go
through this module.

The dictionary has two layers:

* static: jieba's own dictionary, ``fixtures/party_terms.txt`` and the names
  of the reference zones (``fixtures/zones.json``) -- identical in every
  process;
* dynamic: zone names and aliases and initiative names found in the
  database.  They change as pages are ingested, so a process that loaded the
  dictionary earlier may segment a newer name differently.  Both sides stay
  compatible because the index also stores each dynamic term's static parts
  and a query accepts either the whole term or all of its parts.

Precise-mode segmentation without jieba's HMM guesser is used on purpose: the
HMM joins unknown characters differently depending on the context, which
would make the same name segment one way in an article and another way in a
query.  Unknown names therefore come out as single characters; runs of
single characters are also indexed as character bigrams so that a two- or
three-character name (a person, a company) is still found as a unit.
"""
import gc
import json
import logging
import re
import threading
from contextlib import contextmanager

from django.conf import settings

from core.text import fold

logger = logging.getLogger(__name__)

# Domain words must beat jieba's general vocabulary ("两新组织", not "两/新/组织").
DOMAIN_WORD_MIN_FREQ = 2000

_lock = threading.RLock()
_state = None  # the loaded _Dictionary, built on first use


class _Dictionary:
    def __init__(self, tokenizer, static_terms, dynamic_terms):
        self.tokenizer = tokenizer
        self.static_terms = static_terms
        self.dynamic_terms = set(dynamic_terms)  # zone and programme names from the database
        self._parts = {}  # dynamic term -> its segmentation under the static dictionary alone
        self.domain_by_prefix = {}
        self.domain_terms = set()
        self.add_domain_terms(static_terms)
        self.add_domain_terms(dynamic_terms)
        self.added = []  # dynamic terms added after the build, in order (see ``terms_since``)

    def add_domain_terms(self, terms):
        for term in terms:
            if term not in self.domain_terms:
                self.domain_terms.add(term)
                self.domain_by_prefix.setdefault(term[:2], []).append(term)

    def parts(self, word):
        """The static parts of a dynamic term (None for any other word), cut when first asked.

        Cut lazily: a dictionary of every programme name of a large archive would
        otherwise cut each name once more while it loads, for the few a query or
        a page ever holds.
        """
        if word not in self.dynamic_terms:
            return None
        parts = self._parts.get(word)
        if parts is None:
            parts = self._parts[word] = [w for w in _static_cutter().cut(word, HMM=False) if w.strip()]
        return parts

    def forget(self, terms):
        """Take ``terms`` out of the dynamic terms (the tokenizer's entries are the caller's)."""
        self.dynamic_terms.difference_update(terms)
        self.domain_terms.difference_update(terms)
        for term in terms:
            self._parts.pop(term, None)


# ------------------------------------------------------------ dictionary


def _read_party_terms():
    path = settings.FIXTURES_DIR / "party_terms.txt"
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        return []
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


def _read_reference_zone_names():
    try:
        with open(settings.FIXTURES_DIR / "zones.json", encoding="utf-8") as fh:
            entries = json.load(fh)
    except (FileNotFoundError, ValueError):
        return []
    names = []
    for entry in entries:
        names.append(entry.get("name", ""))
        names.append(entry.get("full_name", ""))
        names.extend(entry.get("aliases", []))
    return names


_term_source = None  # callable returning the names stored in the database


def set_term_source(source):
    """Where the dynamic layer's names come from: a callable returning an iterable of names.

    The app registers it (``ArticlesConfig.ready``), so this module reads no model.
    """
    global _term_source
    _term_source = source


def _database_terms():
    """Zone names, full names and aliases and initiative names stored in the database."""
    from django.db import DatabaseError

    if _term_source is None:
        return []
    try:
        return list(_term_source())
    except DatabaseError:  # tables not migrated yet (e.g. during `migrate`)
        logger.warning("search dictionary built without database terms")
        return []


def _clean_terms(names):
    terms = set()
    for name in names:
        term = fold(name or "").strip()
        # Names that are too short or carry punctuation do not make useful words.
        if 2 <= len(term) <= 24 and all(ch.isalnum() for ch in term):
            terms.add(term)
    return terms


_static_layer = None  # (word frequencies, total, terms) of the static layer, loaded once
_static_only = None  # a tokenizer reading the static layer's table itself, never changed


def _static_tokenizer():
    """A fresh tokenizer holding the static layer, copied from the one loaded per process.

    Loading jieba's dictionary takes most of a second; copying its frequency
    table takes milliseconds, so a rebuild (``reindex``, a test starting from
    a clean dictionary) does not pay for the load again.
    """
    global _static_layer
    import jieba

    jieba.setLogLevel(logging.WARNING)
    if _static_layer is None:
        base = jieba.Tokenizer()
        base.initialize()
        static_terms = _clean_terms(_read_party_terms() + _read_reference_zone_names())
        for term in sorted(static_terms):
            _add_word(base, term)
        _static_layer = (base.FREQ, base.total, frozenset(static_terms))
    freq, total, static_terms = _static_layer
    tokenizer = jieba.Tokenizer()
    tokenizer.FREQ, tokenizer.total, tokenizer.initialized = dict(freq), total, True
    return tokenizer, static_terms


def _static_cutter():
    """A tokenizer of the static layer alone: the parts a dynamic term has without the names."""
    global _static_only
    if _static_only is None:
        import jieba

        _static_tokenizer()
        freq, total, _terms = _static_layer
        cutter = jieba.Tokenizer()
        cutter.FREQ, cutter.total, cutter.initialized = freq, total, True
        _static_only = cutter
    return _static_only


def _build(dynamic_names):
    tokenizer, static_terms = _static_tokenizer()
    dynamic_terms = _clean_terms(dynamic_names) - static_terms
    for term in sorted(dynamic_terms):
        _add_word(tokenizer, term, keep_total=True)
    return _Dictionary(tokenizer, static_terms, dynamic_terms)


def _add_word(tokenizer, term, *, keep_total=False):
    freq = max(tokenizer.suggest_freq(term, tune=False), DOMAIN_WORD_MIN_FREQ)
    total = tokenizer.total
    tokenizer.add_word(term, freq)
    if keep_total:
        # jieba weighs every word against the total: left as it was, a text
        # segments the same whatever other names were added, so a page cut in
        # another process (``extra_terms``) is cut as the writer would cut it.
        tokenizer.total = total


def _dictionary():
    global _state
    if _state is None:
        with _lock:
            if _state is None:
                _state = _build(_database_terms())
                _freeze_once()
    return _state


_frozen = False


def _freeze_once():
    """Keep the first dictionary (and the app loaded before it) out of full garbage collections.

    They live as long as the process; walking them took a full collection
    20-65 ms, a stall in whichever request triggered it.  Later rebuilds
    (``reindex``, tests) are not frozen, so what they replace can be freed.
    """
    global _frozen
    if not _frozen:
        _frozen = True
        gc.collect()
        gc.freeze()


def load_dictionary():
    """Load the dictionary now (about a second) instead of in the first search that needs it."""
    _dictionary()


def refresh_dictionary(force=False, names=None):
    """Add zone and initiative names stored since the dictionary was loaded.

    Returns the number of new terms.  ``force`` rebuilds from scratch (used by
    ``reindex``).  ``names`` replaces the registered term source (a migration
    hands in its historical models' names).  It reads every stored name, so
    a writer that knows which names it just added calls ``add_terms``.
    """
    global _state
    with _lock:
        names = _database_terms() if names is None else list(names)
        if force or _state is None:
            _state = _build(names)
            return len(_state.dynamic_terms)
        return _add_new_terms(_state, names)


def add_terms(names):
    """Add these names (just stored by an ingest) to the loaded dictionary; returns how many were new.

    Work in proportion to ``names``, not to the database: the ingest calls it
    once per page with the zones and initiatives the page created.
    """
    state = _dictionary()
    with _lock:
        return _add_new_terms(state, names)


def _add_new_terms(state, names):
    new_terms = _new_terms(state, names)
    _add_terms(state, new_terms)
    state.added.extend(sorted(new_terms))
    return len(new_terms)


def _new_terms(state, names):
    return _clean_terms(names) - state.static_terms - state.dynamic_terms


def _add_terms(state, new_terms):
    if not new_terms:
        return
    for term in sorted(new_terms):
        _add_word(state.tokenizer, term, keep_total=True)
    state.dynamic_terms.update(new_terms)
    state.add_domain_terms(new_terms)


def dictionary_mark():
    """Where the loaded dictionary stands now: give it to ``terms_since`` later."""
    state = _dictionary()
    return id(state), len(state.added)


def terms_since(mark):
    """The dynamic terms added since ``dictionary_mark()`` gave ``mark``; None if it was rebuilt since."""
    state = _dictionary()
    identity, count = mark
    return state.added[count:] if id(state) == identity else None


@contextmanager
def extra_terms(names):
    """The loaded dictionary with ``names`` added for the duration; yields the terms that were new.

    Used where a page is segmented apart from the writer (an analysis worker):
    its own new zone and initiative names count as the writer will count them,
    and the next page starts again from the dictionary as it was.
    """
    state = _dictionary()
    with _lock:
        new_terms = _new_terms(state, names)
        freq = state.tokenizer.FREQ
        # add_word sets the term and adds its prefixes: note what each entry was.
        saved = {term[:end]: freq.get(term[:end]) for term in new_terms for end in range(1, len(term) + 1)}
        buckets = {term[:2]: list(state.domain_by_prefix.get(term[:2], ())) for term in new_terms}
        total = state.tokenizer.total
        _add_terms(state, new_terms)
        try:
            yield frozenset(new_terms)
        finally:
            for key, value in saved.items():
                if value is None:
                    freq.pop(key, None)
                else:
                    freq[key] = value
            for prefix, bucket in buckets.items():
                if bucket:
                    state.domain_by_prefix[prefix] = bucket
                else:
                    state.domain_by_prefix.pop(prefix, None)
            state.forget(new_terms)
            state.tokenizer.total = total


def terms_in(text, terms):
    """Those of ``terms`` (dictionary terms) that the index of ``text`` could see: in it, quotes removed or not."""
    if not terms:
        return frozenset()
    text = fold(text)
    unquoted = _QUOTES.sub("", text)
    starts = {text[i : i + 2] for i in range(len(text) - 1)}
    starts.update(unquoted[i : i + 2] for i in range(len(unquoted) - 1))
    return frozenset(
        term for term in terms if term[:2] in starts and (term in text or term in unquoted)
    )


def reset_dictionary():
    """Forget the loaded dictionary; the next segmentation loads it again."""
    global _state
    with _lock:
        _state = None


# ------------------------------------------------------------ segmentation


_QUOTES = re.compile("[\"'“”‘’「」『』]")


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


def _sub_words(word, freq):
    """Shorter dictionary words inside a longer word (jieba's search mode, any length)."""
    found = []
    for n in range(2, len(word)):
        for i in range(len(word) - n + 1):
            gram = word[i : i + n]
            if freq.get(gram):
                found.append(gram)
    return found


def _domain_occurrences(text, dictionary):
    """(start, term) of every domain term in text, including those the segmentation split.

    "产业链党建联盟" segments as 产业链党建 + 联盟, which would hide 党建联盟;
    domain terms are what people search for, so each occurrence is indexed.
    """
    by_prefix = dictionary.domain_by_prefix
    found = []
    for i in range(len(text) - 1):
        for term in by_prefix.get(text[i : i + 2], ()):
            if text.startswith(term, i):
                found.append((i, term))
    return found


def index_tokens(text):
    """Every token stored for ``text``: precise words, their sub-words, domain terms, bigrams of single characters."""
    dictionary = _dictionary()
    freq = dictionary.tokenizer.FREQ
    text = fold(text)
    tokens = []
    token_at = []  # index of the jieba token covering each character
    run = []  # consecutive single CJK characters, e.g. an unknown name

    def close_run():
        if len(run) > 1:
            tokens.extend(_bigrams(run))
        run.clear()

    for number, raw in enumerate(dictionary.tokenizer.cut(text, HMM=False)):
        token_at.extend([number] * len(raw))
        word = "".join(ch for ch in raw if ch.isalnum())
        if not word:
            close_run()
            continue
        tokens.append(word)
        if len(word) == 1 and _is_cjk(word):
            run.append(word)
            continue
        close_run()
        if len(word) > 2:
            tokens.extend(_sub_words(word, freq))
        parts = dictionary.parts(word)
        if parts:
            tokens.extend(query_tokens_of_words(parts))
    close_run()
    # Terms inside one token are already there as the token or its sub-words.
    tokens.extend(
        term
        for start, term in _domain_occurrences(text, dictionary)
        if token_at[start] != token_at[start + len(term) - 1]
    )
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
    dictionary = _dictionary()
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



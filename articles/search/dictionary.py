"""The dictionary segment.py cuts text with: jieba's, plus the names of our domain.

It has two layers:

* static: jieba's own dictionary, ``fixtures/party_terms.txt`` and the names
  of the reference zones (``fixtures/zones.json``) -- identical in every
  process;
* dynamic: zone names and aliases and initiative names found in the
  database.  They change as pages are ingested, so a process that loaded the
  dictionary earlier may segment a newer name differently.  Both sides stay
  compatible because the index also stores each dynamic term's static parts
  and a query accepts either the whole term or all of its parts.

One dictionary is loaded per process, on first use; the functions here load,
extend, mark and reset it.
"""
import gc
import hashlib
import json
import logging
import threading
from contextlib import contextmanager

from django.conf import settings

from core.text import fold

logger = logging.getLogger(__name__)

_lock = threading.RLock()
_state = None  # the loaded Dictionary, built on first use


class Dictionary:
    """One tokenizer holding both layers, and the domain terms by their first two characters."""

    def __init__(self, tokenizer, static_terms):
        self.tokenizer = tokenizer
        self.static_terms = static_terms
        self._parts = {}  # dynamic term -> its segmentation under the static dictionary alone
        self.domain_by_prefix = {}
        for term in static_terms:
            self.domain_by_prefix.setdefault(term[:2], []).append(term)
        self.added = []  # dynamic terms added after the build, in order (see ``terms_since``)

    @property
    def dynamic_terms(self):
        """The zone and programme names from the database: the tokenizer's own table of them."""
        return self.tokenizer.words.keys()

    def add(self, term):
        """Add a dynamic term that is not one yet."""
        self.tokenizer.add_domain_word(term)
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
        """Take dynamic ``terms`` out again (a page's own names, after it: ``extra_terms``)."""
        for term in terms:
            self.tokenizer.forget(term)
            self._parts.pop(term, None)
            bucket = self.domain_by_prefix[term[:2]]
            bucket.remove(term)
            if not bucket:
                del self.domain_by_prefix[term[:2]]


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
    """Where the dynamic layer's names come from: a callable returning an iterable of names
    (a stream: a large archive's names are cleaned as they are read, never held as a list).

    The app registers it (``ArticlesConfig.ready``), so this module reads no model.
    """
    global _term_source
    _term_source = source


def _database_terms():
    """The terms of the zone names, full names and aliases and initiative names stored in the database."""
    from django.db import DatabaseError

    if _term_source is None:
        return set()
    try:
        return _clean_terms(_term_source())
    except DatabaseError:  # tables not migrated yet (e.g. during `migrate`)
        logger.warning("search dictionary built without database terms")
        return set()


def _clean_terms(names):
    terms = set()
    for name in names:
        term = fold(name or "").strip()
        # Names that are too short or carry punctuation do not make useful words.
        if 2 <= len(term) <= 24 and term.isalnum():
            terms.add(term)
    return terms


_static_layer = None  # (word frequencies, total, terms) of the static layer, loaded once
_static_only = None  # a tokenizer reading the static layer's table itself, never changed


def _static_layer_loaded():
    """(word frequencies, total, terms) of the static layer, loaded once per process.

    Loading jieba's dictionary takes a third of a second; every tokenizer built
    later (``reindex``, a test starting from a clean dictionary) shares this
    table and never changes it.
    """
    global _static_layer
    if _static_layer is None:
        from .tokenizer import static_table

        static_terms = frozenset(_clean_terms(_read_party_terms() + _read_reference_zone_names()))
        freq, total = static_table(sorted(static_terms))
        _static_layer = (freq, total, static_terms)
    return _static_layer


def _static_cutter():
    """A tokenizer of the static layer alone: the parts a dynamic term has without the names."""
    global _static_only
    if _static_only is None:
        from .tokenizer import DomainTokenizer

        freq, total, _terms = _static_layer_loaded()
        _static_only = DomainTokenizer(freq, total)
    return _static_only


def _build(dynamic_terms):
    from .tokenizer import DomainTokenizer

    freq, total, static_terms = _static_layer_loaded()
    dictionary = Dictionary(DomainTokenizer(freq, total), static_terms)
    _add_terms(dictionary, dynamic_terms - static_terms)
    return dictionary


def current_dictionary():
    """The process's dictionary, built on first use."""
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
    current_dictionary()


def refresh_dictionary(force=False, names=None):
    """Add zone and initiative names stored since the dictionary was loaded.

    Returns the number of new terms.  ``force`` rebuilds from scratch (used by
    ``reindex``).  ``names`` replaces the registered term source (a migration
    hands in its historical models' names).  It reads every stored name, so
    a writer that knows which names it just added calls ``add_terms``.
    """
    global _state
    with _lock:
        terms = _database_terms() if names is None else _clean_terms(names)
        if force or _state is None:
            _state = _build(terms)
            return len(_state.dynamic_terms)
        return _add_new_terms(_state, terms)


def add_terms(names):
    """Add these names (just stored by an ingest) to the loaded dictionary; returns how many were new.

    Work in proportion to ``names``, not to the database: the ingest calls it
    once per page with the zones and initiatives the page created.
    """
    state = current_dictionary()
    with _lock:
        return _add_new_terms(state, _clean_terms(names))


def _add_new_terms(state, terms):
    new_terms = _new_terms(state, terms)
    _add_terms(state, new_terms)
    state.added.extend(sorted(new_terms))
    return len(new_terms)


def _new_terms(state, terms):
    """Those of ``terms`` (cleaned) the dictionary does not have yet.

    Each is looked up: a set minus the dynamic terms (a view of the tokenizer's
    table, not a set) would walk every programme name of the archive: 15 ms a
    call at 100,000 articles, made for every page by the writer and by a worker.
    """
    dynamic = state.dynamic_terms
    return {term for term in terms if term not in state.static_terms and term not in dynamic}


def _add_terms(state, new_terms):
    # In order: each name is weighed against those added before it, as jieba would.
    for term in sorted(new_terms):
        state.add(term)


def dictionary_mark():
    """Where the loaded dictionary stands now: give it to ``terms_since`` later."""
    state = current_dictionary()
    return id(state), len(state.added)


def terms_since(mark):
    """The dynamic terms added since ``dictionary_mark()`` gave ``mark``; None if it was rebuilt since."""
    state = current_dictionary()
    identity, count = mark
    return state.added[count:] if id(state) == identity else None


@contextmanager
def extra_terms(names):
    """The loaded dictionary with ``names`` added for the duration; yields the terms that were new.

    Used where a page is segmented apart from the writer (an analysis worker):
    its own new zone and initiative names count as the writer will count them,
    and the next page starts again from the dictionary as it was.
    """
    state = current_dictionary()
    with _lock:
        # New terms are in no table yet: taking them out again restores the dictionary.
        new_terms = _new_terms(state, _clean_terms(names))
        _add_terms(state, new_terms)
        try:
            yield frozenset(new_terms)
        finally:
            state.forget(new_terms)


def static_digest():
    """A digest of the static layer: jieba's table, the static terms and their weights, the total."""
    import jieba

    _freq, total, static_terms = _static_layer_loaded()
    static = json.dumps([jieba.__version__, total, sorted(static_terms)], ensure_ascii=False)
    return hashlib.sha256(static.encode()).hexdigest()


def dynamic_weights():
    """{dynamic term: frequency} of the loaded dictionary.

    A dynamic term's weight enters no other word's (the total stays, see
    ``DomainTokenizer.add_domain_word``): under two dictionaries of the same
    static layer, a text segments differently only where it holds a term
    whose weight differs.
    """
    return dict(current_dictionary().tokenizer.words)


def reset_dictionary():
    """Forget the loaded dictionary; the next segmentation loads it again."""
    global _state
    with _lock:
        _state = None

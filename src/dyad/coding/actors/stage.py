"""The actors stage: the passes over one article, in the order in which they take the text."""

from __future__ import annotations

from ...knowledge import Knowledge
from ...model import Article
from .agents import agents, bare_agents, ethnic_minorities
from .finder import Finder
from .learning import learn
from .people import people_by_attribution
from .recognition import dictionary, known_people, phrases, vessels
from .resolution import definite_descriptions, roles, surnames
from .titles import people_by_title, unplaced_offices


def find_actors(article: Article, kb: Knowledge) -> None:
    """Fill article.mentions and article.actors from the cleaned text. Each pass takes only
    characters no earlier pass took, so the order is the precedence of their readings."""
    f = Finder(article, kb)
    proper, titles, nouns = phrases(f)
    vessels(f)
    people_by_title(f, titles)
    known_people(f, proper)
    people_by_attribution(f)
    agents(f, nouns)
    dictionary(f, proper)
    surnames(f)
    roles(f, titles)
    bare_agents(f, nouns)
    definite_descriptions(f)
    learn(f)  # what no dictionary knows, from the parse; then their later short names
    surnames(f)
    unplaced_offices(f, titles)
    f.mentions.sort(key=lambda m: m.start)
    ethnic_minorities(f)
    article.mentions = f.mentions
    article.actors = f.actors

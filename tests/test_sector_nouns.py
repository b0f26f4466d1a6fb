"""Every sector noun of sectors.yaml, tested: after a demonym it names that country's actor of its
sector ("Kenyan teachers"), and a bare noun takes the country of its sentence ("the teachers")."""

import pytest

import dyad
from dyad.knowledge.files import LINE, data_path, load_yaml

SECTORS = load_yaml(data_path("sectors.yaml"))
NOUNS = [
    (sector, noun)
    for sector, spec in SECTORS.items()
    if isinstance(spec, dict) and sector not in (LINE, "roles")
    for noun in spec["nouns"]
]


def _code(text: str, word: str) -> tuple[str, str] | None:
    a = dyad.process(text, published="2025-11-08")
    for m in a.mentions:
        if m.text.lower().endswith(word):
            return a.actors[m.actor_key].country, a.actors[m.actor_key].sector
    return None


@pytest.mark.parametrize(("sector", "noun"), NOUNS, ids=[f"{s}-{n}" for s, n in NOUNS])
def test_a_sector_noun_after_a_demonym_is_that_countrys_actor_of_its_sector(sector, noun):
    assert _code(f"Kenyan {noun} met in Nairobi on Monday.", noun) == ("KEN", sector)


@pytest.mark.parametrize("noun", SECTORS["bare"])
def test_a_bare_sector_noun_takes_the_country_of_its_sentence(noun):
    sector = next(s for s, n in NOUNS if n == noun)
    assert _code(f"In Kenya, the {noun} met on Monday.", noun) == ("KEN", sector)

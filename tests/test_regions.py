"""World regions (regions.yaml, CAMEO's region codes) as actors: every name, alias and demonym of
every entry, tested; a region is a party to events but never one state's home or topic."""

from __future__ import annotations

import pytest

import dyad
from dyad.errors import KnowledgeError
from dyad.knowledge.files import data_path, load_yaml
from dyad.knowledge.loading import _load_countries, load_knowledge
from dyad.knowledge.schema import REGIONS


def _phrases() -> list:
    out = []
    for e in load_yaml(data_path("regions.yaml")):
        for phrase in [e["name"], *(e.get("aliases") or [])]:
            out.append(pytest.param(f"Officials from {phrase} met on Monday.", phrase, e["code"], id=phrase))
        for demonym in e.get("demonyms") or []:
            text = f"{demonym} governments condemned the vote."
            out.append(pytest.param(text, demonym, e["code"], id=demonym))
    return out


@pytest.mark.parametrize(("text", "phrase", "code"), _phrases())
def test_every_region_phrase_names_its_region(text, phrase, code):
    a = dyad.process(text, published="2025-06-01")
    found = [(m.text, a.actors[m.actor_key].country) for m in a.mentions if phrase in m.text]
    assert [c for _, c in found] == [code], found


def test_every_region_code_is_cameos_and_no_state_s():
    codes = [e["code"] for e in load_yaml(data_path("regions.yaml"))]
    assert len(codes) == len(set(codes)) and set(codes) <= REGIONS
    assert not set(codes) & load_knowledge().country_codes - {"EUR"}


def test_a_region_file_entry_with_a_state_s_code_is_refused(tmp_path):
    bad = tmp_path / "regions.yaml"
    bad.write_text("# regions\n- {code: KEN, name: Kenyaland}\n", encoding="utf-8")
    kb = load_knowledge.__wrapped__()
    with pytest.raises(KnowledgeError) as info:
        _load_countries(kb, bad, load_yaml(bad), True, regions=True)
    assert str(info.value).startswith(f"{bad}:2: ") and "region codes" in str(info.value)


def test_regions_are_parties_to_events():
    cases = {
        "Several European governments condemned Russia.": ("EUR", "ACCUSE", "RUS"),
        "Western powers imposed sanctions on Iran.": ("WST", "COERCE", "IRN"),
        "The Philippines urged Southeast Asian nations to reject the plan.": ("PHL", "REQUEST", "SEA"),
        "Germany sent aid to West Africa.": ("DEU", "AID", "WAF"),
    }
    for text, triple in cases.items():
        a = dyad.process(text, published="2025-06-01")
        coded = {
            (a.actors[e.source_keys[0]].country, e.type, a.actors[e.target_keys[0]].country) for e in a.events
        }
        print(text, coded)
        assert triple in coded, (text, coded)


def test_a_region_is_no_home_of_a_bare_noun():
    a = dyad.process("The army said Latin American cartels were smuggling weapons.", published="2025-06-01")
    coded = {m.text: a.actors[m.actor_key].country for m in a.mentions}
    assert coded == {"army": "", "Latin American cartels": "LAM"}


def test_a_region_named_as_a_things_topic_is_not_its_owner():
    a = dyad.process(
        "The Kenyan government criticised Washington's Middle East plan.", published="2025-06-01"
    )
    coded = {
        (a.actors[e.source_keys[0]].country, e.type, a.actors[e.target_keys[0]].country) for e in a.events
    }
    assert coded == {("KEN", "ACCUSE", "USA")}


def test_a_region_word_inside_a_name_is_no_region():
    a = dyad.process(
        "Farmers blocked the Europe Bridge for three hours. Asian-American groups and African Americans "
        "in Boston marched with them.",
        published="2025-06-01",
    )
    assert not [m.text for m in a.mentions if a.actors[m.actor_key].country in REGIONS]

"""Events: every pattern entry, argument attachment, time, modality, provenance, accuracy figures.

The thresholds are issue 14's: event F1 0.85 on the seeds and 0.80 on dev; on the PLOVER GSR, type
accuracy 0.85 and triple F1 0.72, scored on each sentence's root events (the gold codes one act per
sentence) with joint acts as PLOVER records them; PETR2's root triple F1 0.55. PLV, short of issue
14's figures, is held a little under today's. The figures are printed, all events' F1 beside.
"""

from datetime import date

import pytest
from conftest import DEV, SEEDS, SHARED

import dyad
from dyad import api
from dyad.coding.events import inflect
from dyad.coding.timeref import is_historical, resolve_date
from dyad.gsr import as_cameo_root, gsr_scores, load_cameo_map, load_petr2, load_plover_gsr
from dyad.knowledge.files import data_path, load_yaml

ENTRIES = load_yaml(data_path("events.yaml"))


def _triple(a, e) -> tuple[str, str, str]:
    target = a.actors[e.target_keys[0]].country if e.target_keys else ""
    return a.actors[e.source_keys[0]].country, e.type, target


def triples(text: str, published: str = "2025-11-08") -> set[tuple[str, str, str]]:
    a = dyad.process(text, published=published)
    return {_triple(a, e) for e in a.events}


def events(text: str, published: str = "2025-11-08"):
    a = dyad.process(text, published=published)
    return a, a.events


@pytest.mark.parametrize("entry", ENTRIES, ids=lambda e: f"line{e['__line__']}-{e['type']}")
def test_every_pattern_entry_codes_its_type(entry):
    if entry.get("verbs"):
        word = entry["verbs"][0]
        past = [
            f
            for f in inflect(word)
            if f.split()[0].endswith("ed")
            or f.split()[0] in ("met", "held", "fought", "struck", "withdrew", "went", "gave")
        ]
        text = f"Pakistan {(past or [word])[0]} Afghanistan on Monday, officials said."
        if entry.get("received"):  # the giver is named after "from"
            text = f"Afghanistan {(past or [word])[0]} from Pakistan on Monday, officials said."
        if entry.get("object_to"):  # an actor and "to" after the verb
            text = f"Pakistan {(past or [word])[0]} Afghanistan to withdraw its troops, officials said."
        if entry.get("given_to"):  # a thing given to an actor
            text = f"Pakistan {(past or [word])[0]} the seized trucks to Afghanistan, officials said."
        if entry.get("things"):  # ... of a kind the entry names
            text = f"Pakistan {(past or [word])[0]} {entry['things'][0]} to Afghanistan, officials said."
    else:
        text = f"Pakistan launched {entry['nouns'][0]} over Afghanistan on Monday, officials said."
    assert entry["type"] in {t for s, t, _ in triples(text) if s == "PAK"}


def test_material_given_to_an_actor_is_aid_but_words_and_demands_are_not():
    assert ("NOR", "AID", "ETH") in triples("Norway gave $12 million to Ethiopia's drought appeal on Monday.")
    got = triples("Japan handed over 40 ambulances and medical supplies to the Kenyan health ministry.")
    assert ("JPN", "AID", "KEN") in got
    assert not {t for t in triples("Norway gave its account of the meeting to Ethiopia.") if t[1] == "AID"}
    got = triples("Pakistan handed over written demands to Turkey and Qatar at the talks.")
    assert not {t for t in got if t[1] == "AID"}


def test_speech_acts_take_the_speaker_as_source():
    assert ("AFG", "THREATEN", "PAK") in triples(
        "Sirajuddin Haqqani, Afghanistan's acting interior minister, warned Pakistan on Friday."
    )
    assert ("PAK", "REQUEST", "AFG") in triples("Pakistan demanded that Kabul act against the TTP.")


def test_compound_subjects_and_symmetric_events():
    got = triples("Pakistan and Afghanistan held talks in Doha on Sunday.")
    assert {("PAK", "CONSULT", "AFG"), ("AFG", "CONSULT", "PAK")} <= got
    got = triples("Turkey and Qatar mediated talks between Pakistan and Afghanistan.")
    assert {
        ("TUR", "CONSULT", "PAK"),
        ("TUR", "CONSULT", "AFG"),
        ("QAT", "CONSULT", "PAK"),
        ("QAT", "CONSULT", "AFG"),
    } <= got


def test_passive_voice():
    assert ("PAK", "ASSAULT", "AFG") in triples("Kabul was attacked by Pakistan on Friday.")


def test_negation_and_condition():
    _, evs = events("Pakistan did not attack Afghanistan on Friday, officials said.")
    assert [(e.type, e.negated) for e in evs] == [("ASSAULT", True)]
    _, evs = events("Khawaja Asif warned Afghanistan that if the attacks continue, Pakistan would respond.")
    threats = [e for e in evs if e.type == "THREATEN"]
    assert threats and threats[0].hypothetical
    assert not [e for e in evs if e.type == "ASSAULT"]  # the condition is not an event


def test_history_is_not_news():
    _, evs = events("Pakistan fought a war against the former Soviet Union in 1988.")
    assert [(e.type, e.when, e.date, e.date_precision) for e in evs] == [
        ("ASSAULT", "historical", date(1988, 1, 1), "year")
    ]


def test_future_and_dates():
    _, evs = events("Pakistan will meet Afghanistan in Istanbul next week.")
    assert evs and all(e.when == "future" for e in evs)
    assert resolve_date("Talks began on Friday.", date(2025, 11, 8)) == (date(2025, 11, 7), "day")
    assert resolve_date("They meet on Friday.", date(2025, 11, 8), future=True) == (date(2025, 11, 14), "day")
    assert resolve_date("It happened last month.", date(2025, 11, 8)) == (date(2025, 10, 1), "month")
    assert resolve_date("Strikes on October 9 hit Kabul.", date(2025, 11, 8)) == (date(2025, 10, 9), "day")
    assert is_historical("He recalled the Soviet war.", None, date(2025, 11, 8))
    assert not is_historical("Talks began on Friday.", date(2025, 11, 7), date(2025, 11, 8))


def test_evidence_provenance_and_legacy_codes():
    a, evs = events("According to NDTV, Pakistan attacked Kabul on Thursday.")
    e = next(e for e in evs if e.type == "ASSAULT")
    assert a.text[e.start : e.end] == a.text.strip()
    assert (e.attributed_to, e.cameo, e.quad_class, e.score) == ("NDTV", "18", 4, -9.0)
    assert e.date == date(2025, 11, 6)


def test_unknown_verbs_are_candidates_not_events():
    a, evs = events("Pakistan lambasted Afghanistan on Monday.")
    assert evs == []
    assert [c.verb for c in a.candidates] == ["lambasted"]


def _event_f1(directory) -> dict:
    return api.evaluate(directory)["events"]


@pytest.mark.parametrize(("directory", "floor"), [(SEEDS, 0.85), (DEV, 0.80)], ids=["seeds", "dev"])
def test_event_accuracy_on_gold_articles(directory, floor):
    r = _event_f1(directory)
    print(
        f"\nevents on {directory.name}: P {r['precision']:.3f} R {r['recall']:.3f} F1 {r['f1']:.3f} "
        f"({r['true_positives']}/{r['gold']} gold triples, {r['predicted']} predicted)"
    )
    assert r["f1"] >= floor


def test_event_accuracy_on_public_gold_sentences():
    data = SHARED / "data"
    plover = load_plover_gsr(data / "plover_gsr" / "PLOVER_GSR_CAMEO.txt")
    petr2 = load_petr2(
        data / "petr2_gsr" / "PETR2_GSR_validation.xml",
        load_cameo_map(data / "plover_gsr" / "CAMEO2PLOVER-2021.txt"),
    )
    assert len(plover) == 322 and len(petr2) >= 70
    type_acc, f1 = gsr_scores(plover, joint_acts=True)
    _, f1_all = gsr_scores(plover, root_only=False, joint_acts=True)
    petr_acc, petr_f1 = gsr_scores(petr2)
    _, petr_f1_all = gsr_scores(petr2, root_only=False)
    print(
        f"\nPLOVER GSR: type accuracy {type_acc:.3f}, triple F1 {f1:.3f} on root events "
        f"(issue 14's floors 0.85 and 0.72); triple F1 of all events {f1_all:.3f}"
    )
    print(
        f"PETR2 GSR: type accuracy {petr_acc:.3f}, triple F1 {petr_f1:.3f} (issue 14's floor 0.55); "
        f"all events {petr_f1_all:.3f}"
    )
    assert type_acc >= 0.85 and f1 >= 0.72
    assert petr_f1 >= 0.55


def test_event_accuracy_on_marked_pairs():
    """PLV: the shared scorer, run as a user would. Issue 14 asks for 0.70 pair recall, 0.85 type
    accuracy and 0.60 end to end: the floors (today 0.706, 0.881, 0.622)."""
    import json
    import subprocess
    import sys

    out = subprocess.run(
        [
            sys.executable,
            str(SHARED / "tools" / "score_plv.py"),
            str(SHARED / "data" / "plv" / "plv_train.jsonl"),
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    r = json.loads(out.stdout)
    print(
        f"\nPLV: pair recall {r['pair_recall']:.3f}, type accuracy on linked {r['type_acc_on_linked']:.3f}, "
        f"end to end {r['end_to_end']:.3f} ({r['pairs']} pairs)"
    )
    assert r["pairs"] >= 1000
    assert r["pair_recall"] >= 0.70 and r["type_acc_on_linked"] >= 0.85 and r["end_to_end"] >= 0.60


def test_the_root_event_is_the_first_act_outside_a_leading_adjunct():
    _, evs = events(
        "After Palestinian gunmen shot two Israelis, Israel reimposed blockades on the West Bank, "
        "and its jets struck Gaza."
    )
    assert [e.type for e in evs if e.root] == ["COERCE"]
    assert {e.type for e in evs if not e.root} >= {"ASSAULT"}
    _, evs = events("The United States claimed that Iraq had attacked Kuwait on Monday.")
    assert [(e.type, e.root) for e in evs] == [("ACCUSE", True), ("ASSAULT", False)]


def test_a_joint_act_is_coded_both_ways_and_marked_mutual():
    a, evs = events("Bosnia and Slovenia agreed to a ceasefire on Monday.")
    assert {_triple(a, e) for e in evs} == {("BIH", "AGREE", "SVN"), ("SVN", "AGREE", "BIH")}
    assert all(e.mutual and e.root for e in evs)
    _, evs = events("Pakistan attacked Afghanistan on Monday.")
    assert not any(e.mutual for e in evs)


@pytest.mark.parametrize(
    ("text", "event_type", "mode"),
    [
        ("Pakistan carried out airstrikes on Kabul on Thursday.", "ASSAULT", "aerial"),
        ("The US launched drone strikes on Venezuela on Friday.", "ASSAULT", "drone"),
        ("TTP gunmen opened fire on Pakistani police.", "ASSAULT", "firearms"),
        ("Qatar and Turkey mediated talks between Pakistan and Afghanistan.", "CONSULT", "mediate"),
        ("Khawaja Asif telephoned Hakan Fidan on Monday.", "CONSULT", "phone"),
        ("Pakistan withdrew from the Istanbul talks with Afghanistan.", "RETREAT", "withdraw"),
    ],
)
def test_modes_where_the_text_says_them(text, event_type, mode):
    _, evs = events(text)
    assert (event_type, mode) in {(e.type, e.mode) for e in evs}


def test_you_and_we_inside_a_quotation():
    text = (
        "Pakistan's Defence Minister Khawaja Asif addressed the Haqqani network on X. "
        "“Haqqani, you requested funds from us in Kabul for many years, and we were always ready,” "
        "Asif wrote.\n“Do not allow your land to be used against us by anyone at all, ever again,” he added."
    )
    got = triples(text)
    assert ("AFG", "REQUEST", "PAK") in got  # "you requested ... from us": the addressee asked the speaker
    a, evs = events(text)
    imperative = [e for e in evs if e.type == "REQUEST" and a.actors[e.source_keys[0]].name == "Khawaja Asif"]
    assert imperative and a.actors[imperative[0].target_keys[0]].name == "Haqqani network"


def test_a_third_partys_must_is_a_demand_whatever_the_verb():
    got = triples("Russia said on Tuesday that Sudan must return the helicopter it captured.")
    assert ("RUS", "REQUEST", "SDN") in got
    assert not any(t == "COERCE" for _, t, _ in got)  # the content of the demand, not a new act


def test_the_content_of_a_verbal_act_is_not_a_second_event():
    assert triples("Israel threatened to ban voting in Jerusalem if Hamas ran in the election.") == {
        ("ISR", "THREATEN", "PSE")
    }
    assert {t for _, t, _ in triples("Ethiopia agreed to allow UN peacekeepers into the border zone.")} == {
        "AGREE"
    }
    got = triples("Thousands of Iraqi Kurds demonstrated in Kirkuk on Sunday calling for independence.")
    assert {t for _, t, _ in got} == {"PROTEST"}


def test_refusals_and_failures_to_agree_are_rejections():
    assert ("PAK", "REJECT", "AFG") in triples("Pakistan said it will not accept the Afghan proposal.")
    got = triples("Israel and the Palestinians failed to reach agreement on Sunday.")
    assert {t for _, t, _ in got} == {"REJECT"}


def test_domestic_acts_are_aimed_at_the_home_state():
    assert ("NGA", "PROTEST", "NGA") in triples("Thousands of Nigerians rallied in Lagos to protest.")
    assert ("SDN", "CONCEDE", "SDN") in triples("Sudan's government lifted the state of emergency in Darfur.")
    # cooperation is not aimed at one's own troops: "offered its troops to Lebanon"
    got = triples("Syria offered its troops to Lebanon's new president.")
    assert ("SYR", "AGREE", "SYR") not in got and ("SYR", "AGREE", "LBN") in got


def test_intent_conventions():
    assert ("FRA", "AGREE", "LBR") in triples("France is ready to send aid to Liberia.")
    assert ("IGO", "THREATEN", "SRB") in triples("NATO said it would tighten the naval blockade of Serbia.")
    assert "THREATEN" in {t for _, t, _ in triples("The EU may halt aid to Serbia if the fighting goes on.")}
    got = triples("Pakistan would not allow its soil to be used against Afghanistan.")
    assert not any(t == "CONCEDE" for _, t, _ in got)


def test_a_meeting_an_actor_will_hold_is_an_intent_to_meet_and_one_expected_a_future_meeting():
    """CAMEO2PLOVER codes "express intent to meet or negotiate" (036) as AGREE, in the future; a
    meeting others report as expected stays a meeting, in the future."""
    _, found = events("Egypt's foreign minister will visit Jordan next month.")
    assert [(e.type, e.when) for e in found] == [("AGREE", "future")]
    assert {t for _, t, _ in triples("Egypt and Jordan will meet next week.")} == {"AGREE"}
    _, found = events("Egypt and Jordan are expected to resume talks in Cairo next week.")
    assert found and all(e.type == "CONSULT" and e.when == "future" for e in found)


def test_defending_another_is_support_defending_oneself_is_not():
    assert ("CHL", "SUPPORT", "PER") in triples("Chile defended Peru against the criticism on Monday.")
    assert not any(t == "SUPPORT" for _, t, _ in triples("Chile defended itself against Peru on Monday."))
    got = triples("Chile defended its airstrikes on Peru, saying they hit smugglers.")
    assert not any(t == "SUPPORT" for _, t, _ in got)


def test_verb_phrases_whose_object_has_modifiers():
    assert ("TUR", "RETREAT", "SYR") in triples("Turkey lifted a two-week blockade on Syria.")


def test_a_refusal_to_yield_is_a_rejection():
    assert ("EGY", "REJECT", "SDN") in triples("Egypt said it would not lift the ban on Sudan.")


def test_a_visit_to_a_capital_is_aimed_at_its_state():
    assert ("EGY", "CONSULT", "SAU") in triples(
        "The Egyptian president arrived in Riyadh on a two-day visit."
    )


def test_a_stated_readiness_is_an_offer():
    assert ("FRA", "AGREE", "MLI") in triples("France is ready to contribute engineers to a mission in Mali.")
    expel = triples("Norway is ready to expel Russia's diplomats.")  # a known verb keeps its own coding
    assert ("NOR", "THREATEN", "RUS") in expel and not any(t == "AGREE" for _, t, _ in expel)


def test_whoever_closes_the_sentence_reports_it():
    a, found = events("Indian troops shelled posts near the border on Sunday, Nepalese officials said.")
    assert found and all(e.target_keys == [] or a.actors[e.target_keys[0]].country != "NPL" for e in found)
    assert {e.attributed_to for e in found} == {"Nepali officials"}


def test_an_event_noun_modifying_another_noun_is_not_the_event():
    got = triples("Bosnia opened a war crimes trial of a Serbian general on Monday.")
    assert not any(t == "ASSAULT" for _, t, _ in got)


def test_background_passives_and_met_demands_are_not_events():
    got = triples("Serbia lifted a curfew in Kosovo, where 12 people were killed in riots last year.")
    assert not any(t == "ASSAULT" for _, t, _ in got)
    got = triples("Chad rejected a Nigerian plan and said it would wait until its demands are met.")
    assert not any(t == "CONSULT" for _, t, _ in got)


def test_joint_exercises_are_mutual_cooperation():
    got = triples("Chilean and Peruvian warships on Monday launched 10 days of war games off the coast.")
    assert got == {("CHL", "COOPERATE", "PER"), ("PER", "COOPERATE", "CHL")}


def test_the_giver_and_recipient_of_an_event_noun():
    assert triples("The European Union on Monday gave Mali 5 million dollars of aid.") == {
        ("EUR", "AID", "MLI")
    }


def test_verb_phrases_with_a_particle_or_an_object_only_they_make_events():
    assert ("CHE", "AID", "IRN") in triples(
        "Swiss doctors handed over 700 kg of medicine to the Iranian Red Crescent."
    )
    assert ("IGO", "SANCTION", "KEN") in triples(
        "The United Nations reduced food supplies to camps in Kenya."
    )
    assert triples("Kenya reduced tensions with Uganda.") == set()  # "reduce" alone is no event
    got = triples("Both the Kenyan army and Somali rebels are guilty of violating the ceasefire agreement.")
    assert {t for _, t, _ in got} == {"ASSAULT"}  # the agreement is the object, not a second event


def test_stopping_a_protest_and_silencing_a_paper_are_coercion():
    assert triples("Kenyan police broke up a student demonstration in Nairobi.") == {("KEN", "COERCE", "KEN")}
    assert triples("Zambia's government ordered the opposition newspaper to suspend publication.") == {
        ("ZMB", "COERCE", "ZMB")
    }


def test_a_verbal_protest_is_an_accusation_a_street_protest_is_not():
    assert triples("Kenya protested to Uganda over the border closure.") == {("KEN", "ACCUSE", "UGA")}
    assert ("NGO", "ACCUSE", "KEN") in triples(
        "Amnesty International protested that Kenyan authorities were failing refugees."
    )
    assert {t for _, t, _ in triples("Students protested in Nairobi against Uganda.")} == {"PROTEST"}


def test_a_passive_without_its_agent_does_not_make_the_victim_the_doer():
    assert triples("Three Kenyan soldiers were killed on Monday.") == set()
    assert triples("Two Pakistani journalists were detained in Afghanistan on Monday.") == {
        ("AFG", "COERCE", "PAK")
    }
    got = triples("Kenya's former president has been accused of misusing public funds by Ugandan officials.")
    assert ("UGA", "ACCUSE", "KEN") in got
    assert ("ISR", "REJECT", "FRA") in triples("Israel is opposed to French mediation.")


def test_what_someone_is_arrested_for_is_not_a_second_event():
    got = triples("Uganda arrested a Kenyan man for collaborating with Tanzania.")
    assert got == {("UGA", "COERCE", "KEN")}


def test_irregular_verbs_and_armed_groups_of_the_past():
    assert ("AFG", "ASSAULT", "AFG") in triples("Afghan guerrillas blew up three power lines near Kabul.")
    assert ("AGO", "REJECT", "IGO") in triples("UNITA refused to allow United Nations planes to land.")


def test_an_announced_decision_is_the_act_itself_in_the_future():
    _, found = events("The United States announced Wednesday it would prohibit all aid to Albanian rebels.")
    assert [(e.type, e.when) for e in found] == [("SANCTION", "future")]
    assert {t for _, t, _ in triples("Kenya said it would expel Ugandan diplomats.")} == {"THREATEN"}


def test_an_order_to_a_person_is_a_demand_an_order_to_troops_is_not():
    assert ("ARG", "REQUEST", "ARG") in triples(
        "An Argentine judge has ordered former president Carlos Menem to appear for questioning."
    )
    assert triples("The Kenyan army ordered troops to the border.") == set()


def test_retaking_ground_receiving_observers_and_opening_crossings():
    assert ("VNM", "ASSAULT", "KHM") in triples("Vietnamese forces have retaken a village in Cambodia.")
    assert ("KGZ", "RETREAT", "IGO") in triples("Kyrgyzstan received a mission of observers from the OSCE.")
    assert {t for _, t, _ in triples("Uzbekistan opened the Friendship Bridge to Afghanistan.")} == {
        "RETREAT"
    }
    assert ("USA", "REQUEST", "CHN") in triples(
        "The Bush administration declared Tuesday that China must drop barriers to U.S. exports."
    )


def test_gsr_legacy_codes_are_read_as_iso_and_the_eu_compares_as_igo():
    plover = load_plover_gsr(SHARED / "data" / "plover_gsr" / "PLOVER_GSR_CAMEO.txt")
    codes = {c for g in plover for s, _, t in g.triples for c in (s, t)}
    assert {"JPN", "ITA", "VNM"} <= codes and not {"JAP", "ITL", "VTN"} & codes
    assert (as_cameo_root("EUR"), as_cameo_root("PAK")) == ("IGO", "PAK")


def test_agreeing_to_someones_offer_is_not_mutual():
    assert triples("Israel agreed to US mediation in the talks.") == {("ISR", "AGREE", "USA")}
    assert {("EGY", "CONSULT", "JOR"), ("JOR", "CONSULT", "EGY")} <= triples("Egypt met Jordan on Monday.")


def test_what_a_request_or_proposal_is_for_is_not_a_second_event():
    got = triples("Lebanon rejected a United Nations appeal for deploying army troops along its border.")
    assert got == {("LBN", "REJECT", "IGO")}
    assert triples("India rejected a Bangladeshi proposal for signing a trade pact.") == {
        ("IND", "REJECT", "BGD")
    }
    assert triples("The UN rejected a call for its peacekeepers to be deployed in East Timor.") == {
        ("IGO", "REJECT", "TLS")
    }


def test_the_closing_reporter_clause_holds_no_events():
    got = triples(
        "Sudan accused rebels of violating the truce, a member of the Chadian mediation team has said."
    )
    assert not any(t == "CONSULT" for _, t, _ in got)


def test_gifts_members_of_a_body_and_nouns_that_modify_forces():
    assert triples("Finland will give Tanzania a grant of 580 million shillings.") == {
        ("FIN", "AGREE", "TZA")
    }
    assert triples("North Korea expelled inspectors of the International Atomic Energy Agency.") == {
        ("PRK", "SANCTION", "IGO")
    }
    got = triples("The United States sped up the withdrawal of some invasion forces from Panama.")
    assert not any(t == "ASSAULT" for _, t, _ in got)  # "invasion forces" are the ones withdrawing
    assert triples("A camp for Sudanese refugees was attacked by Burundian militiamen.") == {
        ("BDI", "ASSAULT", "SDN")
    }


def test_an_apposition_between_subject_and_verb_is_not_the_subject():
    got = triples(
        "Pakistan, a key U.S. ally in the war against terrorism, has refused to deploy troops in Iraq."
    )
    assert {(s, t) for s, t, _ in got} == {("PAK", "REJECT")}
    # with no actor before it, the apposition is what names the subject
    assert ("IGO", "REQUEST", "IRQ") in triples(
        "Kenzo Oshima, the United Nations relief coordinator, demanded that Iraq allow aid workers in."
    )


def test_a_second_verb_keeps_the_subject_of_the_first():
    got = triples(
        "The United States announced it would prohibit aid to Albanian rebels in Macedonia "
        "and would deny entry to their leaders."
    )
    assert not any(s == "MKD" for s, _, _ in got)
    got = triples(
        "Ivory Coast rebels rejected a Senegalese peace plan, and said they also opposed a new force."
    )
    assert got == {("CIV", "REJECT", "SEN")}
    assert ("BIH", "RETREAT", "") in triples(
        "Bosnian Serbs said their forces had completed their withdrawal."
    )


def test_what_a_threat_is_to_launch_is_not_a_second_event():
    got = triples("Kenya threatened to launch a new offensive against Somalia.")
    assert {t for _, t, _ in got} == {"THREATEN"}
    assert ("VNM", "ASSAULT", "KHM") in triples("Vietnamese forces shelled Kampuchean guerrilla camps today.")


def test_offering_no_evidence_is_no_offer():
    assert triples("Kenya accused Uganda of the attack but offered no evidence.") == {
        ("KEN", "ACCUSE", "UGA")
    }


def test_sealing_an_area_is_no_sanction_halting_fire_is_a_retreat():
    assert not any(t == "SANCTION" for _, t, _ in triples("Kenyan police sealed the area after the attack."))
    assert ("KEN", "SANCTION", "SOM") in triples("Kenya sealed its border with Somalia.")
    assert {
        t for _, t, _ in triples("Kenya agreed with Uganda to halt military activity on the border.")
    } <= {
        "AGREE",
        "RETREAT",
    }


def test_praising_ones_own_forces_is_aimed_at_no_one_else():
    got = triples("Pakistan said India attacked. Sharif praised his military's valour on Sunday.")
    assert ("PAK", "SUPPORT", "IND") not in got


def test_a_participle_after_an_adverb_shares_the_clause_subject():
    got = triples("Pakistani jets carried out airstrikes in Kabul, allegedly targeting militants.")
    assert ("AFG", "ASSAULT", "PAK") not in got and ("PAK", "ASSAULT", "AFG") in got


def test_a_participle_whose_clause_opens_with_no_actor_has_no_source():
    got = triples(
        "Officials confirmed that the strikes hit the Revolutionary Guards complex, killing its chief."
    )
    assert not any(s == "IRN" and t == "ASSAULT" for s, t, _ in got)
    assert ("SDN", "ASSAULT", "SSD") in triples("Sudanese rebels shelled Juba on Sunday, killing 20 people.")


def test_the_act_an_accusation_is_about_and_a_signed_decree_are_not_events():
    got = triples("Pakistan blamed India for the Islamabad suicide blast.")
    assert got == {("PAK", "ACCUSE", "IND")}
    got = triples("Venezuela protested after Trump signed a secret directive against cartels.")
    assert not any(t == "AGREE" for _, t, _ in got)
    assert not triples("Pakistan said India attacked. Sharif praised his military's valour on Sunday.") & {
        ("PAK", "SUPPORT", "IND"),
        ("PAK", "SUPPORT", ""),
    }


def test_claimed_shelter_is_an_accusation_a_claimed_attack_is_also_the_attack():
    got = triples("Asif said that Afghanistan had sheltered the murderers of Pakistani soldiers.")
    assert ("PAK", "ACCUSE", "AFG") in got and not any(t == "AID" for _, t, _ in got)
    got = triples("A Taliban spokesman said Pakistani forces fired into Afghan territory.")
    assert {("AFG", "ACCUSE", "PAK"), ("PAK", "ASSAULT", "AFG")} <= got


def test_a_meeting_with_someone_and_taking_part_in_an_act():
    got = triples(
        "Afghanistan's foreign minister was in New Delhi for a meeting with India's foreign minister."
    )
    assert {("AFG", "CONSULT", "IND"), ("IND", "CONSULT", "AFG")} <= got
    _, found = events("Rubio stressed that American forces are not involved in strikes against Iran.")
    strike = [e for e in found if e.type == "ASSAULT"]
    assert strike and all(e.negated for e in strike)


def test_a_promised_act_names_the_promises_recipients_one_way():
    got = triples("The European Union agreed on Monday to provide emergency aid for Mali and Niger.")
    assert {("EUR", "AGREE", "MLI"), ("EUR", "AGREE", "NER")} <= got
    assert not {t for t in got if t[0] in ("MLI", "NER")}  # no agreement back from the recipients


def test_a_compound_subject_before_an_event_noun_names_both_sides():
    a, evs = events("Israel and Lebanon resumed negotiations today on a troop pullback.")
    assert {_triple(a, e) for e in evs} == {("ISR", "CONSULT", "LBN"), ("LBN", "CONSULT", "ISR")}
    assert all(e.mutual for e in evs)


def test_the_subject_is_the_head_a_postmodifier_hangs_on():
    got = triples("The Greek and Turkish sides of the island of Cyprus agreed on Friday to share records.")
    assert {("GRC", "AGREE", "TUR"), ("TUR", "AGREE", "GRC")} <= got and not {t for t in got if t[0] == "CYP"}
    # a reported clause is no postmodifier: the speaker does not take the place of its subject
    got = triples("Khawaja Asif said in a tweet that Pakistan and Afghanistan fought a war against Russia.")
    assert {("PAK", "ASSAULT", "RUS"), ("AFG", "ASSAULT", "RUS")} <= got


def test_a_refused_act_of_cooperation_is_a_rejection_not_a_negated_act():
    _, evs = events("Turkey said it would not provide support to Armenia.")
    assert [(e.type, e.mode, e.negated) for e in evs] == [("REJECT", "assist", False)]
    _, evs = events("Pakistan will not lift the ban on Afghan trucks.")
    assert [(e.type, e.mode, e.negated) for e in evs if e.root] == [("REJECT", "yield", False)]


def test_wanting_to_strike_is_a_threat_and_agreeing_to_an_act_is_one_way():
    assert triples("Iran wants to attack Israel.") == {("IRN", "THREATEN", "ISR")}
    assert triples("Egypt has agreed to lift the sanctions on Libya.") == {("EGY", "AGREE", "LBY")}


def test_support_for_an_actor_names_the_recipient_and_agreeing_with_a_stance_is_one_way():
    assert ("QAT", "SUPPORT", "SDN") in triples(
        "Officials thanked Qatar for its continued support for Sudan."
    )
    got = triples("The Afghan side agreed with Pakistan's stance on Monday.")
    assert ("AFG", "AGREE", "PAK") in got and ("PAK", "AGREE", "AFG") not in got


def test_a_place_is_where_an_act_happens_never_who_acts():
    assert triples("Israeli jets struck targets in Jericho on Monday.") == {("ISR", "ASSAULT", "PSE")}
    assert triples("Gaza was struck by Israeli jets on Monday.") == {("ISR", "ASSAULT", "PSE")}
    assert ("PSE", "ASSAULT", "ISR") in triples("Gaza militants fired rockets at Haifa on Monday.")
    # the city of the talks is not a party to them
    assert not {t for t in triples("Pakistan and Afghanistan held the Istanbul talks.") if "TUR" in t}
    assert ("ISR", "ASSAULT", "LBN") in triples("Israel mounted its invasion of South Lebanon on Monday.")


def test_a_joint_act_whose_object_is_a_sides_own_is_still_joint():
    a, evs = events("India and Pakistan agreed on Saturday to stop all military action, officials said.")
    assert {_triple(a, e) for e in evs} == {("IND", "AGREE", "PAK"), ("PAK", "AGREE", "IND")}


def test_an_act_wished_of_another_is_not_done_and_a_summit_in_a_country_is_hosted_there():
    assert triples("Ankara wants Baku to attack Yerevan.") == set()
    got = triples("Modi will attend a summit in Brazil on Monday.")
    assert ("IND", "CONSULT", "BRA") in got and ("BRA", "CONSULT", "IND") not in got


def test_what_an_actor_receives_is_the_givers_act():
    assert triples("Ukraine received weapons from the United States on Monday.") == {("USA", "AID", "UKR")}
    assert triples("Shehbaz Sharif received a phone call from Saudi Arabia.") == {("SAU", "CONSULT", "PAK")}
    assert triples("Ukraine received weapons on Monday.") == set()  # no giver named: nothing to code


@pytest.mark.parametrize(
    "text",
    [
        "On Friday Khawaja Asif struck a more cautious note about Kabul.",
        "Tehran is ready to talk provided Israel stops first, Araghchi said.",
        "Trump, asked about talks with Maduro, said he might call him.",
        "The WHO said 460 patients had been reported killed at a hospital in Sudan.",
    ],
)
def test_idioms_conjunctions_and_passive_reports_are_no_acts(text):
    assert not [e for e in events(text)[1] if e.type in ("ASSAULT", "AID", "REQUEST")]


def test_the_city_of_a_meeting_is_no_party_and_a_visit_has_a_named_host():
    a = dyad.process("Pakistan reopened the gate after the Doha ceasefire.", published="2025-10-22")
    assert [(m.text, m.locative) for m in a.mentions] == [("Pakistan", False), ("Doha", True)]
    assert not [
        e for e in events("Mohsin Naqvi visited the scene of the bombing on Tuesday.")[1] if e.target_keys
    ]
    # a relative clause between subject and verb does not give the subject
    got = triples(
        "Sirajuddin Haqqani, who leads the Haqqani network and was for years among the most wanted men "
        "on a United States list, also called on Pakistan to talk."
    )
    assert ("AFG", "REQUEST", "PAK") in got and not {t for t in got if t[0] == "USA"}


def test_both_sides_as_a_subject_are_the_articles_two_parties():
    a, evs = events(
        "Talks between India and Pakistan went on all night. Trump said on social media that the two "
        "countries had agreed to a full ceasefire."
    )
    agreed = {_triple(a, e) for e in evs if e.trigger == "agreed"}
    assert agreed == {("IND", "AGREE", "PAK"), ("PAK", "AGREE", "IND")}


def test_telling_an_actor_to_act_is_a_demand_and_telling_reporters_is_not():
    assert triples("Trump told Israel to call back its aircraft.") == {("USA", "REQUEST", "ISR")}
    assert triples("Trump told reporters that the talks would go on.") == set()
    # "both countries" are the others: no one criticises itself
    got = triples("Talks between Israel and Iran stalled. Trump criticised both countries on Monday.")
    assert {("USA", "ACCUSE", "ISR"), ("USA", "ACCUSE", "IRN")} <= got and ("USA", "ACCUSE", "USA") not in got


def test_welcoming_an_act_names_no_recipient_and_pushing_close_to_war_is_no_demand():
    _, evs = events("Israel struck Iran on Friday. Netanyahu welcomed the strikes.", published="2025-06-22")
    assert [e.target_keys for e in evs if e.type == "SUPPORT"] == [[]]
    got = triples("Four days of exchanges pushed India and Pakistan close to a wider war.")
    assert not {t for t in got if t[1] == "REQUEST"}


def test_according_to_names_who_tells_and_they_is_the_subject_before():
    got = triples(
        "According to the defence minister of Pakistan, the Afghan delegation insisted on guarantees."
    )
    assert ("AFG", "REQUEST", "PAK") in got and not {t for t in got if t[0] == "PAK"}
    got = triples(
        "Pakistan set out its terms. While the Afghan side agreed with Pakistan's stance, they refused to "
        "sign a written accord."
    )
    assert ("AFG", "REJECT", "PAK") in got and ("PAK", "REJECT", "AFG") not in got


def test_he_further_warned_is_the_person_named_before():
    got = triples(
        "Khawaja Asif spoke in Islamabad. He further warned that any attack from Afghan soil would fail."
    )
    assert ("PAK", "THREATEN", "AFG") in got


def test_irregular_verbs_of_the_patterns_are_found_in_their_past():
    assert ("DNK", "ACCUSE") in {
        t[:2] for t in triples("A Danish court found Britta Vang guilty of fraud on Monday.")
    }
    assert {"found", "stood", "froze", "let", "beaten"} <= {
        f for v in ("find", "stand", "freeze", "let", "beat") for f in inflect(v)
    }


def test_peacekeeping_operations_in_a_country_are_aid_to_it():
    got = triples("Ghanaian troops took part in peacekeeping operations in Liberia and Sierra Leone.")
    assert {("GHA", "AID", "LBR"), ("GHA", "AID", "SLE")} <= got


def test_calling_for_sanctions_against_an_actor_disapproves_of_it():
    assert triples("A Kenyan bishop called for sanctions against Uganda on Sunday.") == {
        ("KEN", "ACCUSE", "UGA")
    }
    assert ("PRK", "REQUEST", "USA") in triples("North Korea repeated its demand that the US ease sanctions.")


def test_a_scathing_attack_is_criticism_and_an_attack_is_an_assault():
    assert triples("Kenya's president launched a scathing attack on Uganda's government on Sunday.") == {
        ("KEN", "ACCUSE", "UGA")
    }
    assert ("KEN", "ASSAULT", "UGA") in triples(
        "Kenyan troops launched an attack on Ugandan positions on Sunday."
    )


def test_a_travel_warning_against_a_country_is_a_sanction():
    assert ("USA", "SANCTION", "KEN") in triples(
        "The US State Department issued a travel warning for Kenya on Monday."
    )
    assert ("GBR", "SANCTION", "UGA") in triples(
        "Britain has advised against travel to Uganda after the bombing."
    )


def test_working_with_an_actor_is_cooperation_and_pledging_to_is_an_agreement():
    assert ("KEN", "COOPERATE", "UGA") in triples("Kenya worked with Uganda on the railway last year.")
    assert ("KEN", "AGREE", "UGA") in triples("Kenya has pledged to work with Uganda on the railway.")


@pytest.mark.parametrize("things", ["money", [1], [""]])
def test_a_bad_things_list_names_the_file_and_line(things):
    from dyad.coding.events.patterns import _checked_entry, _event_types
    from dyad.errors import KnowledgeError

    entry = {"type": "AID", "verbs": ["give"], "things": things, "__line__": 7}
    with pytest.raises(KnowledgeError, match=r"events.yaml:7: 'things' must be a list of words"):
        _checked_entry("events.yaml", entry, _event_types())


def test_a_deadline_given_to_another_is_a_threat():
    got = triples("Ghana gave Togo a two-week deadline to withdraw its troops from the border.")
    assert ("GHA", "THREATEN", "TGO") in got


def test_summoning_another_states_envoy_is_a_protest_against_it():
    assert ("GHA", "ACCUSE", "TGO") in triples(
        "Ghana's foreign ministry summoned the Togolese ambassador in protest."
    )
    assert ("GHA", "ACCUSE", "TGO") in triples("Ghana summoned a senior Togolese diplomat on Monday.")


def test_relations_two_sides_restore_are_mutual():
    got = triples("Ghana and Togo restored diplomatic ties on Monday after a year of tension.")
    assert {("GHA", "SUPPORT", "TGO"), ("TGO", "SUPPORT", "GHA")} <= got


def test_cyber_warfare_is_coercion_in_the_cyber_mode():
    a, evs = events("Ghana has launched cyber warfare against Togo, the ministry said.")
    assert [(e.type, e.mode) for e in evs if a.actors[e.source_keys[0]].country == "GHA"] == [
        ("COERCE", "cyber")
    ]


def test_cooperation_is_mutual():
    got = triples("Ghana's cooperation with Togo on border security has grown, officials said.")
    assert {("GHA", "COOPERATE", "TGO"), ("TGO", "COOPERATE", "GHA")} <= got


def test_a_military_operation_is_an_assault_and_ceasing_one_a_retreat():
    assert ("KEN", "ASSAULT", "SOM") in triples("Kenya launched a military operation against Somalia's army.")
    got = triples("Kenya's army ceased its military operations in southern Somalia.")
    assert {t[1] for t in got} == {"RETREAT"}


def test_one_sides_military_exercises_are_a_show_of_force_and_joint_ones_cooperation():
    assert triples("China held naval exercises near Taiwan on Monday.") == {("CHN", "MOBILIZE", "TWN")}
    got = triples("Ghana and Togo began joint military exercises in the Volta region.")
    assert {("GHA", "COOPERATE", "TGO"), ("TGO", "COOPERATE", "GHA")} <= got

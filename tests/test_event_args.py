"""Event arguments from the dependency parse (dyad.events.Tree), on sentences we wrote: the four
direction errors issue 14 found in the demo corpus's kind of text, and the tree's general rules."""

from pathlib import Path

import dyad
from dyad.coding.events import Tree, event_sentences
from dyad.linguistic import parse


def coded(text: str) -> set[tuple[str, str, str, bool]]:
    a = dyad.process(text, published="2025-10-10")
    out = set()
    for e in a.events:
        target = a.actors[e.target_keys[0]].country if e.target_keys and e.target_keys[0] else ""
        out.add((a.actors[e.source_keys[0]].country, e.type, target, e.negated))
    return out


def test_what_an_accusation_accuses_of_is_not_the_accusers_act():
    got = coded(
        "The Kabul administration accused Pakistan of violating Afghan airspace and carrying out "
        "air raids on Kandahar."
    )
    assert ("AFG", "ACCUSE", "PAK", False) in got
    assert not {g for g in got if g[1] == "ASSAULT"}


def test_a_material_act_in_the_passive_without_an_agent_has_no_doer():
    got = coded("Pakistan's border crossings with Afghanistan have been closed to trade since Monday.")
    assert not {g for g in got if g[1] == "SANCTION"}


def test_a_negative_object_negates_the_act():
    got = coded("The United States moved warships closer. “Venezuela threatens no one,” said Maduro.")
    threats = {g for g in got if g[0] == "VEN" and g[1] == "THREATEN"}
    assert threats and all(g[3] for g in threats)


def test_a_ship_is_its_navy_not_the_person_it_is_named_after():
    a = dyad.process(
        "The USS Harry S. Truman strike group fired on a suspected smuggling boat near Venezuela.",
        published="2025-10-10",
    )
    ship = next(m for m in a.mentions if m.text.startswith("USS"))
    assert (a.actors[ship.actor_key].country, a.actors[ship.actor_key].sector) == ("USA", "MIL")
    assert not any(a.actors[m.actor_key].kind == "person" for m in a.mentions)


def test_coordinated_modifiers_are_each_a_party():
    got = coded("Senior Kenyan and Ugandan officials agreed on Monday to reopen the border.")
    assert {("KEN", "AGREE", "UGA", False), ("UGA", "AGREE", "KEN", False)} <= got


def test_the_tree_reads_subject_object_and_passive_agent():
    a = dyad.process(
        "Turkey was criticised by Greece. Chad expelled Sudanese diplomats.", published="2025-10-10"
    )
    tree = Tree(a)
    parse.parse_more(a, [0, 1])  # the pipeline let go of its parses
    verb = tree.token_at(0, a.text.index("criticised"))
    sources, targets = tree.verb_arguments(verb)
    assert [m.text for m in sources] == ["Greece"] and [m.text for m in targets] == ["Turkey"]
    verb = tree.token_at(1, a.text.index("expelled"))
    sources, targets = tree.verb_arguments(verb)
    assert [m.text for m in sources] == ["Chad"] and [m.text for m in targets] == ["Sudanese diplomats"]
    assert tree.token_at(1, a.text.index("expelled") + 1) is None  # not a token's start


def test_a_pronoun_subject_is_left_to_the_discourse():
    a = dyad.process("Chad met Sudan. Later it expelled Sudanese diplomats.", published="2025-10-10")
    parse.parse_more(a, [1])
    tree = Tree(a)
    assert tree.verb_arguments(tree.token_at(1, a.text.index("expelled"))) is None


def test_only_sentences_with_a_trigger_and_an_actor_are_parsed_for_events():
    a = dyad.process(
        "Rain fell on Monday. Chad expelled Sudanese diplomats. The weather was calm.", published="2025-10-10"
    )
    assert event_sentences(a) == [1]


def test_a_reduced_relative_with_an_agent_is_passive():
    got = coded("Syrian warplanes supported by Russia pounded rebel positions near Idlib on Friday.")
    assert ("RUS", "SUPPORT", "SYR", False) in got and ("SYR", "SUPPORT", "RUS", False) not in got


def test_what_one_failed_to_do_is_not_done():
    a = dyad.process("Ghana failed to attack Togo on Monday.", published="2025-10-10")
    assaults = [e for e in a.events if e.type == "ASSAULT"]
    assert assaults and all(e.negated for e in assaults)


def test_a_refusal_is_aimed_at_the_recipient_of_what_it_refuses():
    # the target of "refused to provide" is the one who would have received, not the adjective
    got = coded("Chile has refused to provide military aid to Bolivia.")
    assert ("CHL", "REJECT", "BOL", False) in got
    # a word that is also an event noun ("release"), read as the verb after "will not"
    refused = coded("Colombia will not release the detained Venezuelan soldiers.")
    assert ("COL", "REJECT", "VEN", False) in refused
    assert not {g for g in got if g[1] == "REJECT" and g[2] == "CHL"}


def test_an_event_nouns_doer_is_the_subject_of_a_light_verb_only():
    launched = coded("Ghana launched an investigation into the Togolese police on Monday.")
    assert ("GHA", "ACCUSE", "TGO", False) in launched
    # "attributed the attack to Somalia": Kenya names who attacked; it did not attack
    attributed = coded("Kenya's foreign minister attributed the attack to Somalia on Friday.")
    assert not {g for g in attributed if g[0] == "KEN" and g[1] == "ASSAULT"}
    # a light verb whose object has a long phrase before the noun
    many = coded("The French army has carried out more than three dozen raids this year against Boko Haram.")
    assert ("FRA", "ASSAULT", "NGA", False) in many


def test_a_learned_name_takes_the_country_of_the_words_that_describe_it():
    a = dyad.process(
        "Police detained Peruvian activist Rosa Quispe Mamani on Monday. Tomas Ilves Varga, the "
        "Hungarian envoy, met Slovak officials.",
        published="2025-10-10",
    )
    country = {m.text: a.actors[m.actor_key].country for m in a.mentions}
    assert country["Rosa Quispe Mamani"] == "PER"
    assert country["Tomas Ilves Varga"] == "HUN"


def test_actors_no_dictionary_knows_take_part_in_events():
    a = dyad.process(
        "The Greenleaf Dockworkers Union accused Meridian Shipping Holdings of fraud on Tuesday.",
        published="2025-10-10",
    )
    names = {
        (a.actors[e.source_keys[0]].name, e.type, a.actors[e.target_keys[0]].name)
        for e in a.events
        if e.target_keys
    }
    assert ("Greenleaf Dockworkers Union", "ACCUSE", "Meridian Shipping Holdings") in names
    # and no party of unknown country is taken for the article's other side
    assert all(a.actors[e.source_keys[0]].country == "" for e in a.events)


def test_a_state_acts_on_its_own_people_but_not_on_its_own_organs():
    # the released are the recipients of a release, though they are the state's own people
    released = coded("The Chadian government released forty opposition activists on Friday.")
    assert {g for g in released if g[:2] == ("TCD", "RETREAT") and g[2] == "TCD"}
    # its own reservists are the means of a mobilisation, not whom it is aimed at
    mobilised = coded("Chile mobilized army reservists for a possible war against Peru.")
    assert not {g for g in mobilised if g[1] == "MOBILIZE" and g[2] == "CHL"}


def test_a_threat_is_not_aimed_at_the_threateners_own_forces():
    got = coded(
        "Chile today threatened to launch a new military offensive in its war with Peru unless Lima gave way."
    )
    assert {g for g in got if g[:2] == ("CHL", "THREATEN")}
    assert not {g for g in got if g[:2] == ("CHL", "THREATEN") and g[2] == "CHL"}


def test_two_sides_that_fail_to_agree_each_reject_the_other_and_one_refusal_goes_one_way():
    got = coded("Ghana and Togo failed to reach agreement on the fishing grounds.")
    assert {("GHA", "REJECT", "TGO", False), ("TGO", "REJECT", "GHA", False)} <= got
    got = coded("Ghana refused to sign a deal with Togo.")
    assert ("GHA", "REJECT", "TGO", False) in got
    assert not {g for g in got if g[0] == "TGO"}


def test_the_one_who_summons_complains_and_the_one_urged_acts():
    got = coded("Ghana summoned the Togolese ambassador to complain about the border raid.")
    assert ("GHA", "ACCUSE", "TGO", False) in got
    assert not {g for g in got if g[0] == "TGO" and g[1] == "ACCUSE"}
    got = coded("Ghana urged Togo to withdraw its troops from the border.")
    assert ("GHA", "REQUEST", "TGO", False) in got


def test_what_is_discussed_is_the_content_and_the_partner_follows_with_or_was_called():
    got = coded("Ghana discussed Mali with Togo on Monday.")
    assert {("GHA", "CONSULT", "TGO", False), ("TGO", "CONSULT", "GHA", False)} <= got
    assert not {g for g in got if "MLI" in (g[0], g[2])}
    got = coded("Ghana called Togo on Monday to discuss the situation in Mali.")
    assert ("GHA", "CONSULT", "TGO", False) in got
    assert not {g for g in got if "MLI" in (g[0], g[2])}


def test_a_court_takes_its_place_and_an_organisations_court_stays_the_organisations():
    got = coded("A court in Ghana lifted a travel ban on Togo's former minister on Monday.")
    assert ("GHA", "CONCEDE", "TGO", False) in got
    a = dyad.process(
        "The minister was indicted by the U.N. war crimes court in Ghana.", published="2025-10-10"
    )
    court = next(m for m in a.mentions if "court" in m.text or m.text == "U.N.")
    assert a.actors[court.actor_key].country == "IGO"


def test_a_pardon_and_a_hyphenated_cease_fire_are_retreats():
    assert ("GHA", "RETREAT", "TGO", False) in coded("Ghana pardoned Togo's former minister on Monday.")
    assert {g[1] for g in coded("Ghana announced a cease-fire with Togo on Monday.") if g[0] == "GHA"} & {
        "RETREAT"
    }


def test_cameo2plover_signing_is_support_sanctions_coerce_and_lifting_them_a_retreat():
    got = coded("Ghana and Togo signed a trade pact on Monday.")
    assert {("GHA", "SUPPORT", "TGO", False), ("TGO", "SUPPORT", "GHA", False)} <= got
    assert not {g for g in got if g[1] == "AGREE"}  # the pact signed is the signing's content
    assert ("GHA", "COERCE", "TGO", False) in coded("Ghana imposed sanctions on Togo on Monday.")
    assert ("GHA", "RETREAT", "TGO", False) in coded("Ghana lifted sanctions on Togo on Monday.")


def test_a_conviction_accuses_and_peacekeepers_sent_are_aid():
    assert ("GHA", "ACCUSE", "TGO", False) in coded("A court in Ghana convicted two Togolese men of fraud.")
    assert ("GHA", "AID", "MLI", False) in coded("Ghana is sending peacekeepers to Mali this month.")


def test_peacekeepers_withdrawn_are_a_sanction_and_troops_withdrawn_a_retreat():
    assert ("GHA", "SANCTION", "MLI", False) in coded("Ghana withdrew peacekeepers from Mali on Monday.")
    assert ("GHA", "RETREAT", "MLI", False) in coded("Ghana withdrew its troops from Mali on Monday.")


def test_support_for_ones_own_states_decision_is_aimed_at_it_but_not_at_ones_own_forces():
    got = coded("Ghana's president defended Ghana's decision to close the border.")
    assert ("GHA", "SUPPORT", "GHA", False) in got
    got = coded("Ghana's president praised his military's courage after the clashes with Togo.")
    assert not {g for g in got if g[1] == "SUPPORT" and g[2] == "GHA"}


def test_a_ceasefire_declared_in_a_country_is_aimed_at_it():
    assert ("GHA", "RETREAT", "MLI", False) in coded(
        "Ghana declared a unilateral ceasefire in Mali on Friday."
    )


def test_the_complaint_a_summons_is_for_is_aimed_at_the_one_summoned():
    a = dyad.process(
        "Ghana summoned the Togolese ambassador to complain about a raid in Mali.", published="2025-10-10"
    )
    complaint = next(e for e in a.events if e.type == "ACCUSE")
    assert a.actors[complaint.target_keys[0]].country == "TGO"


def test_an_arrest_warrant_for_someone_coerces_them():
    assert ("GHA", "COERCE", "TGO", False) in coded(
        "A court in Ghana issued an arrest warrant for two Togolese men."
    )


def test_support_for_an_armed_group_is_material_aid_and_for_a_state_words_of_support():
    got = coded("Ghana supported the rebels in the war against Togo.")
    assert {g[1] for g in got if g[0] == "GHA"} & {"AID"}
    assert not {g for g in got if g[0] == "GHA" and g[1] == "SUPPORT"}
    assert ("GHA", "SUPPORT", "TGO", False) in coded("Ghana supported Togo at the summit.")


def test_a_body_meeting_alone_meets_no_other_party():
    assert not {g for g in coded("Ghana's cabinet met on Sunday to discuss the budget.") if g[1] == "CONSULT"}
    assert ("GHA", "CONSULT", "TGO", False) in coded("Ghana's cabinet met Togo's envoy on Sunday.")


def test_calling_an_actor_is_a_phone_call_but_calling_it_something_is_not():
    assert ("GHA", "CONSULT", "TGO", False) in coded("Ghana's president called Togo's president on Tuesday.")
    assert not {g for g in coded("Ghana's president called Togo's president a liar.") if g[1] == "CONSULT"}


def test_a_complaint_is_aimed_at_the_one_complained_of_not_the_one_complained_to():
    got = coded("Ghana complained to the African Union on Monday over Togolese border raids.")
    assert ("GHA", "ACCUSE", "TGO", False) in got
    assert not {g for g in got if g[1] == "ACCUSE" and g[2] != "TGO"}


def test_defending_an_actors_right_supports_it_and_ruling_out_rejects():
    assert ("GHA", "SUPPORT", "TGO", False) in coded(
        "Ghana defended the right of Togolese troops to patrol the border."
    )
    assert ("GHA", "REJECT", "TGO", False) in coded("Ghana ruled out talks with Togo on Monday.")


def test_a_protest_in_a_closing_attribution_is_a_complaint_and_in_the_street_a_protest():
    got = coded("Togo is failing to protect Ghanaian traders, Ghana's trade minister protested on Wednesday.")
    assert ("GHA", "ACCUSE", "TGO", False) in got
    assert {g[1] for g in coded("Thousands of Ghanaians protested in Accra on Wednesday.")} == {"PROTEST"}


def test_defying_a_ban_rejects_whoever_imposed_it():
    assert ("GHA", "REJECT", "TGO", False) in coded(
        "Ghana has violated a ban by Togo on fishing in the lagoon."
    )


def test_what_an_attack_killed_is_the_attacks_own_event_not_one_by_its_place():
    got = coded("The Togolese attack on Accra killed ten people on Monday.")
    assert ("TGO", "ASSAULT", "GHA", False) in got
    assert not {g for g in got if g[0] == "GHA"}


def test_the_tree_names_the_recipient_even_where_it_is_a_place():
    # the refusal's recipient is whom the refused act reaches, a region named as a place
    assert ("RUS", "REJECT", "GEO", False) in coded("Moscow refuses to lift its sanctions on Abkhazia.")
    assert not {g for g in coded("Moscow refuses to lift its sanctions on Abkhazia.") if g[2] == "RUS"}


def test_returning_a_thing_to_an_actor_is_a_retreat_and_returning_to_a_place_is_no_act():
    got = coded("Germany returned the looted bronzes to Nigeria on Monday.")
    assert ("DEU", "RETREAT", "NGA", False) in got
    assert not coded("Pakistan's foreign minister returned to Islamabad on Monday.")


def test_the_verb_of_a_reported_demand_is_the_demand_not_an_act_of_its_own():
    got = coded("Chile said on Monday that Peru must return the seized fishing boats.")
    assert got == {("CHL", "REQUEST", "PER", False)}


def test_a_dateline_in_capitals_is_no_one_and_never_the_doer():
    a = dyad.process("ISLAMABAD -- Pakistan's foreign office on Monday rejected India's proposal.")
    assert not [k for k in a.actors if k.startswith("person:")]
    assert coded("ISLAMABAD -- Pakistan's foreign office on Monday rejected India's proposal.") == {
        ("PAK", "REJECT", "IND", False)
    }


def test_a_bare_verb_form_the_tagger_reads_as_a_tense_is_the_act():
    assert ("GHA", "RETREAT", "TGO", False) in coded("Ghana today let free two Togolese fishermen.")


def test_the_clause_a_demand_governs_is_asked_not_done():
    got = coded("Chile demanded that its South Pacific trading partners refuse to recognise Peru.")
    assert not {g for g in got if g[1] == "REJECT"}


def test_a_withdrawal_is_aimed_at_the_country_it_leaves_and_voiced_support_at_whom_it_is_for():
    got = coded("Britain completed its withdrawal of troops from Afghanistan.")
    assert ("GBR", "RETREAT", "AFG", False) in got
    got = coded("Brazil's president voiced his support for Mr. Petro of Colombia on Monday.")
    assert ("BRA", "SUPPORT", "COL", False) in got


def test_a_journalist_named_as_a_person_is_an_actor_an_outlet_only_a_source_of_the_news():
    got = coded("Iranian police arrested a French journalist in Tehran on Monday.")
    assert ("IRN", "COERCE", "FRA", False) in got
    got = coded("Iranian police arrested three protesters in Tehran on Monday, Reuters reported.")
    assert not {g for g in got if "GBR" in g}


def test_some_of_a_group_is_that_group_not_the_country_that_owns_it():
    got = coded("Iraqi authorities on Monday freed 20 of Iraq's jailed protesters.")
    assert ("IRQ", "RETREAT", "IRQ", False) in got  # the protesters (IRQ/CVL), not left with no one


def test_peacekeeping_troops_and_borders_opened_to_refugees_are_aid():
    got = coded("Ghana announced the deployment of 300 troops to Mali on a peacekeeping mission.")
    assert ("GHA", "AID", "MLI", False) in got
    assert {g[1] for g in coded("Ghana announced the deployment of 300 troops to Mali.")} == {"MOBILIZE"}
    assert ("JOR", "AID", "SYR", False) in coded("Jordan opened its borders to Syrian refugees in 2012.")
    # a state's own forces are the means of its act; its own prisoners are whom it releases
    assert ("IRQ", "RETREAT", "IRQ", False) in coded("Baghdad ordered the release of 200 prisoners on Friday")


def test_engaging_someone_in_an_act_aims_the_act_at_them():
    assert ("KEN", "CONSULT", "SOM", False) in coded("Kenya engaged Somali officials in talks on Monday.")
    got = coded("Chadian soldiers engaged Sudanese militiamen in a firefight near Adre.")
    assert ("TCD", "ASSAULT", "SDN", False) in got


def test_one_side_ratifies_a_pact_and_both_sides_sign_it():
    got = coded("Moldova ratified its trade agreement with Romania on Monday.")
    assert ("MDA", "SUPPORT", "ROU", False) in got and ("ROU", "SUPPORT", "MDA", False) not in got
    got = coded("Moldova and Romania signed a trade agreement on Monday.")
    assert {g[0] for g in got if g[1] == "SUPPORT"} == {"MDA", "ROU"}


def test_permission_given_is_a_concession_and_refused_a_rejection_aimed_at_whom_it_is_for():
    got = coded("The European Commission granted the Serbian government permission to subsidise its airline.")
    assert ("EUR", "CONCEDE", "SRB", False) in got
    got = coded("Turkey said it would not give permission to Sweden to join.")
    assert ("TUR", "REJECT", "SWE", False) in got


def test_a_thing_returned_to_an_actor_however_deep_the_parse_hangs_the_recipient():
    got = coded("France returned dozens of pre-colonial and royal artifacts to the Embassy of Senegal.")
    assert ("FRA", "RETREAT", "SEN", False) in got
    got = coded("ICE returned a stolen painting to Italian authorities on Monday.")
    assert ("USA", "RETREAT", "ITA", False) in got


def test_those_a_participle_befalls_are_not_its_doers():
    # a participle after its noun ("soldiers killed in Niger") and a passive whose agent is no actor
    got = coded("There were twelve Chadian soldiers killed in Niger on Sunday.")
    assert not {g for g in got if g[0] == "TCD"}
    got = coded("Twelve Chadian soldiers killed by Boko Haram in Niger were buried on Sunday.")
    assert got == {("NGA", "ASSAULT", "TCD", False)}
    # a stance in the passive form is its subject's own ("is opposed to")
    assert ("MLI", "REJECT", "FRA", False) in coded("Mali is opposed to French mediation in the talks.")


def test_a_thing_in_a_place_is_that_places_but_an_act_there_is_not():
    assert coded("Turkey returned forty stolen manuscripts to a monastery library in Greece.") == {
        ("TUR", "RETREAT", "GRC", False)
    }
    assert ("ISR", "AGREE", "PSE", False) in coded(
        "Israel will evacuate all 21 settlements in the Gaza Strip next month."
    )
    got = coded("The Algerian foreign minister held talks in Tunis with his Libyan counterpart on Monday.")
    assert got == {("DZA", "CONSULT", "LBY", False), ("LBY", "CONSULT", "DZA", False)}


def test_the_principal_act_of_a_meeting_is_the_subjects_and_the_answer_is_no_root():
    a = dyad.process("Kenya's foreign minister met with Ugandan President Yoweri Museveni on Tuesday.")
    roots = {
        (a.actors[e.source_keys[0]].country, a.actors[e.target_keys[0]].country) for e in a.events if e.root
    }
    every = {(a.actors[e.source_keys[0]].country, a.actors[e.target_keys[0]].country) for e in a.events}
    assert roots == {("KEN", "UGA")}
    assert every == {("KEN", "UGA"), ("UGA", "KEN")}


def test_a_participle_whose_agent_is_no_actor_has_no_doer():
    got = coded(
        "The Kenyan Red Cross said it will send a team to identify victims killed by the "
        "Air Tanzania crash near Arusha."
    )
    assert not {g for g in got if g[1] == "ASSAULT"}
    got = coded("Villagers killed by Ugandan soldiers were buried on Monday.")
    assert got == {("UGA", "ASSAULT", "UGA", False)}  # the soldiers on the villagers


def test_what_something_is_aimed_at_or_designed_to_do_is_not_done():
    got = coded("The Kenyan envoy arrived in Kampala on a tour aimed at pushing Uganda for a truce.")
    assert not {g for g in got if g[1] == "REQUEST"}
    got = coded("Ghana passed a law designed to ban Togolese traders.")
    assert not {g for g in got if g[1] in ("ASSAULT", "COERCE")}
    assert ("KEN", "REQUEST", "UGA", False) in coded("The Kenyan envoy pushed Uganda for a truce.")


def test_a_countrys_own_outsider_demands_of_its_government_but_a_minister_does_not():
    got = coded(
        "Raila Odinga, a former prime minister of Kenya, said the Kenyan government must ensure security."
    )
    assert got == {("KEN", "REQUEST", "KEN", False)}
    got = coded("Kenya's interior minister Kithure Kindiki said the Kenyan government must stay vigilant.")
    assert not {g for g in got if g[1] == "REQUEST"}


def test_a_truce_declared_at_home_is_aimed_at_the_country_a_withdrawal_there_is_not():
    got = coded("President Kiir declared a unilateral ceasefire on Monday in South Sudan.")
    assert ("SSD", "RETREAT", "SSD", False) in got
    got = coded(
        "Bosnian Serbs said their forces had completed their withdrawal from the Bosnian town of Gorazde."
    )
    assert ("BIH", "RETREAT", "BIH", False) not in got


def test_the_parse_reads_a_sentence_without_its_dateline():
    a = dyad.process("ALGIERS, Algeria - Police have arrested a handful of Moroccan journalists.")
    parse.parse_more(a, [0])
    doc = a.parses[0]
    assert doc[0].text == "Police" and parse.base(doc) == a.text.index("Police")
    verb = Tree(a).token_at(0, a.text.index("arrested"))
    assert verb is not None and verb.dep_ == "ROOT"


def test_journalists_an_act_befalls_are_its_target_but_never_its_doer():
    a = dyad.process("Ugandan police arrested a handful of foreign journalists in Kampala on Monday.")
    assert [(e.type, e.source_keys, e.target_keys) for e in a.events] == [
        ("COERCE", ["UGA/COP"], ["UGA/JRN/journalists"])
    ]
    got = coded("Kenyan journalists said Ugandan troops attacked the border post.")
    assert not {g for g in got if g[0] == "KEN" and g[1] == "ASSAULT"}


def test_a_pronoun_subject_is_the_discourses_and_the_object_still_the_parses():
    got = coded(
        "The Kenyan government in Nairobi has said it has freed nearly 4,000 Shabaab prisoners so far."
    )
    assert got == {("KEN", "RETREAT", "KEN", False)}  # the prisoners it held, not no one


def test_a_party_outside_the_state_acts_on_its_own_state_and_a_state_not_on_itself():
    # an opposition leader or rebels are not the state: their own state is a recipient
    surrendered = coded("A Kenyan opposition leader surrendered to the authorities on Monday.")
    assert ("KEN", "RETREAT", "KEN", False) in surrendered
    rebels = coded("Zambian rebels said they will release a captured Zambian soldier to the Red Cross.")
    assert ("ZMB", "AGREE", "ZMB", False) in rebels
    # a state's own troops are its means, not whom it acts on
    assert coded("Kenya sent troops to Somalia.") == {("KEN", "MOBILIZE", "SOM", False)}


def test_a_coercion_ordered_is_the_commanders_act_on_the_one_ordered():
    jailed = coded("A Kenyan judge has ordered nine Somali officials jailed while they are investigated.")
    assert ("KEN", "COERCE", "SOM", False) in jailed
    assert not {g for g in jailed if g[0] == "SOM"}
    closed = coded("The Ghanaian government ordered the Togolese embassy to close within a week.")
    assert ("GHA", "SANCTION", "TGO", False) in closed
    assert not {g for g in closed if g[0] == "TGO"}


def test_a_withdrawal_leaves_the_place_named_after_what_it_withdraws():
    assert ("FRA", "RETREAT", "MLI", False) in coded(
        "France completed the withdrawal of the last combat troops from Mali on Monday."
    )
    some = coded("Russia announced the withdrawal of some of its forces from Syria.")
    assert ("RUS", "RETREAT", "SYR", False) in some


def test_aid_with_no_recipient_named_goes_to_the_country_it_is_for():
    got = coded(
        "Norway's assistance package consisted of 3 million dollars in relief supplies for families in Sudan."
    )
    assert ("NOR", "AID", "SDN", False) in got


def test_a_reduced_passive_with_a_subject_names_no_doer_but_its_agent():
    # "families in Malawi hit by the floods": the floods did it, not Malawi
    got = coded("The Japanese government announced aid to help families in Malawi hit by the floods.")
    assert not {g for g in got if g[0] == "MWI"}


def test_an_event_noun_carried_out_by_someone_or_performed_is_theirs():
    carried = coded("The attack was carried out by Taliban fighters in Kabul.")
    assert ("AFG", "ASSAULT", "AFG", False) in carried
    games = coded("The armies of Brazil and Argentina performed joint war games in October.")
    assert {("BRA", "COOPERATE", "ARG", False), ("ARG", "COOPERATE", "BRA", False)} <= games


def test_a_verb_form_the_parse_reads_as_a_modified_noun_is_no_act():
    got = coded("Kenya released 2 million dollars to Uganda despite concerns that held up previous funding.")
    assert not {g for g in got if g[0] == "UGA"}  # "previous funding" is no aid by Uganda


def test_a_group_outside_the_state_that_names_no_other_party_acts_on_its_own_state():
    got = coded("Leaders of the Zambian opposition agreed to postpone the rally in Lusaka until Monday.")
    assert ("ZMB", "AGREE", "ZMB", False) in got
    # a retreat's recipient stays optional ("Ugandan rebels surrendered")
    assert ("UGA", "RETREAT", "", False) in coded("Five hundred Ugandan rebels surrendered last week.")


def test_a_gerund_after_a_time_preposition_shares_its_clauses_subject_but_not_after_for():
    sided = coded(
        "A Chinese court on Monday ordered the retrial of a Canadian man after siding with prosecutors."
    )
    assert not {g for g in sided if g[0] == "CAN"}
    thanked = coded("Ghana's minister thanked Turkey and Qatar for facilitating the talks with Togo.")
    assert not {g for g in thanked if g[0] == "GHA" and g[1] == "CONSULT"}


def test_a_passive_agent_is_not_an_actor_named_in_a_clause_after_it():
    # "pressured by congress to help Iran": Iran is whom the help is for, not who pressured
    got = coded("The Kenyan president is being pressured by critics to help Somalia.")
    assert not {g for g in got if g[0] == "SOM"}


def test_an_event_nouns_arguments_hang_on_the_head_of_its_phrase():
    # "drone strikes": the parse's head is "strikes", whose light verb names the doer
    many = coded(
        "The French army has carried out more than three dozen drone strikes this year against Boko Haram."
    )
    assert ("FRA", "ASSAULT", "NGA", False) in many
    # "the ambassador in protest": a name before a preposition is not the noun's own modifier
    summoned = coded("Ghana's foreign ministry summoned the Togolese ambassador in protest.")
    assert not {g for g in summoned if g[0] == "TGO"}


def test_civilians_held_as_human_shields_are_the_holders_victims():
    got = coded("Boko Haram fighters held around 300 villagers as human shields in Borno.")
    assert ("NGA", "ASSAULT", "NGA", False) in got


def test_a_call_reaches_the_parses_object_not_what_the_object_is_called():
    # "his Ugandan counterpart": no actor right after the verb, but the parse's object is one
    got = coded("The Kenyan president called his Ugandan counterpart, Amos Lugemba, on Tuesday.")
    assert ("KEN", "CONSULT", "UGA", False) in got
    out = coded("The Kenyan senator called out the Ugandan president on Tuesday.")
    assert not {g for g in out if g[1] == "CONSULT"}
    might = coded("Kenya moved troops to the border, a deployment Otieno called a show of Kenyan might.")
    assert not {g for g in might if g[1] == "CONSULT"}


def test_an_office_holder_of_the_sources_own_state_is_a_recipient_not_its_means():
    a = dyad.process("The Kenyan president refused a request from the justice minister on Friday.")
    rejected = [e for e in a.events if e.type == "REJECT"]
    assert [a.actors[k].role for e in rejected for k in e.target_keys] == ["justice minister"]
    # the state's own forces named by a common word stay its means
    sent = coded("The Kenyan president sent the army to the border with Somalia.")
    assert not {g for g in sent if g[2] == "KEN"}


def test_criminals_militias_and_asylum_seekers_named_alone_are_recipients():
    struck = dyad.process("Kenyan troops struck militia groups in Somalia on Monday.")
    assert "PRM" in {struck.actors[k].sector for e in struck.events for k in e.target_keys}
    assert ("KEN", "COERCE", "KEN", False) in coded("Kenyan police arrested smugglers in Mombasa on Monday.")
    refused = dyad.process("Kenya said it will not accept asylum seekers returned by Uganda.")
    assert any(e.type == "REJECT" and e.target_keys == ["KEN/REF"] for e in refused.events)


def test_the_outlet_of_a_credit_line_is_no_party_of_the_article():
    a = dyad.process(
        "NAIROBI (AFP) -- The Kenyan army said it had opened an investigation into the killings."
    )
    targets = {a.actors[k].sector for e in a.events for k in e.target_keys}
    assert a.events and "JRN" not in targets


def test_a_reported_obligation_is_demanded_by_the_speech_verbs_subject():
    # the last actor before "said" is the union the ambassador is accredited to, not the speaker
    a = dyad.process(
        "Ghana's ambassador to the African Union said on Tuesday that Togo must reopen the border."
    )
    requests = [e for e in a.events if e.type == "REQUEST"]
    assert requests and all(a.actors[e.source_keys[0]].country == "GHA" for e in requests)


def test_a_verb_after_ready_or_willing_shares_the_subject_of_the_clause():
    a = dyad.process("Kenya is willing to provide our military expertise to the African Union.")
    agreed = [e for e in a.events if e.type == "AGREE"]
    assert [a.actors[k].name for e in agreed for k in e.target_keys] == ["African Union"]


def test_coordinated_event_nouns_share_their_light_verb_and_recipient():
    got = coded("Ghana expressed its total rejection and strong condemnation of Togo's border decree.")
    assert {("GHA", "REJECT", "TGO", False), ("GHA", "ACCUSE", "TGO", False)} <= got


def test_support_received_from_another_is_the_givers_act():
    got = coded("Kenya has received significant military and financial support from Uganda.")
    assert ("UGA", "SUPPORT", "KEN", False) in got
    assert not {g for g in got if g[0] == "KEN"}


def test_what_someone_is_capable_of_is_no_act():
    got = coded("Ghana says Togo has drones capable of launching attacks on Accra within hours.")
    assert not {g for g in got if g[1] == "ASSAULT"}


def test_a_trigger_word_modifying_a_noun_is_no_act():
    # "appeals" names the court; read as a demand, it would swallow the rejection that follows
    got = coded("Kenya's appeals court rejected a petition by opposition leader Raila Odinga.")
    assert {g[1] for g in got} == {"REJECT"} and all(g[0] == "KEN" for g in got)


def test_a_press_release_releases_no_one():
    got = coded(
        "Kenyan troops shelled the town of Mandera, according to a press release by the Somali rebels."
    )
    assert {g[1] for g in got} == {"ASSAULT"}
    got = coded(
        "Ugandan rebels said in a press release by their commander that the army attacked their camp."
    )
    assert ("UGA", "ASSAULT", "UGA", False) in got


def test_one_who_voices_their_own_sides_act_is_its_doer():
    a = dyad.process("Kenyan President William Ruto reiterated Kenya's support for Somalia's government.")
    assert {(e.source_keys[0], e.type) for e in a.events} == {("person:william ruto", "SUPPORT")}
    # another country's act, announced: still that country's
    a = dyad.process("Kenyan President William Ruto announced Uganda's support for Somalia's government.")
    assert {(a.actors[e.source_keys[0]].country, e.type) for e in a.events} == {("UGA", "SUPPORT")}


def test_a_name_in_apposition_is_the_one_acted_on():
    a = dyad.process("Kenya's foreign minister met his Ugandan counterpart, Jeje Odongo, in Nairobi.")
    assert "person:jeje odongo" in {k for e in a.events if e.type == "CONSULT" for k in e.target_keys}
    a = dyad.process("Kenya's foreign minister called his Ugandan counterpart, Jeje Odongo, on Tuesday.")
    assert "person:jeje odongo" in {k for e in a.events if e.type == "CONSULT" for k in e.target_keys}
    # a common noun in apposition names no one: the ties are with Bhutan, not its neighbour
    got = coded("Israel established diplomatic ties with Bhutan, a Buddhist kingdom bordering India.")
    assert ("ISR", "SUPPORT", "BTN", False) in got and not {g for g in got if "IND" in g}


def test_who_prolongs_or_heads_an_act_does_it_but_what_leads_to_one_does_not():
    assert ("IGO", "COERCE", "MLI", False) in coded(
        "The African Union is prolonging sanctions against Mali's military government."
    )
    got = coded("Kenyan judge Mary Achieng is heading an inquiry into the Ugandan police.")
    assert ("KEN", "ACCUSE", "UGA", False) in got
    # "lead to an agreement": what the concessions may bring about, not the negotiator's act
    got = coded(
        "Kenya offered concessions that Ugandan negotiator John Okello believed could lead to an agreement."
    )
    assert got == {("KEN", "AGREE", "UGA", False)}


def test_the_sides_an_event_noun_names_after_between_are_its_parties():
    got = coded("Cooperation between the Ghanaian army and the Togolese police on border security has grown.")
    assert got == {("GHA", "COOPERATE", "TGO", False), ("TGO", "COOPERATE", "GHA", False)}
    # one side only: no party named
    assert not coded("Cooperation between Ghana and its neighbours on border security has grown.")


def test_a_datelines_credit_in_apposition_is_no_one_acted_by():
    # the demo corpus's article (our own writing): "PORT SUDAN, October 28, 2025 (Crescent Bay
    # Courier) — Sudan's paramilitary Rapid Support Forces (RSF) have seized el-Fasher"
    path = Path(dyad.__file__).parent / "demo_corpus" / "text" / "sudan-01-rsf-takes-el-fasher.txt"
    a = dyad.process(path.read_text(encoding="utf-8"))
    seized = [e for e in a.events if e.type == "COERCE" and "seized" in a.text[e.start : e.end]]
    assert seized and {e.source_keys[0] for e in seized} == {"org:rapid support forces"}

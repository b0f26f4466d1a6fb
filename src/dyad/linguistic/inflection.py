"""A verb's forms as news writes them: "expel" -> expels, expelled, expelling; "impose a curfew"
-> "imposed the curfew". Shared by the event patterns and the quoting verbs."""

from __future__ import annotations

import re

_IRREGULAR = {
    "expel": ["expelled", "expelling"],
    "patrol": ["patrolled", "patrolling"],
    "control": ["controlled", "controlling"],
    "admit": ["admitted", "admitting"],
    "permit": ["permitted", "permitting"],
    "ship": ["shipped", "shipping"],
    "stop": ["stopped", "stopping"],
    "kidnap": ["kidnapped", "kidnapping"],
    "compel": ["compelled", "compelling"],
    "rebel": ["rebelled", "rebelling"],
    "equip": ["equipped", "equipping"],
    "plan": ["planned", "planning"],
    "meet": ["met"],
    "tell": ["told"],
    "burn": ["burnt", "burned"],
    "hold": ["held"],
    "withdraw": ["withdrew", "withdrawn"],
    "strike": ["struck"],
    "fight": ["fought"],
    "shoot": ["shot"],
    "hit": ["hit"],
    "give": ["gave", "given"],
    "find": ["found"],
    "freeze": ["froze"],  # "frozen" is mostly an adjective ("frozen nuclear facilities")
    "stand": ["stood"],
    "beat": ["beaten"],
    "let": ["let"],
    "seek": ["sought"],
    "take": ["took", "taken"],
    "send": ["sent"],
    "speak": ["spoke", "spoken"],
    "lead": ["led"],
    "break": ["broke", "broken"],
    "bring": ["brought"],
    "leave": ["left"],
    "deny": ["denied"],
    "ally": ["allied"],
    "cut": ["cut"],
    "shut": ["shut"],
    "set": ["set"],
    "put": ["put"],
    "free": ["freed", "freeing"],
    "go": ["went", "gone"],
    "pay": ["paid"],
    "wage": ["waged"],
    "broker": ["brokered", "brokering"],
    "sever": ["severed", "severing"],
    "offer": ["offered", "offering"],
    "deliver": ["delivered", "delivering"],
    "question": ["questioned", "questioning"],
    "visit": ["visited", "visiting"],
    "target": ["targeted", "targeting"],
    "label": ["labelled", "labeled", "labelling"],
    "commit": ["committed", "committing"],
    "ban": ["banned", "banning"],
    "bomb": ["bombed", "bombing"],
    "partner": ["partnered", "partnering"],
    "harbour": ["harboured", "harbouring"],
    "harbor": ["harbored", "harboring"],
    "shelter": ["sheltered", "sheltering"],
    "phone": ["phoned", "phoning"],
    "telephone": ["telephoned", "telephoning"],
    "open": ["opened", "opening"],
    "reopen": ["reopened", "reopening"],
    "massacre": ["massacred", "massacring"],
    "pledge": ["pledged", "pledging"],
    "riot": ["rioted", "rioting"],
    "abduct": ["abducted"],
    "swear": ["swore", "sworn"],
    "cancel": ["cancelled", "cancelling", "canceled", "canceling"],
    "throw": ["threw", "thrown"],
    "blow": ["blew", "blown"],
    "forgive": ["forgave", "forgiven"],
    "retake": ["retook", "retaken"],
    "overrun": ["overran"],
}


# what may follow a verb in a phrase without being its object ("call on", "impose a curfew")
PARTICLES = frozenset(
    {
        "a",
        "an",
        "the",
        "its",
        "their",
        "on",
        "out",
        "for",
        "to",
        "in",
        "back",
        "down",
        "up",
        "with",
        "by",
        "off",
        "over",
    }
)


def inflect(lemma: str) -> list[str]:
    """A verb (or verb phrase: its first word inflects, and a determiner may follow it: "impose a
    curfew") in the forms news uses."""
    head, _, rest = lemma.partition(" ")
    if rest and rest.split()[0] not in PARTICLES:
        tails = [f" {rest}"] + [f" {d} {rest}" for d in ("a", "an", "the", "its", "their", "his", "her")]
    else:
        tails = [f" {rest}" if rest else ""]
    return sorted(f + tail for f in verb_forms(head) for tail in tails)


def verb_forms(head: str) -> list[str]:
    """A verb's own forms: itself, -s, -ed, -ing (and the irregular ones)."""
    forms = {head}
    if head in _IRREGULAR:
        forms |= set(_IRREGULAR[head])
    if head.endswith(("s", "sh", "ch", "x", "z")):
        forms.add(head + "es")
    elif head.endswith("y") and head[-2:-1] not in "aeiou":
        forms.add(head[:-1] + "ies")
    else:
        forms.add(head + "s")
    if not any(f.endswith("ed") for f in forms):
        if head.endswith("e"):
            forms.add(head + "d")
        elif head.endswith("y") and head[-2:-1] not in "aeiou":
            forms.add(head[:-1] + "ied")
        elif re.search(r"[^aeiou][aeiou][bdgklmnprt]$", head) and len(head) <= 4:
            forms.add(head + head[-1] + "ed")
        else:
            forms.add(head + "ed")
    if not any(f.endswith("ing") for f in forms):
        if head.endswith("ie"):
            forms.add(head[:-2] + "ying")
        elif head.endswith("e") and not head.endswith("ee"):
            forms.add(head[:-1] + "ing")
        elif re.search(r"[^aeiou][aeiou][bdgklmnprt]$", head) and len(head) <= 4:
            forms.add(head + head[-1] + "ing")
        else:
            forms.add(head + "ing")
    return sorted(forms)

"""The cues of event coding: the words around a trigger that decide who acted, on whom, and whether
it happened at all (regular expressions over the cleaned text, with an example of each)."""

import re

FOR = re.compile(r"(?i)\s+(?:[\w-]+\s+){0,1}?for\s+(?:the\s+)?")
OF = re.compile(r"(?i)\s+of\s+(?:the\s+)?")
POSSESSIVE = re.compile(r"['’]s?\s")
IRREGULAR_PARTICIPLES = frozenset(["struck", "hit", "shot", "held", "fought", "caught", "sent", "led", "met"])
WANTED = re.compile(  # "wants Putin to ", "expected Kabul to ": another's act, wished for
    r"\b(?:wants?|wanted|wanting|would like|expects?|expected|wish(?:es|ed)?|hopes? for)\s+"
    r"(?:[A-Z][\w.'’-]*\s+){1,4}to\s+(?:\w+ly\s+)?$"
)
FROM_GIVER = re.compile(r"(?i)\s+(?:[\w$€£.,%-]+\s+){0,6}?from\s+(?:the\s+)?")
NOT_AN_ACT = re.compile(  # idioms and conjunctions that only look like an act
    r"(?i)(?:str(?:ike|ikes|uck|iking)\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,2}(?:note|tone|balance|chord|pose)\b"
    r"|provided\s+(?:that\b|(?:[A-Z][\w'’.-]*\s+){1,3}(?:\w+ed|does|did|is|are|was|were|will|would|can|agrees?|"
    r"stops?|keeps?|meets?|remains?)\b)"
    r"|asked\s+(?:about|whether|if|by)\b"
    r"|call(?:s|ed|ing)?\s+back\b"
    r"|push(?:es|ed|ing)?\s+(?:[\w'’-]+\s+){1,4}?(?:close|closer|back|aside|towards?)\b)"
)
THING = re.compile(r"(?i)\s+(?:the|a|an|this|that|these|those)\s+(?!two\b|other\b)[a-z]")
TO_VERB = re.compile(r"\s+to\s+(?!the\b|a\b|an\b)[a-z]")
ACCORDING_TO = re.compile(r"(?i)\baccording\s+to\s+[^,;]*$")
_BEFORE_VERB = r"\s+(?:(?:also|later|then|again|further|once|even|had|has|have|would|will|\w+ly)\s+){0,2}$"
THEY = re.compile(r"\b(?:they|They)" + _BEFORE_VERB)  # "they refused": the subject named before
PLACE_PASSIVE = re.compile(r"(?i)\s+(?:was|were|is|are|has been|have been|had been)\s+(?:\w+ly\s+)?")
INFINITIVE = re.compile(r"(?i)\bto\s+(?!the\b)[a-z]+\b")  # "agreed to lift the sanctions on Iran"
CLAUSE = re.compile(r";|\s[—–]\s|,\s+(?:which|but|while|whereas|although)\b|\s(?:but|while|whereas)\s")
NEGATION = re.compile(
    r"(?i)\b(not|no|never|n't|without|refused to|failed to|declined to|nor|unwilling\w*|reluctan\w*)\b"
)
FUTURE = re.compile(
    r"(?i)\b(will|shall|plans? to|planning to|expected to|set to|scheduled to|to resume|intends? to|"
    r"would|next round|upcoming|is to|are to)\b"
)
CONDITION = re.compile(
    r"(?i)\b(if|unless|in case|should\s+\w+\s+\w+|any\s+(?:\w+\s+){0,3}would|would be met)\b"
)
CONTENT_OF = re.compile(
    r"(?i)\b(?:calls?|appeals?|requests?|demands?|proposals?|plans?|offers?|pleas?|bids?|push|pressure|"
    r"charges?|allegations?|suspicion)\s+(?:for|of)\s+$"
)
MEMBERS_OF = re.compile(  # "expelled inspectors of the IAEA": the people stand for the body
    r"(?i)\b(?:inspectors|monitors|observers|officials|members|representatives|envoys?|delegates|"
    r"delegation|staff|personnel|diplomats|peacekeepers)\s+of\s+(?:the\s+)?$"
)
COORDINATED = re.compile(  # a second verb of the same subject: "... and would deny", "and said they also"
    r"(?i)\b(?:and|but)\s+(?:(?:said|says|added|announced)\s+(?:that\s+)?(?:they|it|he|she)\s+)?"
    r"(?:(?:also|would|will|had|has|have|then|later|again|not|could|may)\s+){0,3}$"
)
APPOSITION = re.compile(r"\w,\s+(?:a|an|the|which|who|whose)\s+[^,;]*$")
PARTICIPLE_LEAD = re.compile(r",\s+(?:\w+ly\s+)?$")  # ", allegedly targeting"
NO_EVIDENCE = re.compile(
    r"(?i)\s+(?:no|any|little|further|more|the|new|fresh)?\s*(?:evidence|proof|details|explanation|"
    r"comment|clarification|information|figures|data)\b"
)
OWN_SIDE = re.compile(
    r"(?i)\s+(?:his|her|its|their|our)\s+(?:own\s+)?(?:military|army|armed forces|forces|troops|soldiers|"
    r"people|citizens|nation|country|government|security forces|police)\b"
)

SIGN = re.compile(r"(?i)^sign")
SIGNED_DECREE = re.compile(
    r"(?i)\s+(?:(?:a|an|the|his|her|its|their|new)\s+)?(?:[\w-]+\s+){0,3}?"
    r"(?:directive|order|decree|law|bill|legislation|budget|memorandum)\b"
)
WITH = re.compile(r"(?i)\s+(?:[\w-]+\s+){0,2}?with\s+(?:the\s+)?")
ONE_WAY = re.compile(r"(?i)\b(?:to|for|upon|in|at)\s+(?:the\s+)?$")  # "agreed to", "a summit in"
PASSIVE = re.compile(  # "were killed", "had been reported killed", "are believed to have been killed"
    r"(?i)\b(was|were|been|being|is|are|be)\s+(?:\w+ly\s+)?"
    r"(?:(?:reported|said|believed|feared|thought|confirmed|presumed)\s+(?:to\s+have\s+been\s+)?)?$"
)
BY = re.compile(r"(?i)^\s+by\s+")
INFINITIVE_GAP = re.compile(r"(?i)\bto\s+[a-z]+\s")  # "by congress to help Iran": a clause between
AGENT = re.compile(r"(?i)\bby\s+(?:the\s+)?(?:[\w-]+\s+){0,2}$")
IN_STATE = re.compile(r"(?i)^\s+(?:[\w-]+\s+){0,2}?in\s+$")
STATIVE = re.compile(r"(?i)\s+(?:to|with)\b")  # "is opposed to", "is committed to": the subject's stance
BETWEEN = re.compile(r"(?i)\bbetween\s+$")
BLAME = "accus|blam|charg|suspect|condemn|critici[sz]|fault"
ACCUSED_OF = re.compile(  # "accused Kabul of harbouring", "arrested for collaborating"
    rf"(?i)\b(?:{BLAME}|arrest|detain|jail|convict|sentenc|prosecut|indict)\w*\b[^.;]{{0,100}}\b(?:of|for)\s+$"
)
ACCUSED_OF_NOUN = re.compile(  # "blamed India for the suicide blast"
    rf"(?i)\b(?:{BLAME})\w*\b[^.;]{{0,100}}\b(?:of|for)\s+(?:[\w-]+\s+){{0,3}}$"
)
JOIN = re.compile(r"\s*(?:,|and|&|,\s*and)\s+(?:the\s+)?")
BOTH = re.compile(
    r"(?i)^\s+(?:\w+\s+){0,2}?(?:both sides|both countries|both parties|the two sides|"
    r"the two countries|the two neighbou?rs|both nations|the two nations)\b"
)
BOTH_SUBJECT = re.compile(  # "the two countries had agreed", "both sides will", "the two have"
    r"(?i)\b(?:both\s+(?:sides|countries|parties|governments|nations)|the\s+two\s+(?:sides|countries|"
    r"neighbou?rs|nations|governments|parties|leaders|delegations)|the\s+two(?=\s+(?:have|has|had|will|would)))"
    r"\s+(?:(?:have|has|had|will|would|also|jointly|\w+ly)\s+){0,2}$"
)
BASE_VERB_LEAD = re.compile(
    r"(?i)\b(?:to|will|would|could|can|may|might|must|should|shall|not|n't|did|do|does|they|we|i|you|"
    r"and|or|also|jointly|both|then|who|that|which)\s+(?:\w+ly\s+)?$"
)
NOT_CANDIDATE = re.compile(r"(?i)^(?:was|were|has|is|as|its|his|this|has been|said|says)\b")
CONDITIONAL_INTENT = re.compile(r"(?i)\b(?:unless|if)\b")
TALKS_AFTER = re.compile(
    r"(?i)^\s+(?:the\s+|these\s+|their\s+)?(?:[\w-]+\s+)?(?:talks|discussions|negotiations|dialogue|meeting|process)\b"
)
SELF_DIRECTED = frozenset({"PROTEST", "CONCEDE", "COERCE", "REQUEST", "ACCUSE", "REJECT", "THREATEN"})
OBLIGE = re.compile(
    r"(?i)\b(?:must|has to|have to|needs to|need to|ought to)\s+(?:\w+ly\s+)?(?!be\b|have\b)[a-z]+"
)
SUBJECT_GAP = re.compile(r"(?i)\s*(?:(?:and|,)?\s*(?:other\s+)?[a-z-]+\s+){0,2}")
CLAIMED_TYPES = frozenset({"ASSAULT", "AID", "COERCE"})
CLAIM = re.compile(
    r"(?i)\b(?:claim(?:ed|s|ing)?|alleg(?:ed|es|ing)|saying|said|says|accus(?:ed|es|ing)|insist(?:ed|s|ing))\s+(?:that\s+)?"
)
INTENDED = re.compile(r"(?i)\b(?:will|would|shall|willing|ready|prepared|aims?|plans?|wants?|intends?)\b")
CONTENT_RECIPIENT = re.compile(  # the recipient of a promised, demanded or threatened act
    r"(?i)\s+(?:[\w'’-]+\s+){0,5}?to\s+[a-z]+\b[^,;:]{0,60}?\b(?:to|for|against|on|with|from|into)\s+(?:the\s+)?"
)
POSTMODIFIER = re.compile(  # "sides of the island of ", "loyal to Iraq's Al-Qaeda frontman "
    r"(?i)\s+(?:(?!that\b)[\w'’-]+\s+){0,3}?(?:of|loyal to|based in|operating in)\s+(?:the\s+)?"
    r"(?:(?!that\b)[\w'’-]+\s+){0,4}?"
)
PERSONAL = re.compile(r"\b(we|us|our|you|your)\b", re.I)
IMPERATIVE = re.compile(r"(?i)^(?:do not|don't|please|never|stop|let)\b")
MUST = re.compile(r"(?i)\b(?:must|should|has to|have to|needs? to)\s+(?:\w+ly\s+|be\s+ready\s+to\s+)?$")
INTENT = re.compile(
    r"(?i)\b(?:will|would|shall|(?:(?:is|are|was|were|be)\s+)?(?:willing|ready|prepared|set)\s+to|"
    r"(?:pledged|promised|offered|agreed|plans?|planned|intends?|vowed|wants?|wanted|seeks?|sought|aims?)"
    r"\s+to)\s+(?:\w+ly\s+)?$"
)
AUXILIARY = re.compile(r"(?i)\b(?:did|does|do|not|to|will|would|could|can|may|might|must|should|n't)\s+$")
DETERMINER = re.compile(r"(?i)\b(?:the|a|an|its|their|his|her|our|these|those|same|such|no)\s+$")
PRONOUN = re.compile(r"\b(?:he|she|He|She)" + _BEFORE_VERB)  # "where he urged": the person named before
VERBAL = frozenset({"AGREE", "SUPPORT", "REQUEST", "REJECT", "THREATEN", "CONCEDE"})
COMPLEMENT = re.compile(  # "urged Kabul to ", "demanded that Israel "
    r"(?i)\s+(?:[\w'’.-]+\s+){0,6}?(?:to|that(?:\s+[\w'’.-]+){0,3})\s+(?:\w+ly\s+)?"
)
NOUN_COMPLEMENT = re.compile(r"(?i)\s+(?:[\w'’.-]+\s+){0,4}?to\s+[a-z]+\s+(?:[\w-]+\s+){0,3}")
OBJECT = re.compile(r"(?i)\s+(?:[\w.'’-]+\s+){0,3}")  # "rejected a fresh ", "rejected Iran's "
NOUN_INTENT = re.compile(
    r"(?i)\b(?:will|would|shall)\s+(?:impose|tighten|extend|launch|provide|give|send|offer|deliver|begin|"
    r"start|stage|declare|resume|expand|reimpose)\s+(?:(?:a|an|the|its|their|new|further|more|[\w-]+)\s+){0,2}$"
)
OUTWARD = frozenset({"AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "RETREAT", "MOBILIZE", "SANCTION"})
REPORTER = re.compile(  # a closing attribution: ", Thai military sources said today."
    r",\s+(?:[\w.'’-]+\s+){0,12}?(?:said|says|told|reported|reports|added|announced|stated|confirmed)\b"
    r"[^,;“”\"]{0,60}$"
)
# the nouns of military exercises ("military exercises", "war games", "naval drills")
EXERCISES = re.compile(r"(?i)(?:[\w-]+\s+){0,2}?(?:exercises?|war[\s-]?games?|drills?)\b")
# "a press release": a statement, not the release of anyone
PRESS = re.compile(r"(?i)\b(?:press|news|media)\s+$")
MODIFIER_OF = re.compile(
    r"(?i)^\s+(?:crimes?|criminals?|tribunal|court|veterans?|memorial|museum|anniversary|victims?|"
    r"correspondents?|reporters?|widows?|orphans?|forces|troops|helicopters?|aircraft|jets?|planes?|"
    r"ships?|submarines?|missiles?|units?|squads?)\b"
)
BACKGROUND_PASSIVE = re.compile(
    r"(?i)\b(?:where|in which|during which)\s+[^,;]*?\b(?:was|were|been|be)\s+(?:\w+ly\s+)?$"
)
READY = re.compile(  # "France is ready to contribute troops": an offer, whatever the verb
    r"(?i)\b(?:is|are|was|were|be|been|remains?|stands?)\s+(?:\w+ly\s+)?((?:willing|ready|prepared)\s+to)\s+(?=[a-z])"
)
VERBAL_CONFLICT = frozenset({"REQUEST", "ACCUSE", "REJECT", "THREATEN"})
NOT_VERB = re.compile(r"(?i)\b(?:not|never|n't|fail(?:ed|s)?\s+to(?:\s+reach)?(?:\s+an?)?)\s+(?:\w+ly\s+)?$")
DECIDED = re.compile(  # "announced it would prohibit": a decision, coded as the act itself (future)
    r"(?i)\b(?:announc|decid|order|approv)\w*\s+(?:\w+\s+){0,2}?(?:that\s+)?(?:it|they|the\s+\w+)\s+"
    r"(?:would|will)\s+(?:\w+ly\s+)?$"
)
MAY = re.compile(r"(?i)\b(?:may|might|could)\s+(?:\w+ly\s+)?$")
PROGRESSIVE = re.compile(r"(?i)\b(?:is|are|was|were|been|be)\s+(?:\w+ly\s+)?$")
REFUSED_YIELD = re.compile(r"(?i)\b(?:will|would|shall|could|can|must)\s*(?:not|never|n't)\s+$")
ANY = re.compile(r"(?i)\bany\s+(?:[\w-]+\s+){0,3}(?:of\s+)?$")
IF = re.compile(r"(?i)\b(?:if|unless|should(?=\s+[A-Z]))\b")
THEIR = re.compile(r"(?i)\b(?:its|their|his|her)\s+(?:[\w-]+\s+){0,3}$")
LIGHT_VERB = re.compile(
    r"(?i)\b(?:launch(?:ed|es|ing)?|order(?:ed|s|ing)?|involved in|t(?:ake|akes|ook|aking) part in|"
    r"participat\w* in|carr(?:y|ied|ies|ying) out|conduct(?:ed|s|ing)?|"
    r"h[oe]ld(?:s|ing)?|attend(?:ed|s|ing)?|"
    r"sign(?:ed|s|ing)?|reach(?:ed|es|ing)?|issu(?:e|ed|es|ing)|deliver(?:ed|s|ing)?|stag(?:e|ed|es|ing)|"
    r"mount(?:ed|s|ing)?|pledg(?:e|ed|es|ing)|resum(?:e|ed|es|ing)|beg[iau]n|start(?:ed|s|ing)?|ma(?:de|ke|kes|king)|"
    r"express(?:ed|es|ing)?|voic(?:e|ed|es|ing)|reiterat(?:e|ed|es|ing)|reaffirm(?:ed|s|ing)?|"
    r"announc(?:e|ed|es|ing)|impos(?:e|ed|es|ing)|open(?:ed|s|ing)?|"
    r"receiv(?:e|ed|es|ing)|renew(?:ed|s|ing)?|step(?:ped|s)? up|intensif(?:y|ied|ies)|declar(?:e|ed|es|ing)|"
    r"organi[sz](?:e|ed|es|ing)|continu(?:e|ed|es|ing)|complet(?:e|ed|es|ing)|perform(?:ed|s|ing)?|on|"
    r"engag(?:e|ed|es|ing)(?:\s+[\w'’-]+){0,4}? in|"
    r"accelerat(?:e|ed|es|ing)|sp(?:ee|e)d(?:ed|s)? up|tighten(?:ed|s|ing)?|extend(?:ed|s|ing)?|"
    r"prolong(?:ed|s|ing)?|maintain(?:ed|s|ing)?|expand(?:ed|s|ing)?|escalat(?:e|ed|es|ing)|"
    r"le(?:d|ad|ads|ading)(?!\s+to\b)|head(?:ed|s|ing)?|"
    r"(?:views?|viewed|regard(?:s|ed)?|sees|saw|consider(?:s|ed)?|describ(?:e|es|ed)|brand(?:s|ed)?)"
    r"\s+(?:[\w-]+\s+){0,4}?as)\s+"
    r"(?:(?:a|an|the|its|their|his|her)\s+)?(?:[\w-]+\s+){0,2}(?:of\s+(?:[\w-]+\s+)?)?$"
)
GIVE = re.compile(r"(?i)\bg(?:ave|ive|ives|iven|iving)\s+(?:the\s+)?$")
GIFT = re.compile(r"\s+(?:[\w$€£.,%-]+\s+){0,6}?(?:of\s+|in\s+)?")
NOUN_PREP = re.compile(
    r"(?i)\s+(?:[\w-]+\s+){0,2}?(?:on|against|to|with|into|at|over|upon|in|from)\s+(?:the\s+)?"
)
DEFENDED = re.compile(r"(?i)^defend")
ORDERED = re.compile(r"(?i)^order")
CLOSING_SUBJECT = re.compile(r",\s+(?:[\w.'’-]+\s+){1,8}$")  # ", a human rights group " before a verb
CLOSING_TAIL = re.compile(r"[^,;“”\"]{0,40}")  # "here Wednesday." after it, to the end
VERBAL_PROTEST = re.compile(r"\s+(?:that\b|to\s+(?:the\s+)?[A-Z])")
LEADING_ADJUNCT = re.compile(
    r"(?i)^\s*(?:(?:a|one|two|three|several|hours|days|weeks)\s+(?:day|days|hours|weeks)?\s*)?"
    r"(?:after|following|before|as|when|while|since|despite|amid|in response to|in the wake of|"
    r"in retaliation for|under|in)\b[^,;]{0,150},\s"
)
ATTRIBUTION = re.compile(r"(?i)\b(according to|reported|reports|citing|quoted)\b")
NAMED_AS = re.compile(r"(?i)['’]?s?\s+(?:a|an|the|as|to|his|her|their|its|\w+er)\b")  # "called X a liar"
DIRECT_OBJECT_GAP = re.compile(r"\s+(?:the\s+)?")  # between a verb and its object: "warned the"

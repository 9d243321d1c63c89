"""Words that say what a reported number counts (killed, injured, detained ...).

Written for eventwire from the wording of wire reports and coder summaries
(GTD/ACLED style: "killing 3 soldiers", "At least 40 people were killed",
"the death toll rose to 60"); each list is a regex alternation.
"""

# Outcome words after the counted noun ("40 people were killed") or alone ("40 dead").
OUTCOME_AFTER = {
    "killed": r"killed|dead|died|slain|murdered|massacred|executed|shot dead|beheaded|lynched|burned to death|"
              r"(?:hacked|stabbed|beaten|bludgeoned|clubbed) to death|"
              r"lost their lives|perished|fatalities|deaths|fatally (?:shot|wounded|injured)|bodies (?:were )?"
              r"(?:found|recovered)",
    "injured": r"injured|wounded|hurt|hospitali[sz]ed|taken to hospital|injuries|maimed|critically injured|"
               r"seriously injured",
    "missing": r"missing|unaccounted for",
    "kidnapped": r"kidnapped|abducted|taken hostage|held hostage|taken captive|seized|hostages",
    "arrested": r"arrested|detained|apprehended|taken into custody|in custody|rounded up|captured",
    "displaced": r"displaced|forced to flee|fled their homes|made homeless|left homeless",
    "evacuated": r"evacuated",
    "responders": r"(?:were |had been )?(?:dispatched|deployed|sent|rushed) to",
}

# Active verbs before the number ("killing 103 people", "wounding three").
OUTCOME_BEFORE = {
    "killed": r"killing|killed|kill|kills|claimed the lives of|claiming the lives of|left dead|massacred|"
              r"shot dead|executed",
    "injured": r"wounding|wounded|injuring|injured|injures|wounds|hurting",
    "kidnapped": r"kidnapping|kidnapped|abducting|abducted|kidnap|abduct|took hostage|taking hostage|"
                 r"seized|seizing",
    "arrested": r"arresting|arrested|detaining|detained|apprehended|apprehending|nabbed",
    "displaced": r"displacing|displaced",
    "evacuated": r"evacuated|evacuating",
}

# "left 5 dead and 12 injured": the outcome comes after the number, the verb before it.
LEFT_VERBS = r"left|leaving|leaves"

# Nouns for the counted people; a figure about these counts the perpetrators, not the victims.
PERPETRATOR_NOUNS = (
    r"militants?|gunm[ae]n|attackers?|assailants?|terrorists?|insurgents?|(?:suicide )?bombers?|jihadists?|"
    r"perpetrators?|kidnappers?|hijackers?|abductors?|extremists?|rebels?|fighters of the group|"
    r"(?:suspected )?(?:members of the group)|raiders?|bandits?|gunmen"
)
PERSON_NOUNS = (
    r"people|persons?|civilians?|soldiers?|troops?|servicem[ae]n|police(?:m[ae]n|wom[ae]n)?|"
    r"(?:police |security |army |military )?(?:officers?|personnel|guards?|agents?|members?)|"
    r"children|child|kids?|boys?|girls?|wom[ae]n|m[ae]n|babies|infants?|famil(?:y|ies)|households|"
    r"school(?:girls|boys|children)|"
    r"worshippers|pilgrims|students?|pupils|teachers?|villagers?|farmers?|herders?|residents?|"
    r"passengers?|workers?|miners?|employees|staff|shoppers|customers|bystanders|pedestrians|"
    r"tourists?|journalists?|reporters?|protesters?|demonstrators?|officials?|leaders?|"
    r"family members|relatives|victims?|individuals|others?|more|fighters?|combatants?|"
    r"Christians?|Muslims?|Shi(?:'|i)tes?|Sunnis?|Hazaras?|Fulanis?|refugees?|migrants?|"
    r"patients|doctors?|nurses?|medics?|aid workers?|volunteers?|prisoners?|inmates|detainees|"
    r"suspects?|crew members?|sailors?|guardsmen|gendarmes?|militiam[ae]n|policemen|"
    r"forces|force members|colleagues|brothers|sisters|sons|daughters|cousins|husband|wife|elders?|commanders?|chiefs?|drivers?|wardens?|"
    r"ambulance crews|ambulances|firefighters|rescuers|fire engines|emergency crews|rescue teams?|"
    r"of them|of whom|of the victims|" + PERPETRATOR_NOUNS
)
RESPONDER_NOUNS = r"ambulance crews|ambulances|firefighters|rescuers|fire engines|emergency crews|rescue teams?"

# A sentence about other events than this one: its figures are kept, flagged "background",
# and never chosen as the incident's figure.
BACKGROUND = (
    r"\bsince (?:the (?:start|beginning)|january|february|march|april|may|june|july|august|september|october|"
    r"november|december|\d{4}|last)|\bso far this (?:year|month)|\bthis year\b|\blast year\b|\bin \d{4}\b|"
    r"\b(?:war|conflict|insurgency|violence|fighting|campaign|crisis) (?:has|have|that has|which has) "
    r"(?:killed|left|claimed)|\bover the (?:past|last) (?:\w+ )?(?:days|weeks|months|years)\b|\bprevious "
    r"(?:attack|attacks|bombing)|\bearlier attack|\bdeadliest since|\bin total since"
)

# Hypothetical or threatened figures are not counts.
# "may" only in lower case: "On 8 May 2020" is a date, not a modal.
HYPOTHETICAL = r"\b(?:could|(?-i:may)|might|would|threatened to|plans? to|planned to|feared|fears|expected to)\b"

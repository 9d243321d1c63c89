"""Words that say what a reported number counts (killed, injured, detained ...).

Written for eventwire from the wording of wire reports and coder summaries
(GTD/ACLED style: "killing 3 soldiers", "At least 40 people were killed",
"the death toll rose to 60"); each list is a regex alternation.
"""

# Outcome words after the counted noun ("40 people were killed") or alone ("40 dead").
OUTCOME_AFTER = {
    "killed": r"killed|dead|died|slain|murdered|massacred|executed|shot dead|beheaded|lynched|"
              r"(?:hacked|stabbed|beaten|bludgeoned|clubbed|shot|burned|burnt|tortured|strangled|hanged) to death|"
              r"strangled|gunned down|assassinated|"
              r"lost their lives|perished|fatalities|deaths|fatally (?:shot|wounded|injured|stabbed|assaulted|beaten)|"
              r"bodies (?:were )?"
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
              r"shot dead|executed|executing|beheaded|beheading|murdered|murdering|assassinated|slaughtered|"
              r"(?:the )?(?:murders?|killings?|deaths?|massacre|assassinations?|executions?|slaying) of(?: the)?",
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
    # roles, trades and kin, as coder summaries and wire copy name victims ("Two University lecturers")
    r"hostages?|captives?|abductees|lecturers?|professors?|judges?|lawyers?|prosecutors?|peacekeepers?|"
    r"contractors?|traders?|vendors?|merchants?|shopkeepers?|fisherm[ae]n|hunters?|loggers?|labou?rers?|"
    r"engineers?|technicians?|clerics?|imams?|priests?|pastors?|monks?|nuns?|preachers?|clergym[ae]n|"
    r"activists?|politicians?|councill?ors?|lawmakers?|legislators?|mayors?|governors?|candidates?|voters?|"
    r"motorists?|motorcyclists?|cyclists?|commuters?|travell?ers?|locals?|inhabitants?|citizens?|nationals?|"
    r"foreigners?|expatriates?|IDPs?|youths?|teenagers?|teens?|adolescents?|minors?|toddlers?|"
    r"(?:grand)?(?:fathers?|mothers?|parents?)|husbands|wives|brothers?|sisters?|sons?|daughters?|nephews?|"
    r"nieces?|uncles?|aunts?|siblings?|in-laws|bodyguards?|escorts?|recruits?|cadets?|conscripts?|marines?|"
    r"paratroopers?|rangers?|sergeants?|lieutenants?|constables?|chairm[ae]n|directors?|administrators?|"
    r"ministers?|informants?|spies|collaborators?|defectors?|smugglers?|traffickers?|criminals?|robbers?|"
    r"thieves|patients?|worshippers?|pilgrims?|shoppers?|customers?|bystanders?|pedestrians?|employees?|"
    r"hospital staff|health workers?|officers?|missionar(?:y|ies)|seminarians?|deacons?|bishops?|"
    r"of them|of whom|of the victims|" + PERPETRATOR_NOUNS
)
# Singular roles that name one person in a list without a number ("the judge, his wife and his
# associate were killed"), beside PERSON_NOUNS: office-holders, kin and companions as news names them.
ROLE_NOUNS = (
    r"associates?|companions?|friends?|neighbou?rs?|spokes(?:person|man|woman)|assistants?|aides?|secretary|"
    r"deput(?:y|ies)|heads?|owners?|managers?|presidents?|chairs?|chairpersons?|founders?|editors?|"
    r"principals?|headm(?:aster|istress)|headmen|headman|coordinators?|representatives?|envoys?|ambassadors?|"
    r"consuls?|diplomats?|senators?|congressm[ae]n|assemblym[ae]n|magistrates?|sheikh?s?|emirs?|chieftains?|"
    r"rulers?|kings?|princes?|princesses|queens?|wi(?:fe|ves)|fianc[eé]e?|girlfriend|boyfriend|partners?|"
    r"grand(?:son|daughter|child)s?|stepsons?|stepdaughters?|infants?|guests?|hosts?|caretakers?|"
    r"watchm[ae]n|security guards?|gatekeepers?|cooks?|servants?|maids?|nannies|nanny|tenants?|landlords?|"
    r"landowners?|bosses|boss|employers?|accountants?|bankers?|businessm[ae]n|businesswom[ae]n|"
    r"entrepreneurs?|pharmacists?|dentists?|surgeons?|physicians?|students?|scholars?|academics?|"
    r"researchers?|scientists?|passers?-?by|passersby|onlookers?|visitors?|pedestrian|worshipper|"
    r"officer|official|member|chief|commander|soldier|policeman|policewoman"
)
# What a number before or after an outcome verb may count that is not people: animals, things, time
# ("killed 23 cows", "killed several hours later", "destroyed 5 houses and killed 2").
NOT_PEOPLE_NOUNS = (
    r"cows?|cattle|goats?|sheep|camels?|donkeys?|horses?|pigs?|chickens?|livestock|animals?|dogs?|birds?|"
    r"heads of cattle|hours?|days?|weeks?|months?|years?|minutes?|seconds?|times|kilomet(?:re|er)s?|km|miles?|"
    r"met(?:re|er)s?|vehicles?|cars?|houses?|homes?|huts?|buildings?|shops?|rounds?|bullets?|shells?|rockets?|"
    r"mortars?|missiles?|percent|per cent|%"
)
RESPONDER_NOUNS = r"ambulance crews|ambulances|firefighters|rescuers|fire engines|emergency crews|rescue teams?"

# A sentence about other events than this one: its figures are kept, flagged "background",
# and never chosen as the incident's figure.
BACKGROUND = (
    r"\bsince (?:the (?:start|beginning)|january|february|march|april|may|june|july|august|september|october|"
    r"november|december|\d{4}|last)|\bso far this (?:year|month)|\bthis year\b|\blast year\b|\bin \d{4}\b|"
    r"\b(?:war|conflict|insurgency|violence|fighting|campaign|crisis) (?:has|have|that has|which has) "
    r"(?:killed|left|claimed)|\bover the (?:past|last) (?:\w+ )?(?:days|weeks|months|years)\b|\bprevious "
    r"(?:attack|attacks|bombing)|\bearlier attack|\bdeadliest since|\bin total since|"
    # a death that caused this event (a protest, a raid), told as its reason: "demonstrated after the killing of"
    r"\b(?:after|following|over|against|condemn\w*|denounc\w*|justice for|avenge|responsible for|"
    r"in connection (?:with|to))\s+(?:the\s+)?(?:recent\s+)?(?:killings?|deaths?|murders?|assassinations?|"
    r"massacre|lynching|shooting)\s+of\b"
)

# A death told as what a protest answered, with a verb: "demonstrated after a gendarme shot and killed a
# trader", "a vigil protesting HTS having executed a commander". The killing's figures are background.
PROTEST_CAUSE = (
    r"\b(?:protest\w*|demonstrat\w*|rall(?:y|ies|ied)|march(?:ed|es)?|vigil|sit-in|riot\w*|mourn\w*|"
    r"funeral)\b[^.;]{0,120}?\b(?:after|following|over|having|because|in response to|to protest|in protest|"
    r"protesting|denouncing|condemning|demanding justice for)\b(?=[^.;]{0,60}?\b(?:killed|killing|shot|murdered|"
    r"executed|assassinated|died|death|beaten|stabbed|lynched)\b)"
)

# "3 militants were killed, injured or captured", "15 assailants were killed or injured": one number for
# several outcomes is a count of none of them (GTD and ACLED code neither the dead nor the wounded).
EITHER_OR = (
    r"(?:\s*,\s*(?:injured|wounded|hurt|captured|arrested|detained|abducted|kidnapped|killed))*\s*,?\s*"
    r"(?:or|and/or)\s+(?:injured|wounded|hurt|captured|arrested|detained|abducted|kidnapped|killed|missing)\b"
)

# Hypothetical or threatened figures are not counts.
# "may" only in lower case: "On 8 May 2020" is a date, not a modal.
HYPOTHETICAL = r"\b(?:could|(?-i:may)|might|would|threatened to|plans? to|planned to|feared|fears|expected to)\b"

# A figure told as the total of several incidents, which the datasets split between them:
# GTD's "... were killed across both attacks" / "This was one of three related attacks",
# ACLED's "Fatalities split between 2 events (4)". The number of incidents is read from the
# figure's own sentence first, then from the article's "one of N" sentence.
INCIDENT_NOUNS = (r"attacks|incidents|blasts|bombings|explosions|raids|assaults|ambushes|clashes|events|"
                  r"locations|strikes|airstrikes|operations|days|areas|villages|districts|fronts|provinces")
# In the figure's sentence: "across the attacks", "in both attacks", "between two of the attacks",
# "in the attacks" (the plural alone needs the article's "one of N" for the number).
_N = r"both|two|three|four|five|six|seven|eight|nine|ten|\d{1,2}"
_PLURAL_ATTACKS = r"attacks|incidents|blasts|bombings|explosions|raids|assaults|ambushes"
ACROSS_INCIDENTS = (
    rf"\b(?:across|throughout)\s+(?:the\s+|all\s+|these\s+|those\s+)?(?:(?P<n>{_N})\s+)?(?:[\w-]+\s+)?"
    rf"(?:{_PLURAL_ATTACKS}|clashes|events)\b"
    rf"|\b(?:in|during|from)\s+(?:(?P<n2>both|all)\s+|the\s+(?:(?P<n3>{_N})\s+)?)(?:the\s+)?(?:[\w-]+\s+)?"
    rf"(?:{_PLURAL_ATTACKS})\b"
    rf"|\bbetween\s+(?:the\s+)?(?P<n4>{_N})\s+(?:of\s+the\s+)?(?:[\w-]+\s+)?(?:{_PLURAL_ATTACKS})\b"
)
# Anywhere in the article: "This was one of (at least) five related attacks".
ONE_OF_INCIDENTS = (
    r"\bone of (?:at least |the )?(?P<n>two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+"
    r"(?:[\w-]+\s+){0,2}?(?:attacks|incidents|bombings|blasts|explosions|raids|assaults|ambushes|clashes)\b"
)
# A coder's note that the fatalities are divided between incidents, with the share when given:
# "Fatalities split between 2 events", "coded as 10 and spread across two locations", "(4)".
SPLIT_BETWEEN = (
    r"\b(?:split|spread|divided|distributed|coded)(?:\s+up|\s+equally|\s+evenly)?\s+(?:between|among|across|over|into)"
    r"\s+(?:the\s+)?"
    r"(?P<n>two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+(?:" + INCIDENT_NOUNS + r")\b"
    r"(?:\s*\((?P<each>\d+)\))?"
)

"""Cue words for event types: GTD attack types and ACLED event/sub-event types.

Each entry: (type, regex, weight). Written for eventwire from the GTD codebook's
and ACLED codebook's definitions of each category; weights say how decisive a
cue is (a "suicide bomber" decides a bombing; "attack" alone decides little).
"""

GTD_ASSASSINATION = "Assassination"
GTD_ARMED = "Armed Assault"
GTD_BOMBING = "Bombing/Explosion"
GTD_HIJACKING = "Hijacking"
GTD_BARRICADE = "Hostage Taking (Barricade Incident)"
GTD_KIDNAPPING = "Hostage Taking (Kidnapping)"
GTD_FACILITY = "Facility/Infrastructure Attack"
GTD_UNARMED = "Unarmed Assault"
GTD_UNKNOWN = "Unknown"

# GTD codes attacktype1 by this hierarchy when several apply (GTD codebook).
GTD_HIERARCHY = [GTD_ASSASSINATION, GTD_HIJACKING, GTD_KIDNAPPING, GTD_BARRICADE, GTD_BOMBING, GTD_ARMED,
                 GTD_UNARMED, GTD_FACILITY, GTD_UNKNOWN]

# Office-holders whose killing GTD codes as an assassination.
_OFFICE = (r"(?:police commissioner|commissioner|governor|mayor|judge|prosecutor|minister|deputy|lawmaker|"
           r"parliamentarian|member of parliament|senator|councillor|council member|district chief|chief|head|"
           r"director|commander|spokes(?:man|woman|person)|chairman|leader|elder|cleric|imam|candidate|"
           r"journalist|activist|government officials?|officials?)")

GTD_CUES = [
    (GTD_ASSASSINATION, r"\bassassinat\w+", 3.0),
    (GTD_ASSASSINATION, r"\b(?:killed|shot dead|gunned down|murdered)\b[^.]{0,40}\b(?:mayor|governor|judge|"
                        r"lawmaker|politician|MP|senator|minister|chief|commander|official|leader|candidate|"
                        r"activist|journalist|cleric|imam|prosecutor)\b", 1.0),
    (GTD_ASSASSINATION, r"\b(?:mayor|governor|judge|lawmaker|politician|senator|minister|official|leader|"
                        r"candidate|activist|journalist|cleric|prosecutor|chief)\b[^.]{0,40}\b(?:was|were) "
                        r"(?:shot dead|gunned down|killed|murdered|assassinated)\b", 1.0),
    # A person singled out: the vehicle or home of a named person or of an office-holder
    # ("targeting the vehicle of General X", "the vehicle belonging to Ahmad al-Ibrahim, the head of").
    (GTD_ASSASSINATION, r"\b(?:vehicle|convoy|car|house|home|residence|motorcade) (?:of|belonging to) "
                        r"(?:[a-z-]+ ){0,3}(?-i:[A-Z][\w'-]+ (?:al-|el-|bin |ibn )?[A-Z])", 3.0),
    (GTD_ASSASSINATION, r"\b(?:vehicle|convoy|car|house|home|residence|motorcade) (?:of|belonging to|transporting) "
                        r"(?:the |a |an )?(?:[\w-]+ ){0,3}" + _OFFICE + r"\b", 3.0),
    (GTD_ASSASSINATION, r"\b(?:shot|stabbed|attacked|targeted|opened fire on)(?: and (?:killed|injured|wounded))? "
                        r"the " + _OFFICE + r" of\b", 3.0),
    (GTD_HIJACKING, r"\bhijack\w*", 3.0),
    (GTD_KIDNAPPING, r"\b(?:kidnap\w*|abduct\w*|taken hostage|took \w+ hostage|hostages?|captive|ransom)\b", 2.0),
    (GTD_BARRICADE, r"\b(?:barricad\w+|siege|held hostage inside|standoff)\b", 2.0),
    (GTD_BOMBING, r"\b(?:bomb\w*|explosi\w+|explod\w+|IEDs?|improvised explosive|blasts?|detonat\w+|grenades?|"
                  r"landmines?|mines? (?:exploded|blast)|suicide (?:attack|bomb\w*|vest)|mortars?|rockets?|"
                  r"shell(?:s|ed|ing)?|artillery|projectiles?|missiles?|drone strikes?|airstrikes?|air strikes?)\b",
     1.5),
    (GTD_ARMED, r"\b(?:opened fire|open fire|gunm[ae]n|shot|shooting|shootout|gunfire|firearms?|guns?|"
                r"ambush\w*|stormed|assault rifles?|automatic weapons|stabb\w+|knife|"
                r"machetes?|hacked|firing|clash(?:es)?|firefight|gun ?battle)\b", 1.0),
    # GTD codes a plain "attacked" whose means the text does not give as Unknown, not Armed Assault.
    (GTD_UNARMED, r"\b(?:beaten|beat (?:him|her|them)|punched|lynched|poison\w*|acid|stoned)\b", 1.5),
    (GTD_FACILITY, r"\b(?:arson\w*|set (?:\w+ ){0,3}(?:on )?fire|set ablaze|torched|burn(?:ed|t) (?:down)?|"
                   r"incendiary|vandali[sz]\w+|sabotag\w+|destroyed|damaged|razed|ablaze|firebomb\w*|"
                   r"confiscat\w+|looted|stole)\b", 1.0),
]

# ACLED: (event_type, sub_event_type, disorder_type, regex, weight).
PV, DEM, SD = "Political violence", "Demonstrations", "Strategic developments"
ACLED_CUES = [
    ("Explosions/Remote violence", "Suicide bomb", PV, r"\bsuicide (?:bomb\w*|attack\w*|vest|car)|"
     r"blew (?:himself|herself|themselves) up\b", 4.0),
    ("Explosions/Remote violence", "Air/drone strike", PV, r"\b(?:air ?strikes?|drone strikes?|airstrikes?|"
     r"air raids?|bombarded from the air|warplanes?|aircraft|drones?|helicopter gunships?|jets)\b", 2.5),
    ("Explosions/Remote violence", "Shelling/artillery/missile attack", PV, r"\b(?:shell(?:s|ed|ing)|artillery|"
     r"mortars?|rockets?|missiles?|projectiles?|grenade launchers?|explosions? involving unknown weapons)\b", 2.0),
    # A device named decides an IED; a bare "explosion" or "blast" leans to it only a little.
    ("Explosions/Remote violence", "Remote explosive/landmine/IED", PV, r"\b(?:IEDs?|improvised explosive|"
     r"landmines?|land mines?|roadside bomb|mines?|explosive device|car bomb|magnetic bomb|sticky bomb)\b", 2.5),
    ("Explosions/Remote violence", "Remote explosive/landmine/IED", PV, r"\b(?:bomb\w*|explo\w+|blasts?|"
     r"detonat\w+)\b", 1.0),
    ("Explosions/Remote violence", "Grenade", PV, r"\bgrenades?\b(?! launchers?)", 2.5),
    ("Explosions/Remote violence", "Chemical weapon", PV, r"\bchemical (?:weapon|attack|agent)s?\b", 3.0),
    # Two armed sides firing at each other is a battle whatever the weapons (ACLED codebook).
    ("Battles", "Armed clash", PV, r"\b(?:clash\w*|fighting|fought|exchange of fire|exchanged (?:fire|artillery|"
     r"gunfire)|gun ?battle|engaged|firefight|battle\w*|repelled|repulsed|counter-?attack\w*|shoot-?out|"
     r"small arms|machine ?guns|(?:fired|firing|shot) (?:with )?(?:unspecified|unknown) weapons|in both directions|"
     r"responded to the fire)\b", 3.0),
    ("Battles", "Government regains territory", PV, r"\b(?:regain\w*|recaptur\w+|retook|retaken|liberat\w+)\b"
     r"[^.]{0,40}\b(?:control|town|village|city|area|territory)\b", 3.0),
    ("Battles", "Non-state actor overtakes territory", PV, r"\b(?:seized control|took control|captured|"
     r"overran|overrun|took over)\b[^.]{0,40}\b(?:town|village|city|district|base|area|territory)\b", 3.0),
    ("Violence against civilians", "Abduction/forced disappearance", PV, r"\b(?:abduct\w*|kidnap\w*|"
     r"forcibly disappeared|taken hostage|hostages?)\b", 3.0),
    ("Violence against civilians", "Sexual violence", PV, r"\b(?:rap(?:e|ed|ing)|sexual(?:ly)? (?:assault\w*|"
     r"abuse\w*|violence))\b", 3.5),
    ("Violence against civilians", "Attack", PV, r"\b(?:killed|shot|attacked|murdered|beaten|stabbed|"
     r"hacked|massacre\w*|lynched|tortured|burned|assaulted|opened fire|gunm[ae]n|civilians?|villagers?|"
     r"found dead|bod(?:y|ies) (?:was|were) (?:found|discovered)|body of|heads? (?:was|were) found|"
     r"decapitated|drive-by|ambush\w*|bullets?|fired at)\b", 1.0),
    ("Protests", "Peaceful protest", DEM, r"\b(?:protest\w*|demonstrat\w+|rall(?:y|ied|ies)|(?-i:march(?:ed|es)?)|"
     r"sit-in|picket\w*|strike|gathered to demand|petition\w*)\b", 1.5),
    ("Protests", "Protest with intervention", DEM, r"\b(?:dispers\w+|tear ?gas|water cannon|arrested "
     r"(?:\w+ )?(?:protesters|demonstrators)|broke up|detained (?:\w+ )?(?:protesters|demonstrators)|"
     r"police intervened|blocked by police)\b", 3.0),
    ("Protests", "Excessive force against protesters", DEM, r"\b(?:(?:police|security forces|soldiers) "
     r"(?:shot|killed|opened fire)[^.]{0,40}(?:protesters|demonstrators)|live (?:ammunition|rounds|fire))\b",
     4.0),
    ("Riots", "Violent demonstration", DEM, r"\b(?:riot\w*|threw stones|stone-pelting|pelted|burn(?:ed|t|ing) "
     r"(?:rubber )?(?:tyres|tires)|blocked (?:the |a )?roads?|closed (?:the |a )?roads?|barricades?|"
     r"(?:police|security forces) clashed with (?:the )?(?:demonstrators|protesters)|violent (?:protest|demonstration)\w*|clashed with police|vandali[sz]\w+|set fire to)\b", 3.0),
    # Unorganised groups fighting each other or a person: communal violence is mob violence in ACLED.
    ("Riots", "Mob violence", PV, r"\b(?:mob|lynch\w*|vigilantes?|angry (?:crowd|residents|villagers)|scuffle|"
     r"clash(?:ed|es)? between (?:two |rival )?(?:groups|communities|villagers|families|farmers|clans|supporters)|"
     r"group of (?:people|residents|villagers|locals) (?:attacked|beat|assaulted)|communal)\b", 4.0),
    ("Strategic developments", "Arrests", SD, r"\b(?:arrest\w*|detain\w*|apprehend\w*|taken into custody)\b",
     1.5),
    ("Strategic developments", "Looting/property destruction", SD, r"\b(?:loot\w*|stole|stolen|steal\w*|"
     r"taking away|took away|robbed|destroyed|torched|"
     r"demolish\w*|set ablaze|burn(?:ed|t) (?:down )?(?:houses|homes|shops)|vandali[sz]\w+)\b", 1.5),
    ("Strategic developments", "Agreement", SD, r"\b(?:agreement|ceasefire|cease-fire|peace deal|signed|truce|"
     r"negotiat\w+|prisoner exchange|released (?:\w+ ){0,3}(?:hostages|prisoners))\b", 2.0),
    ("Strategic developments", "Disrupted weapons use", SD, r"\b(?:defus\w+|dismantl\w+|seized (?:\w+ )?"
     r"(?:weapons|explosives|arms)|intercepted|shot down|foiled|thwarted)\b", 3.5),
    ("Strategic developments", "Headquarters or base established", SD, r"\b(?:established (?:a )?(?:base|"
     r"headquarters|camp)|set up (?:a )?(?:base|camp|checkpoint))\b", 3.0),
    ("Strategic developments", "Change to group/activity", SD, r"\b(?:recruit\w*|launched (?:a|an) "
     r"(?:operation|campaign|offensive)|deployed|reinforcements?|training|merged|split|defect\w*|"
     r"surrender\w*|mobiliz\w+|joined|fortif\w+)\b", 1.0),
    # Governments' security measures (curfews, lockdowns) change what a state does: ACLED codes them so.
    ("Strategic developments", "Change to group/activity", SD, r"\b(?:curfew|lockdown|state of emergency|"
     r"security measures|face masks|restrictions|ordered the closure)\b", 1.5),
    ("Strategic developments", "Other", SD, r"\b(?:announced|banned|imposed|returned)\b", 1.0),
    ("Strategic developments", "Non-violent transfer of territory", SD, r"\b(?:withdr[ae]w\w*|handed over|"
     r"pulled out|retreated)\b[^.]{0,40}\b(?:town|village|city|area|territory|positions?|base)\b", 2.5),
]

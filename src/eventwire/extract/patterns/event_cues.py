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

# When the text names no means of attack, GTD's coders go by who was attacked: people and property
# that do not shoot back (villagers, a bus, a shop, a church) were attacked by armed men, an Armed
# Assault; an attack on soldiers', police or militia positions could have been made with anything
# (the "ensuing clash" is the defence), so its type stays Unknown. Labels are `targets.tsv`'s.
GTD_UNARMED_TARGET_LABELS = frozenset({
    "civilians", "business", "educational", "religious", "transportation", "ngo", "tourists", "food_water",
})
# Journalists attacked by means the text does not give were beaten, in GTD's coding: an Unarmed Assault.
GTD_BEATEN_TARGET_LABELS = frozenset({"journalists"})
# Power lines, pipelines and masts attacked by means the text does not give were sabotaged or
# set alight: GTD's facility/infrastructure attack.
GTD_INFRASTRUCTURE_TARGET_LABELS = frozenset({"utilities", "telecommunication"})

# Office-holders whose killing GTD codes as an assassination.
_OFFICE = (r"(?:police commissioner|commissioner|governor|mayor|judge|prosecutor|minister|deputy|lawmaker|"
           r"parliamentarian|member of parliament|senator|councillor|council member|district chief|chief|head|"
           r"director|commander|spokes(?:man|woman|person)|chairman|leader|elder|cleric|imam|candidate|"
           r"journalist|activist|government officials?|officials?)")

# Who is singled out: office-holders, ranked officers and community figures (GTD's "prominent" victims).
_PROMINENT = (r"(?:councill?ors?(?:-elect)?|council (?:member|chair\w*)|sarpanch|mukhtar|chair(?:man|woman|person)?|"
              r"elders?|chiefs?|head of|leaders?|rulers?|commanders?|commissioners?|directors?|presidents?|"
              r"candidates?|governors?|mayors?|judges?|prosecutors?|ministers?|lawmakers?|parliamentarians?|"
              r"member of parliament|MPs?|senators?|journalists?|editors?|activists?|clerics?|imams?|sheikhs?|"
              r"colonels?|generals?|brigadiers?|police chief|spokes(?:man|woman|person))")
# Attacks on one person: shots, knives or a killing aimed at someone.
_SHOT_AT = (r"(?:opened fire (?:on|at|targeting)|fired (?:at|on)|shot(?: and (?:killed|wounded|injured))?|shot dead|"
            r"stabbed(?: and (?:killed|wounded|injured))?|strangled(?: and killed)?|hacked to death|gunned down|"
            r"killed|murdered|assassinated|attacked and killed)")
# A person's name: two or more capitalised words (with al-, bin, de la ...), none of them a word that
# names an organisation, a force or a place ("National Army", "Gold Spa", "Kabul Bank").
_NOT_NAME_WORD = (r"(?!(?:Army|Forces?|Police|Gendarmerie|Directorate|Department|Ministry|Council|Movement|Party|"
                  r"Front|Brigade|Unit|Guard|Spa|Massage|Bank|Hotel|School|University|College|Church|Mosque|"
                  r"Base|Camp|Station|Market|Village|Town|City|District|Province|Road|Highway|Airport)\b)")
_PERSON_NAME = (r"(?-i:(?:Dr\.? |Mr\.? |Mrs\.? |Ms\.? )?" + _NOT_NAME_WORD + r"[A-Z][a-z'-]+(?: (?:al-|el-|Al-|"
                r"de la |de |bin |ibn |van )?" + _NOT_NAME_WORD + r"[A-Z][\w'-]+)+)")
# After the victim's name: a place, time or end of clause, with no apposition that gives a private role.
_AFTER_NAME = r"(?=,? (?:in|at|inside|outside|near|along|while|as|on|and his|and her)\b|\.)"
# The role words are not to skip past a preposition ("killed a police officer in Imam Sahib").
_ROLE_MODIFIERS = r"(?:(?!(?:in|at|of|on|near|and)\b)[\w-]+ ){0,3}?"

# Who fires back: security forces, police, soldiers or guards named right before the shooting word.
# (The letter lookahead first lets the engine skip non-word positions before the lookbehinds run.)
_NOT_DEFENDERS = ("(?=[a-z])(?<!forces )(?<!police )(?<!guards )(?<!guard )(?<!soldiers )(?<!troops )(?<!officers )"
                  "(?<!officer )(?<!personnel )")

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
                        r"(?:[a-z-]+ ){0,3}(?-i:[A-Z][\w'-]+(?: (?:al-|el-|bin |ibn )?[A-Z]|, (?:a|an|the) ))", 3.0),
    (GTD_ASSASSINATION, r"\b(?:vehicle|convoy|car|house|home|residence|motorcade) (?:of|belonging to|transporting) "
                        r"(?:the |a |an )?(?:[\w-]+ ){0,4}(?:" + _OFFICE + "|" + _PROMINENT + r")\b", 3.0),
    # Elders are killed for their standing in the community: GTD's prominent victims.
    (GTD_ASSASSINATION, r"\belders?\b", 3.0),
    (GTD_ASSASSINATION, r"\b(?:shot|stabbed|attacked|targeted|opened fire on)(?: and (?:killed|injured|wounded))? "
                        r"the " + _OFFICE + r" of\b", 3.0),
    # GTD's assassination is an attack on a person singled out for who they are: an office-holder
    # or someone prominent, or a person the text names, shot at or killed ("opened fire on X Y, a
    # town councilor", "shot and killed a tribal elder"). Rank-and-file soldiers and police officers
    # and private trades (farmer, driver, teacher) are not in the list: GTD codes those Armed Assault.
    (GTD_ASSASSINATION, r"\b" + _SHOT_AT + r" (?:a |an |the |two |three )?" + _ROLE_MODIFIERS + _PROMINENT + r"\b",
     3.0),
    (GTD_ASSASSINATION, r"\b" + _SHOT_AT + r" " + _PERSON_NAME + r"(?:, (?:a|an|the) " + _ROLE_MODIFIERS + _PROMINENT
     + r"\b|" + _AFTER_NAME + r")", 2.5),
    # The victim's role in an apposition of the casualty sentence ("Khan, a tribal elder, was killed").
    (GTD_ASSASSINATION, r"(?<=[a-z]), (?:a|an|the) [^,.;]{0,50}?" + _PROMINENT + r"\b[^,.;]{0,50}, "
                        r"(?:was|were) ", 2.0),
    # A bomb or shots aimed at a singled-out person ("detonated targeting a senior army officer",
    # "targeting the vehicle of the district police chief"); a building named for its holder
    # ("the governor's office") is property, not the person.
    (GTD_ASSASSINATION, r"\b(?:targeting|targeted|intended to target|aimed at) (?:the |a |an )?(?:(?:vehicle|car|"
                        r"convoy|house|home|residence|motorcade) (?:of |belonging to |carrying )(?:the |a |an )?)?"
                        + _ROLE_MODIFIERS + _PROMINENT + r"\b(?!'s)", 3.0),
    # Bodyguards are there because someone was worth killing: their presence says who was aimed at.
    (GTD_ASSASSINATION, r"(?<!without )(?<!without any )(?<!without his )(?<!no )\bbodyguards?\b", 2.5),
    (GTD_HIJACKING, r"\bhijack\w*", 3.0),
    # GTD's hijacking is taking control of a vehicle, whatever the word for it.
    # A vehicle stopped ("intercepted") to attack those inside is no hijacking, nor is a vehicle
    # laden with explosives that security forces seize.
    (GTD_HIJACKING, r"\b(?:seized|stole|steal|stealing|commandeered|detained|robbed|took control of) "
                    r"(?:(?!explosives?-laden)[\w-]+ ){0,5}?(?:vehicles?|trucks?|cars?|buses|bus|minibus(?:es)?|"
                    r"boats?|ships?|vessels?|ambulances?|aircraft|planes?|motorcycles?|motorbikes?|tankers?|"
                    r"lorr(?:y|ies))\b", 3.0),
    (GTD_KIDNAPPING, r"\b(?:kidnap\w*|abduct\w*|taken hostage|took \w+ hostage|hostages?|captive|ransom)\b", 2.0),
    # Victims beheaded, or taken from where they were before being killed, were first held captive:
    # GTD codes these as hostage taking.
    (GTD_KIDNAPPING, r"\b(?:beheaded|decapitated|forc(?:ed|ing) (?:\w+ ){0,2}(?:out of|from)|forc\w+ly (?:removed|taken)|"
                     r"dragged (?:\w+ ){0,3}(?:out of|from)|taken (?:\w+ )?to (?:a|an|the) (?:nearby )?(?:forest|bush|"
                     r"jungle|mountains?))\b", 2.0),
    (GTD_BARRICADE, r"\b(?:(?-i:barricad\w+)|siege|held hostage inside|standoff)\b", 2.0),
    # GTD's barricade incident: the victims are held where they were taken, not moved. People tied
    # up, tortured or raped at the scene were held there (an abduction named makes it a kidnapping).
    (GTD_BARRICADE, r"\b(?:tied up|tied (?:the|their|his|her) (?:hands|victims?)|tortured|sexually (?:assaulted|"
                    r"abused)|raped)\b", 2.0),
    # A petrol bomb or a Molotov cocktail is a fire thrown, not an explosive (GTD: incendiary).
    (GTD_BOMBING, r"\b(?:(?<!petrol )(?<!gasoline )(?<!fire)bomb\w*|explosi\w+|explod\w+|IEDs?|improvised explosive|blasts?|detonat\w+|grenades?|"
                  r"landmines?|mines? (?:exploded|blast)|suicide (?:attack|bomb\w*|vest)|mortars?|rockets?|"
                  r"shell(?:s|ed|ing)?|artillery|projectiles?|missiles?|drones?|drone strikes?|airstrikes?|air strikes?)\b",
     1.5),
    # "clash" is left out: an "ensuing clash" says the attacked fought back, not with what the attack
    # was made, and GTD codes such attacks on armed forces as Unknown (see `_gtd_without_means`).
    # The defenders' fire ("security forces opened fire on the vehicle, killing the driver") answers the
    # attack and says nothing of its means.
    (GTD_ARMED, r"\b" + _NOT_DEFENDERS + r"(?:opened fire|open fire|gunm[ae]n|shot|shoot|shooting|shootout|gunfire|"
                r"firearms?|guns?|ambush\w*|stormed|raid(?:ed|ing)?|assault rifles?|automatic weapons|"
                r"stab(?:bed|bing|s)?|knife|knives|"
                r"machetes?|hacked|firing|firefight|gun ?battle|gunpoint|sharp (?:objects?|weapons?)|"
                r"axes|spears?|bows? and arrows|arrows)\b", 1.0),
    # GTD codes a plain "attacked" whose means the text does not give as Unknown, not Armed Assault.
    # GTD's unarmed assault: harm by any means but explosives, firearms, fire or blades (fists, stones,
    # a vehicle driven at people, strangling, poison or chemicals).
    (GTD_UNARMED, r"\b(?:beaten|beat (?:him|her|them)|punched|kicked|slapped|lynched|poison\w*|acid|stoned|"
                  r"assaulted|strangl\w+|stones?|rocks|run over|ran over|rammed|drove (?:\w+ ){0,3}?(?:into|towards|"
                  r"onto|at) (?:a |an |the )?(?:crowd|people|pedestrians|soldiers|police|officers|protesters)|"
                  r"chemical (?:weapon|attack|agent)s?)\b", 1.5),
    (GTD_FACILITY, r"\b(?:arson\w*|set (?:\w+ ){0,3}(?:on )?fire|set ablaze|torched|burn(?:ed|t) (?:down)?|"
                   r"incendiary|vandali[sz]\w+|sabotag\w+|destroyed|damaged|razed|ablaze|firebomb\w*|"
                   r"confiscat\w+|looted|stole)\b", 1.0),
    (GTD_FACILITY, r"\b(?:threw|thrown|throwing|hurled|lobbed|tossed|with) (?:[\w-]+ ){0,3}?(?:petrol bombs?|"
                   r"gasoline bombs?|molotov(?: cocktails?)?)\b", 2.0),
]

# ACLED: (event_type, sub_event_type, disorder_type, regex, weight).
# Written from ACLED's public codebook: what each event and sub-event type means, in the words
# news and coders use for it. Strategic developments are what happens without a violent or
# demonstration event (ACLED codes them only then; `event_types._apply_strategic_rule` enforces it).
PV, DEM, SD = "Political violence", "Demonstrations", "Strategic developments"

# ACLED coders open some notes with the kind of development they record ("Looting: ...",
# "Movement of forces: ..."): a tag at the start of the note is decisive.
_NOTE_TAG = r"(?:^|\n)\s*"
# Heavy weapons fired from a distance: shelling in ACLED's sense, whoever answers.
_HEAVY_WEAPONS = (r"shell(?:s|ed|ing)|artillery|mortars?|rockets?|missiles?|projectiles?|grenade launchers?|"
                  r"(?:12\.7|14\.5|23)\s?mm|"
                  r"heavy (?:machine ?guns?|weapons|machineguns)|(?:heavy )?machineguns|anti-?tank|ATGMs?|"
                  r"IFVs?|infantry fighting vehicles?|tank (?:fire|shells?)|howitzers?|recoilless|"
                  r"Katyushas?|Grads?|MLRS|multiple rocket launchers?|explosions? involving")
# Groups that are no organised armed actor: when they clash, ACLED codes mob violence.
_CROWDS = (r"(?:two |rival )?(?:groups|youths|residents|villagers|locals|supporters|families|clans|communities|"
           r"villages|neighbou?rs|workers|students|traders|vendors|drivers|relatives|mobs?|crowds?|people)")
# A crowd's own violence: what turns a demonstration into a violent one (and, without a
# demonstration, a riot of a mob).
_CROWD_VIOLENCE = (r"threw (?:stones|rocks|bricks|bottles|petrol bombs|molotov\w*|objects)|"
                   r"hurl\w* (?:stones|rocks|bricks|bottles|petrol bombs|molotov\w*)|stone-?pelting|"
                   r"pelt\w*|molotov cocktails?|petrol bombs?|burn(?:ed|t|ing) (?:rubber |old )?(?:tyres|tires)|"
                   r"burning (?:objects|barricades|debris)|lit (?:\w+ )?(?:tyres|tires|bonfires)|"
                   r"(?:tyres|tires) (?:on fire|ablaze)|set (?:\w+ ){0,4}(?:on fire|alight|ablaze)|"
                   r"set fire to|torched|vandali[sz]\w+|ransack\w*|smashed|forced (?:their way|themselves) into|"
                   r"rampag\w+")

# Both sides firing: ACLED codes shelling or a grenade answered with fire, or heavy weapons used with
# small arms, as an armed clash (direct engagement), not remote violence.
ACLED_ENGAGEMENT = (r"\b(?:small arms|in both directions|fired back|returned (?:the )?fire|"
                    r"responded to (?:\S+ ){0,3}(?:fire|shelling|attacks?)|reacted with (?:gun)?fire|"
                    r"exchanged (?:heavy )?(?:fire|gunfire|shots)|exchanges? of (?:fire|gunfire)|shoot-?outs?|"
                    r"gun ?battles?|firefights?)\b")

# Who makes a crowd: a crowd's violence without one named (militants torching a church) is
# property destruction, not a riot.
ACLED_CROWD = (r"\b(?:mobs?|crowds?|youths|residents|villagers|locals|rioters|protesters|demonstrators|people|"
               r"supporters|community members|inhabitants|workers|students|migrants|prisoners|inmates|"
               r"group of)\b")

ACLED_CUES = [
    ("Explosions/Remote violence", "Suicide bomb", PV, r"\bsuicide (?:bomb\w*|attack\w*|vest|car)|"
     r"blew (?:himself|herself|themselves) up\b", 4.0),
    ("Explosions/Remote violence", "Air/drone strike", PV, r"\b(?:air ?strikes?|drone strikes?|airstrikes?|"
     r"air raids?|bombarded from the air|warplanes?|aircraft|drones?|helicopter gunships?|helicopters?|jets|"
     r"UAVs?|fighter planes?)\b", 2.5),
    # An air force acting is an air strike ("the air force targeted a truck"); one merely
    # supporting a ground operation is not, so this cue needs the verb.
    ("Explosions/Remote violence", "Air/drone strike", PV, r"\bair ?forces?\b[^.]{0,20}\b(?:targeted|struck|hit|"
     r"bombed|bombarded|raided|destroyed|carried out)\b", 3.0),
    ("Explosions/Remote violence", "Shelling/artillery/missile attack", PV, r"\b(?:" + _HEAVY_WEAPONS + r")\b",
     2.0),
    # A device named decides an IED; a bare "explosion" or "blast" leans to it only a little.
    ("Explosions/Remote violence", "Remote explosive/landmine/IED", PV, r"\b(?:IEDs?|improvised explosive|"
     r"landmines?|land mines?|roadside bomb|mines?|explosive device|car bomb|magnetic bomb|sticky bomb|"
     r"booby-?trap\w*|unexploded (?:ordnance|bombs?|shells?)|explosive remnants?)\b", 2.5),
    ("Explosions/Remote violence", "Remote explosive/landmine/IED", PV, r"\b(?:bomb\w*|explo\w+|blasts?|"
     r"detonat\w+)\b", 1.0),
    ("Explosions/Remote violence", "Grenade", PV, r"\bgrenades?\b(?! launchers?)", 2.5),
    ("Explosions/Remote violence", "Chemical weapon", PV, r"\bchemical (?:weapon|attack|agent)s?\b", 3.0),
    # Two armed sides firing at each other is a battle whatever the weapons (ACLED codebook).
    ("Battles", "Armed clash", PV, r"\b(?:clash\w*|fighting|fought|exchanges? of (?:fire|gunfire)|"
     r"exchanged (?:heavy )?(?:fire|artillery|gunfire|shots)|gun ?battles?|gunfights?|firefights?|"
     r"fire fights?|engaged (?:in (?:an? )?(?:\w+ )?(?:gun ?fights?|fire ?fights?|battles?|clash\w*|fighting|combat|"
     r"exchanges? of fire)|with (?:the )?(?:[\w-]+ ){0,3}(?:forces|militants|troops|fighters|rebels|army|police|"
     r"insurgents|gunmen))|"
     r"battle\w*|repelled|repulsed|counter-?attack\w*|shoot-?outs?|skirmish\w*|small arms|"
     r"(?:fired|firing|shot) (?:with )?(?:unspecified|unknown) weapons|in both directions|returned fire|"
     r"fired back|responded to (?:[\w-]+ ){0,3}(?:fire|attack)|retaliated|armed confrontations?|"
     r"(?:thwarted|foiled|repelled|repulsed) (?:an? |the )?(?:\S+ ){0,3}(?:attack|incursion|advance|"
     r"infiltration|offensive)s?)\b", 3.0),
    ("Battles", "Government regains territory", PV, r"\b(?:regain\w*|re-?captur\w+|re-?took|re-?taken|liberat\w+)\b"
     r"[^.]{0,40}\b(?:control|town|village|city|area|territory)\b", 3.0),
    # "re-captured Quissanga": a place named right after the verb
    ("Battles", "Government regains territory", PV, r"\b(?:re-?captur(?:ed|es|ing)|re-?took)\s+(?-i:[A-Z])\w+", 3.0),
    ("Battles", "Non-state actor overtakes territory", PV, r"\b(?:seized control|took control|captured|"
     r"overran|overrun|took over)\b[^.]{0,40}\b(?:town|village|city|district|base|area|territory)\b", 3.0),
    ("Violence against civilians", "Abduction/forced disappearance", PV, r"\b(?:abduct\w*|kidnap\w*|"
     r"forcibly disappeared|taken hostage|hostages?)\b", 3.0),
    ("Violence against civilians", "Sexual violence", PV, r"\b(?:rap(?:e|ed|ing)|sexual(?:ly)? (?:assault\w*|"
     r"abuse\w*|violence))\b", 3.5),
    ("Violence against civilians", "Attack", PV, r"\b(?:killed|shot|attacked|murdered|beaten|stabbed|"
     r"hacked|massacre\w*|lynched|tortured|burned to death|assaulted|opened fire|gunm[ae]n|civilians?|villagers?|"
     r"found dead|bod(?:y|ies) (?:was|were) (?:found|discovered)|body of|heads? (?:was|were) found|"
     r"decapitated|drive-by|ambush\w*|bullets?|fired at|beat(?:ing)?(?: up)?|whipped|flogged|corpses?|"
     r"dead bod(?:y|ies)|shot to death|stabbed to death|hanged|strangled|burned alive|executed|extrajudicial\w*)\b",
     1.0),
    # Demonstrations: a gathering that makes a demand, in any of its forms.
    ("Protests", "Peaceful protest", DEM, r"\b(?:protest\w*|demonstrat\w+|rall(?:y|ied|ies)|(?-i:march(?:ed|es)?)|"
     r"sit-?ins?|picket\w*|strike|on strike|hunger strikes?|walk-?outs?|boycott\w*|petition\w*|motorcades?|"
     r"car (?:caravans?|parades?)|vigils?|(?:gathered|assembled|congregated)|"
     r"block(?:ed|ing|aded) (?:the |a |several |main )?(?:\w+ )?(?:roads?|highways?|streets?|routes?|"
     r"bridges?|entrances?|access)|road ?blocks?|to (?:demand|denounce|condemn|press for|call for)|"
     r"chant\w*|slogans|placards|banners)\b", 1.5),
    # ACLED notes of demonstrations end with the crowd size ("[size=no report]").
    ("Protests", "Peaceful protest", DEM, r"\[size=", 1.0),
    ("Protests", "Protest with intervention", DEM, r"\b(?:dispers\w+|tear ?gas|water cannons?|arrested "
     r"(?:\w+ )?(?:protesters|demonstrators)|broke up|detained (?:\w+ )?(?:protesters|demonstrators)|"
     r"police intervened|blocked by police|rubber bullets|baton-?charg\w+)\b", 3.0),
    ("Protests", "Excessive force against protesters", DEM, r"\b(?:(?:police|security forces|soldiers) "
     r"(?:shot|killed|opened fire)[^.]{0,40}(?:protesters|demonstrators)|live (?:ammunition|rounds|fire))\b",
     4.0),
    # Demonstrators' own violence outranks the intervention it draws (ACLED codebook).
    ("Riots", "Violent demonstration", DEM, r"\b(?:riot\w*|" + _CROWD_VIOLENCE + r"|"
     r"(?:police|security forces) clashed with (?:the )?(?:demonstrators|protesters)|"
     r"violent (?:protest|demonstration)\w*|clashed with (?:the )?(?:police|security forces))\b", 3.5),
    # Unorganised groups fighting each other or a person: communal violence is mob violence in ACLED.
    ("Riots", "Mob violence", PV, r"\b(?:mob|lynch\w*|vigilantes?(?!-style)|angry (?:crowd|residents|villagers)|scuffle|"
     r"clash(?:ed|es)? between (?:two |rival )?(?:groups|communities|villagers|families|farmers|clans|supporters)|"
     r"group of (?:people|residents|villagers|locals) (?:attacked|beat|assaulted)|"
     r"communal (?:violence|clash\w*|fighting|tensions?|riots?|feuds?)|"
     r"" + _CROWDS + r" (?:of [^.]{0,40})?(?:clashed|attacked each other|fought|beat up|brawled)|"
     r"beat (?:up )?(?:a|the|two|three|several) (?:man|woman|men|women|youths?|suspects?|boys?)|brawl\w*)\b",
     4.0),
    # Strategic developments, each sub-type with the tag ACLED coders open its notes with.
    ("Strategic developments", "Arrests", SD, r"\b(?:arrest\w*|detain\w*|apprehend\w*|taken into custody)\b",
     1.5),
    ("Strategic developments", "Arrests", SD, _NOTE_TAG + r"Arrests?:", 8.0),
    ("Strategic developments", "Looting/property destruction", SD, r"\b(?:loot\w*|pillag\w+|plunder\w*|"
     r"ransack\w*|stole|stolen|steal\w*|taking away|took away|robbed|destroyed|torched|arson\w*|set alight|set fire to|"
     r"set (?:\w+ ){0,4}on fire|demolish\w*|bulldoz\w+|razed|uproot\w+|set ablaze|burn(?:ed|t) (?:down )?"
     r"(?:houses|homes|shops|huts|crops|fields|vehicles?|cars?)|vandali[sz]\w+|land grab\w*|"
     r"seized (?:\w+ ){0,3}(?:land|lands|property|livestock|cattle|goods|phones|money|belongings))\b", 1.5),
    ("Strategic developments", "Looting/property destruction", SD, _NOTE_TAG + r"(?:Looting|Property "
     r"destruction|Land seizure|Arson)\b[^:\n]{0,30}:", 8.0),
    ("Strategic developments", "Agreement", SD, r"\b(?:agreements?|ceasefire|cease-fire|peace (?:deal|accord)|"
     r"signed|truce|negotiat\w+|prisoner exchange|prisoner swap|reconciliation)\b", 2.0),
    ("Strategic developments", "Agreement", SD, _NOTE_TAG + r"Agreement:", 8.0),
    # Weapons kept from use: defused, seized, intercepted, detonated in a controlled way.
    ("Strategic developments", "Disrupted weapons use", SD, r"\b(?:defus\w+|dismantl\w+|"
     r"(?:seized|confiscated|recovered|found|discovered|uncovered) (?:\w+ ){0,4}(?:weapons|explosives|arms|"
     r"ammunition|rifles|guns|IEDs?|caches?|munitions|grenades)|weapons? (?:caches?|depot)|arms caches?|"
     r"intercepted|shot down|(?:foiled|thwarted) (?:\w+ ){0,3}(?:bomb\w*|IED|plot|attempt to plant)|"
     r"controlled (?:detonation|explosion)|bomb disposal|demining|de-?mined|cleared (?:\w+ )?mines)\b", 3.5),
    ("Strategic developments", "Disrupted weapons use", SD, _NOTE_TAG + r"(?:Weapons? seizures?|Defusal|"
     r"Detonation|Interception|Disrupted weapons use|Arms seizure)\b[^:\n]{0,20}:", 8.0),
    ("Strategic developments", "Headquarters or base established", SD, r"\b(?:(?:established|set up|built|"
     r"opened|erected|installed) (?:a |an |new |their |its )?(?:new )?(?:military )?(?:bases?|headquarters|"
     r"camps?|outposts?|posts?|positions?|checkpoints?|barracks)|new (?:military )?(?:bases?|outposts?|"
     r"headquarters)|into (?:\w+ )?(?:barracks|military bases?|headquarters))\b", 3.0),
    ("Strategic developments", "Headquarters or base established", SD, _NOTE_TAG + r"Headquarters or base "
     r"established:", 8.0),
    # Forces moving, patrolling, recruiting, training; and a group changing what it is or does.
    ("Strategic developments", "Change to group/activity", SD, r"\b(?:recruit\w*|launched (?:a|an) "
     r"(?:operation|campaign|offensive)|deployed|deployment|redeploy\w*|reinforc\w+|training|merged|split|"
     r"defect\w*|surrender\w*|mobiliz\w+|joined|fortif\w+|patrols?|patrolled|patrolling|convoys?|"
     r"(?:military |army )?columns?|military (?:vehicles|equipment|reinforcements|exercises|drills)|"
     r"exercises|drills|manoeuvres|maneuvers|(?:arrived|entered|moved|headed|heading) (?:to|into|in|towards)|"
     r"distribut\w+ (?:\w+ ){0,2}(?:food|aid|masks|supplies)|food (?:packages|parcels|baskets|aid)|"
     r"(?:ended|announced|dissolved|suspended) (?:its|their) (?:affiliation|alliance|membership)|"
     r"evacuat\w+|displaced|fled)\b", 1.0),
    # Governments' security measures (curfews, lockdowns) change what a state does: ACLED codes them so.
    ("Strategic developments", "Change to group/activity", SD, r"\b(?:curfew|lockdown|state of emergency|"
     r"security measures|face masks|restrictions|ordered the closure)\b", 1.5),
    ("Strategic developments", "Change to group/activity", SD, _NOTE_TAG + r"(?:Movement of forces|Security "
     r"measures|Change to (?:armed )?group(?:/activity)?|Recruitment|Troop movement)\b[^:\n]{0,20}:", 8.0),
    ("Strategic developments", "Other", SD, r"\b(?:announced|banned|imposed|returned|released (?:\w+ ){0,3}"
     r"(?:prisoners|detainees|hostages|soldiers|captives|fighters|members)|prevented|sworn in|inaugurated|"
     r"appointed)\b", 1.0),
    ("Strategic developments", "Other", SD, _NOTE_TAG + r"(?:Other|Non-violent activity|Explosive remnants "
     r"of war)\b[^:\n]{0,20}:", 8.0),
    ("Strategic developments", "Non-violent transfer of territory", SD, r"\b(?:withdr[ae]w\w*|handed over|"
     r"pulled out|retreated)\b[^.]{0,40}\b(?:town|village|city|area|territory|positions?|base)\b", 2.5),
]

"""Namewords: the English words that stand next to people's names and are no part of them (``names``).

Titles, parties and the calendar come before a given name ("Foreign Minister George", "Monday Bill"); places,
storms, verbs and adverbs that open a sentence begin other things' names or sentences ("North Dakota", "Meet
Acxiom", "Though Morsi"); nationalities read like names ("Spanish police"); and institutions' words end names that
are no person's ("Marlow Irrigation District"). English only.
"""

from __future__ import annotations

# Words that may come right before a person's given name and are not part of the name: titles, parties and the
# calendar ("Foreign Minister George", "Republican Matt", "Monday Bill").
TITLES = frozenset(
    """mr mrs ms miss dr prof president vice premier prime minister chancellor secretary senator sen rep
    representative gov governor mayor judge justice general gen col lt capt captain sgt adm admiral king queen prince
    princess pope sir lord lady rev father sister brother bishop cardinal chairman chairwoman chief director coach
    commissioner officer detective inspector sheriff ambassador spokesman spokeswoman professor dame sheikh ayatollah
    imam rabbi emperor empress crown speaker leader deputy assistant attorney sergeant lieutenant colonel major
    corporal marshal dean superintendent constable councilor councillor councilman councilwoman alderman
    congressman congresswoman assemblyman assemblywoman principal republican democrat democratic conservative
    liberal labour labor socialist communist independent frenchman frenchwoman englishman englishwoman scotsman
    irishman dutchman welshman briton monday tuesday wednesday thursday friday saturday sunday january february march
    april may june july august september october november december""".split()
)
# Words that begin the names of places, storms and operations, never a given name ("North Dakota").
PLACES = frozenset(
    """north south east west northern southern eastern western central upper lower new old great greater little
    saint st san santa los las el la le de du van von al lake mount mountain river cape fort port gulf bay isle
    island hurricane typhoon cyclone storm tropical operation real""".split()
)
# Verbs that open a sentence before a name and are never a given name ("Meet Acxiom, the biggest company…").
OPENING_VERBS = frozenset(
    """meet ask thank blame call welcome enter forget imagine consider remember take watch join visit tell
    say see read listen picture""".split()
)
# Words that open a sentence and are capitalised only there ("Though Morsi…", "Meanwhile Vellin…").
OPENERS = frozenset(
    """though although meanwhile however yet still thus hence also even indeed nevertheless nonetheless otherwise
    moreover besides elsewhere already perhaps maybe instead later earlier today yesterday tonight tomorrow now then
    soon once since unless until whereas while despite unlike like according overall finally eventually afterwards
    recently currently initially ultimately furthermore likewise similarly separately additionally clearly
    sadly fortunately unfortunately apparently reportedly allegedly one two three four five six seven eight nine ten
    eleven twelve twenty thirty forty fifty hundreds thousands dozens several many some few both all each every most
    another""".split()
)
# Nationalities written like names ("Spanish police", "Lebanese Hezbollah"); "-ese" ones are recognised by their
# ending (``nationality``), as no surname or given name of more than five letters ends so.
NATIONALITIES = frozenset(
    """spanish british irish danish polish english scottish turkish swedish finnish kurdish flemish welsh dutch
    french greek thai swiss""".split()
)
NOT_GIVEN = TITLES | PLACES | OPENING_VERBS | OPENERS
# Words that end the names of institutions and places, never a person's surname ("Marlow Irrigation District").
INSTITUTIONS = frozenset(
    """district department ministry council committee agency office court party association union corps authority
    commission bureau institute university college school hospital company corporation bank group service center
    centre foundation church army navy force police board house senate congress assembly parliament government
    administration times post news journal street avenue road river lake creek mountain island bay park airport
    station bridge dam county city province state republic kingdom society club league team fund trust project
    program programme survey organization organisation alliance front movement cabinet embassy united rovers
    wanderers athletic albion""".split()
)


def nationality(lower: str) -> bool:
    """Whether a lower-cased word names a nationality ("spanish", "lebanese")."""
    return lower in NATIONALITIES or (len(lower) > 5 and lower.endswith("ese"))

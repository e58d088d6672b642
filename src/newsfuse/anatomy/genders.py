"""Genders: whom "he" and "she" can mean, so that "``…,'' she said" never goes to a boy named just before.

A person's gender is read from what the story says of them, not guessed wildly: a title or a family word just
before a mention ("Mrs. Brestler", "her son Max", "Newsome's younger son Elliot"), else a common given
name that is clearly one or the other (English, and the commonest of the other names in the world's news).
Anyone else is unknown, and "he" or "she" may mean them.
"""

from __future__ import annotations

import re

MALE_NAMES = frozenset(
    """aaron adam alan albert alexander andrew anthony arthur barry ben benjamin bill billy bob bobby brandon brian
    bruce carl charles charlie chris christopher colin craig dale daniel darren david dennis derek dominic donald
    douglas duncan earl edward eric evan frank fred frederick gary george gerald gordon graham greg gregory harold
    harry henry howard ian jack jacob jake james jason jeff jeffrey jeremy jerry jim jimmy joe joel john johnny
    jonathan joseph josh joshua juan keith ken kenneth kevin kyle larry lawrence leonard luke malcolm mark martin
    matthew max michael mike nathan neil neville nicholas nick noah oliver patrick paul peter philip phillip ralph
    raymond richard rick robert roger ronald roy russell ryan samuel scott sean simon stanley stephen steve steven
    stuart ted thomas timothy todd tom tony victor vincent walter wayne william """
    """andy bradley calvin chester chuck clint danny dwight eddie franklin freddie glenn hank harvey herbert herman
    kurt leroy lester lloyd marvin melvin norman randy ricky rusty tommy troy vernon wade wesley willie """
    # the world's news: Russian, French, German, Spanish, Italian, Arabic and Hebrew given names that are clearly
    # a man's (not "Jean", a woman's in English, nor "Andrea", a man's in Italian)
    """alexei alexey anatoly andrei boris dmitri dmitry gennady igor leonid mikhail nikolai oleg pyotr sergei
    sergey valery viktor vladimir yevgeny yuri alain andre andré bernard francois françois gerard gérard gilles
    jacques lucien marcel michel philippe pierre yves dieter friedrich gerhard hans heinz helmut horst
    jurgen jürgen klaus wolfgang alejandro carlos fernando francisco javier jorge jose josé luis manuel miguel pedro
    ricardo giorgio giovanni giuseppe luigi marco massimo paolo silvio abdullah ahmad ahmed ali hassan hussein
    ibrahim khalid mahmoud mohamed mohammad mohammed muhammad mustafa omar yasser yusuf ehud moshe shimon
    yitzhak""".split()
)
FEMALE_NAMES = frozenset(
    """abigail alice alison amanda amy angela ann anna anne audrey barbara betty beverly brenda bridget
    carol caroline carolyn catherine cheryl christine claire cynthia deborah debbie denise diana diane
    donna doreen dorothy eileen elizabeth ellen emily emma erin ethel evelyn frances geraldine gloria grace hannah
    heather helen hillary holly irene jane janet janice jennifer jessica jill joan joanne josephine joyce judith
    judy julia julie karen kate katherine kathleen kathy kimberly laura lauren linda lisa lois lori louise
    lucy margaret maria marian marie marilyn martha mary megan melissa michelle monica nancy natalie nicole
    pamela patricia paula pauline peggy rachel rebecca rita rose ruth sally samantha sandra sarah sharon shirley
    sophie stephanie susan suzanne teresa theresa victoria virginia wendy """
    """becky beth betsy carrie cathy connie dawn debra elaine eleanor erica gail gwen jenna jenny joy katie
    marcia marjorie melanie molly naomi nora olivia phyllis rhonda rosemary sheila sylvia tammy tina valerie
    vanessa wanda willa yvonne """
    """anastasia ekaterina galina irina larisa ludmila lyudmila nadezhda natalia natalya olga svetlana tatiana
    tatyana valentina yelena yulia brigitte chantal francoise françoise genevieve geneviève isabelle monique
    nathalie sylvie gisela helga ingrid petra renate ursula carmen francesca giulia isabel lucia rosa
    aisha ayesha fatima layla leila benazir indira golda tzipi""".split()
)
MALE_CUE = re.compile(
    r"\b(?:mr|sir|lord|king|prince|father|son|husband|brother|boy|grandfather|grandson|uncle|nephew|fiance|"
    r"widower|stepfather|stepson)\.?,?\s+$",
    re.IGNORECASE,
)
FEMALE_CUE = re.compile(
    r"\b(?:mrs|ms|miss|lady|dame|queen|princess|mother|daughter|wife|sister|girl|grandmother|granddaughter|aunt|"
    r"niece|fiancee|widow|stepmother|stepdaughter)\.?,?\s+$",
    re.IGNORECASE,
)
CUE_CHARS = 30  # how far before a mention its title or family word may stand
PRONOUNS = {"he": "male", "him": "male", "she": "female", "her": "female"}


def by_given_name(name: str) -> str | None:
    """ "male" or "female" when a name's first word is a clearly gendered common given name ("Max", "Linda
    Brestler")."""
    first = name.split()[0].lower() if name.strip() else ""
    return "male" if first in MALE_NAMES else "female" if first in FEMALE_NAMES else None


def by_cue(before: str) -> str | None:
    """ "male" or "female" when the text just before a mention ends with a title or a family word."""
    tail = before[-CUE_CHARS:]
    return "male" if MALE_CUE.search(tail) else "female" if FEMALE_CUE.search(tail) else None

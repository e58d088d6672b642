"""Noise: what a line of web noise looks like, one named rule per kind (captions, "Read more", share bars,
bylines, timestamps, paywall prompts…); ``clean`` drops the lines they match.

Each rule reads a ``Line`` (its text, lower case and word count, computed once) and is anchored and bounded, so
that a sentence of the story is never taken for noise; ``clean`` only ever shows them short lines.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from typing import NamedTuple

from newsfuse.months import date_line, is_date_line

MONTHS = r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"  # noqa: E501
DAYS = r"mon(?:day)?|tue(?:s|sday)?|wed(?:nesday)?|thu(?:rs|rsday)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?"


class Line(NamedTuple):
    """A line as the rules read it: lower-cased and counted once, not once per rule."""

    text: str
    lower: str
    words: int

    @classmethod
    def of(cls, text: str) -> Line:
        return cls(text, text.lower(), len(text.split()))


def _any(*patterns: str, needs: tuple[str, ...] = (), flags: int = re.IGNORECASE) -> Callable[[Line], bool]:
    """True when any pattern is found in the line. Patterns anchored at the start are tried there only (one
    ``match``); the others are joined into one ``search``, run only on a line that holds one of ``needs``
    (lower case: words each of those patterns must contain), so that most lines cost one regex call."""
    anchored = [p[1:] for p in patterns if p.startswith("^")]
    floating = [p for p in patterns if not p.startswith("^")]
    starts = re.compile("|".join(f"(?:{p})" for p in anchored), flags) if anchored else None
    anywhere = re.compile("|".join(f"(?:{p})" for p in floating), flags) if floating else None

    def found(line: Line) -> bool:
        if starts and starts.match(line.text):
            return True
        if anywhere is None:
            return False
        return (not needs or any(n in line.lower for n in needs)) and bool(anywhere.search(line.text))

    return found


def _text(predicate: Callable[[str], bool]) -> Callable[[Line], bool]:
    return lambda line: predicate(line.text)


def _short(limit: int, predicate: Callable[[Line], bool]) -> Callable[[Line], bool]:
    return lambda line: line.words <= limit and predicate(line)


SHARE_WORDS = frozenset(
    "share shares sharing this article story on via tweet email e-mail facebook twitter x pinterest whatsapp "
    "linkedin reddit print copy link save comments comment messenger flipboard sms pin it the | • · / - –".split()
)
TIMESTAMP_WORDS = re.compile(
    rf"\b(?:{MONTHS}|{DAYS}|updated|published|posted|last|first|modified|on|at|am|pm|a\.m|p\.m|et|est|edt|"
    r"pt|pst|pdt|ct|cst|gmt|utc|bst|cet|noon|midnight)\b\.?|\d+|[:/.,\-–—|()]",
    re.IGNORECASE,
)


DIGIT = re.compile(r"\d")


def is_timestamp(line: str) -> bool:
    """A line that is only a date and/or time, e.g. ``10.31.13 11:50 PM ET`` or ``Updated: Jan. 5, 2024``, or a
    date line in another language (``Samedi 7 juillet 2007``, ``months.is_date_line``)."""
    if len(line) > 80 or not DIGIT.search(line):
        return False
    return not TIMESTAMP_WORDS.sub("", line).strip() or is_date_line(line)


MONTH_ABBREVIATIONS = "jan feb mar apr may jun jul aug sep oct nov dec".split()
NUMERIC_DATE = re.compile(r"\b(\d{4})-(\d\d)-(\d\d)\b|\b(\d{1,2})[./](\d{1,2})[./](\d{2}|\d{4})\b")
WORDED_DATE = re.compile(r"\b([A-Z][a-z]{2})[a-z]*\.?\s+(\d{1,2}),?\s+(\d{4})\b")


def timestamp_date(line: str) -> str | None:
    """The ISO date of a timestamp line (``11.03.26 6:42 AM ET`` is US month.day.year), if it has one."""
    if match := NUMERIC_DATE.search(line):
        if match.group(1):
            year, month, day = (int(g) for g in match.group(1, 2, 3))
        else:
            month, day, year = (int(g) for g in match.group(4, 5, 6))
            year += 2000 if year < 100 else 0
    elif (match := WORDED_DATE.search(line)) and match.group(1).lower() in MONTH_ABBREVIATIONS:
        month = MONTH_ABBREVIATIONS.index(match.group(1).lower()) + 1
        day, year = int(match.group(2)), int(match.group(3))
    else:
        return date_line(line)
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


NETWORKS = frozenset("facebook twitter x pinterest whatsapp linkedin reddit email e-mail messenger flipboard".split())


def is_share_bar(line: str) -> bool:
    """``Share this article`` or a row of network names such as ``Facebook Twitter Email``."""
    tokens = line.lower().replace(":", " ").split()
    if not tokens or len(tokens) > 12 or not all(t in SHARE_WORDS for t in tokens):
        return False
    return "share" in tokens or len(NETWORKS.intersection(tokens)) >= 2


# Name parts, each taken whole (possessive), and never "and": a word is never split into parts, nor an "and"
# inside one ("Sandra") read as a separator, which made the pattern exponential in the length of the line (129
# characters of names: a minute).
NAME = r"(?:(?!and\b)[A-Z][\w'’.-]*+|[A-Z]\.)"  # (case-blind: "[A-Z]" is any letter; 'de', 'al' included)
BYLINE_LEAD = r"^(?:by|written by|posted by|reporting by|story by|words by)\s+"
BYLINE_DATE = rf"\s+on\s+(?:{DAYS}|{MONTHS}|\d)"  # "Posted by Sam Okafor on November 4, 2026"
BYLINE = re.compile(
    BYLINE_LEAD + rf"(?!(?:{MONTHS}|{DAYS}|the|then|now|late|early)\b)"
    rf"{NAME}(?:\s+{NAME}){{0,4}}(?:\s*+(?:,|and\b|&)\s*+{NAME}(?:\s+{NAME}){{0,4}})*"
    rf"(?:{BYLINE_DATE}[\w ,.:]{{0,30}})?\s*(?:$|[,|/•·–—-]\s*(?:[\w.'’&-]++\s*){{0,6}}$)",
    re.IGNORECASE,
)


def is_byline(line: str) -> bool:
    """``By Jane Doe, Associated Press`` - but never ``By Tuesday, the water had receded.``"""
    match = BYLINE.match(line)
    if not match:
        return False
    return not (line.rstrip().endswith((".", "!", "?")) and len(line.split()) > 6)


RULES: tuple[tuple[str, Callable[[Line], bool]], ...] = (
    (
        "caption",
        _any(
            r"^(?:image|photo|picture|graphic|video)(?: caption| credit| copyright)?\s*[:|–—]",
            r"^\(?(?:caption|credit|alt(?:-text)?)\s*:",
            r"^image may contain",
            r"\((?:AP|Reuters|AFP|EPA)?\s*Photos?\s*/",
            r"\b(?:photo(?:graph)?|image) (?:by|courtesy of|credit)\b",
            r"/\s*(?:Getty Images|AP|Reuters|AFP|EPA|Shutterstock)\s*\)?\s*$",
            r"^getty images\b",
            needs=("photo", "image", "/"),
        ),
    ),
    (
        "read-more",
        _any(
            r"^read (?:more|the full|next|the original)\b",
            r"^the post .{1,200} appeared first on (?:\S+\s+){0,5}\S+$",  # WordPress's line under a feed entry
            r"^(?:related|see also|also read|more on this|recommended|"
            r"don'?t miss|more from|most read|trending)(?: stories| articles| coverage| content)?\s*[:»>|–—-]",
            r"^(?:related|see also|most read|trending)\s*$",
            r"^(?:read|watch|see|link)(?: also| related)?\s*:",  # a link to another story: "Read: Inside the mind…"
            # French, German, Spanish, Italian, Portuguese, Dutch
            r"^(?:à )?lire (?:aussi|également|la suite|plus)\b",
            r"^voir aussi\b",
            r"^(?:lesen sie (?:auch|mehr)|mehr zum thema|weiterlesen|auch interessant)\b",
            r"^(?:lee también|leer más|te puede interesar|más información)\b",
            r"^(?:leggi anche|leggi tutto|potrebbe interessarti)\b",
            r"^(?:leia também|leia mais|saiba mais)\b",
            r"^(?:lees ook|lees meer|meer over dit onderwerp)\b",
        ),
    ),
    ("share", _short(12, _text(is_share_bar))),
    ("click-here", _short(30, _any(r"\b(?:click|tap) here\b", needs=("here",)))),
    (
        "advertisement",
        _any(
            r"^(?:advertisement|advert|sponsored(?: content)?|paid (?:content|post))\s*[:|–—]\s*\S.{0,200}$",
            r"^(?:advertisement|advert|ad|sponsored(?: content)?|paid (?:content|post)|story continues below"
            r"(?: advertisement)?|article continues (?:below|after advertisement)|continue reading(?: below)?|"
            r"scroll to continue(?: with content)?)\W*$",
            r"^(?:publicité|anzeige|werbung|publicidad|pubblicità|publicidade|advertentie)\W*$",
        ),
    ),
    ("byline", _text(is_byline)),
    ("timestamp", _text(is_timestamp)),
    (
        "copyright",
        _short(
            40,
            _any(
                r"^(?:©|\(c\)|copyright\s*(?:©|\(c\))?\s*\d{4})",
                r"\ball rights reserved\b",
                r"may not be (?:published|reproduced),? broadcast",
                needs=("reserved", "may not be"),
            ),
        ),
    ),
    (
        "paywall",
        _short(
            40,
            _any(
                r"^to (?:view|read|continue reading|access|keep reading)\b.{0,40}\b(?:story|article|subscri)",
                r"^subscribe (?:now|today)\b",
                r"^subscribe (?:to|and) (?:continue|keep|read|get|unlock|access)\b",  # "Subscribe to continue reading."
                r"^already a (?:subscriber|member)\b",
                r"\balready an? (?:paying |digital |print )?subscriber\b",
                r"^you(?: have|'ve) reached (?:your|the) (?:free )?(?:article|monthly|story|page)",
                r"^(?:log|sign) in to (?:continue|read|keep reading)\b",
                r"\bsubscribe\b.{0,80}\bfor the full (?:story|article)\b",
                r"\b(?:article|content|story) is (?:only )?(?:available|reserved) (?:to|for) (?:subscribers|members)\b",
                r"^(?:abonnez-vous|réservé aux abonnés|jetzt (?:abonnieren|weiterlesen mit)|suscríbete|abbonati|"
                r"assine já|abonneer nu)\b",
                needs=("subscri", "members"),
            ),
        ),
    ),
    (
        "affiliate",
        _short(
            60,
            _any(
                r"\bwe (?:may|might|could|can|do)? ?(?:receive|earn|get|be paid) (?:a )?(?:small )?"
                r"(?:compensation|commissions?|affiliate)\b",
                r"\b(?:contains|includes) (?:affiliate links|references to products)\b",
                needs=("compensation", "commission", "affiliate", "references to products"),
            ),
        ),
    ),
    (
        "reprint",
        _short(
            60,
            _any(
                r"^(?:for )?reprints? (?:and|&) (?:licensing|permissions)\b",
                r"\bthis copy is for your personal,? non-?commercial use\b",
                r"\bto order presentation-ready copies\b",
                r"\bdistribution and use of this material (?:are|is) governed by\b",
                needs=("personal", "presentation-ready", "governed by"),
            ),
        ),
    ),
    (
        "interstitial",  # what a site shows a scraper instead of the article: a browser check, a block, a 404
        _short(
            40,
            _any(  # each anchored at both ends, or at its start to a phrase no story opens with
                r"^(?:please )?(?:enable|turn on) javascript\b.{0,80}\b(?:page|site|app|content|browser)\W*$",
                r"^you need to enable javascript to run this app\W*$",
                r"^javascript is (?:disabled|required|not enabled)(?: in your browser)?\W*$",
                r"^checking (?:your browser|if the site connection is secure)(?: before accessing [\w.-]+)?\W*$",
                r"^this process is automatic\. your browser will redirect\b",
                r"^please (?:allow|wait) up to \d+ seconds\W*$",
                r"^ddos protection by [\w ]{1,30}$",
                r"^just a moment\W*$",
                r"^access denied\W*$",
                r"^you don'?t have permission to access (?:this|the requested) (?:page|resource|url)\b[^,;]{0,40}$",
                r"^(?:403 forbidden|404 not found|page not found|error 404)\W*$",
                r"^(?:sorry, )?the page you (?:are|were) looking for (?:could not be found|does not exist|is not "
                r"available|has been (?:moved|removed))\b",
                r"^are you a (?:robot|human)\W*$",
                r"^please (?:confirm|verify) (?:that )?you are (?:a )?human\b.{0,60}\bcaptcha\b",
                r"^reference #[\w.]+$",
            ),
        ),
    ),
    (
        "cookies",
        _short(
            60,
            _any(
                r"^(?:we|this (?:site|website)) uses? cookies\b",
                r"^we and our (?:\d+ )?partners (?:use|store)\b.{0,200}\bcookies\b",
                r"^we value your privacy\W*$",
                r"^(?:accept|reject) all\W*$|^manage (?:preferences|options|cookies|consent)\W*$",
                r"^(?:accept|manage|reject) (?:all )?cookies\b",
                r"\bby (?:continuing to (?:use|browse)|using) (?:this|our) (?:site|website)\b.{0,80}\bcookies\b",
                needs=("cookies",),
            ),
        ),
    ),
    (
        "social",
        _short(
            40,
            _any(
                r"pic\.twitter\.com/",
                r"^[—–-]\s*.{1,60}\(@\w+\)",
                r"^view this post on (?:instagram|tiktok|x|twitter)",
                r"^a post shared by\b",
                r"^(?:https?://|www\.)\S+$",
                r"^(?:follow|like) (?:us|him|her|me|them) on\b",
                r"^follow\b.{1,60}\bon (?:twitter|facebook|instagram|x|tiktok|linkedin|youtube|threads|bluesky)\b",
                r"^(?:get|receive) (?:our|the)\b.{0,40}\bnewsletter\b",
                r"^@\w+$",
                r"^(?:#\w+\s*)+$",
                r"^(?:sign up|subscribe)\b.{0,80}\b(?:newsletter|updates|alerts)\b",
                r"^support (?:our|local|independent|quality) journalism\b",
                r"^(?:\d+\s+)?comments?$",
                r"^leave a comment\b",
                r"^(?:suivez-nous|retrouvez-nous|folgen sie uns|síguenos|seguici|siga-nos|volg ons)\b",
                r"^(?:inscrivez-vous|abonnez-vous) à (?:notre|la) newsletter\b",
                needs=("pic.twitter",),
            ),
        ),
    ),
    (
        "prompt",
        _short(
            40,
            _any(
                r"\b(?:sign(?:ing)? up|subscrib(?:e|ing)) (?:to|for) (?:our|the|my)\b.{0,40}\bnewsletters?\b",
                r"\bnever miss (?:a|an|any|our|the)\b.{0,60}\bsign(?:ing)? up\b",
                r"\bsign up here\b|^sign up (?:now|today)\b",  # "residents can sign up today at…" is news
                r"^sign up to (?:get|receive)\b",
                r"^(?:\w[\w'’&.-]*\s){0,4}newsletter$",
                r"^(?:for (?:the latest|more)\b.{0,80}\b)?download (?:the|our)\b.{0,50}\bapps?\b",
                r"\bsubmit (?:a|your) letters? to the editor\b",
                needs=("sign", "subscri", "letter to", "letters to"),
            ),
        ),
    ),
    (
        "editors-note",  # what a wire or a syndicate tells the editors who run the story, not the readers
        _short(
            60,
            _any(
                r"^(?:attention editors|note to editors|editor['’]?s['’]? note|eds)\s*(?::|\s[—–_-])",
                r"^\(?the following\b.{0,160}\b(?:photo|graphics) package\b",
                r"^\(?the following\b.{0,160}\b(?:is|are) (?:available (?:to|from)|for use by)\b.{0,80}"
                r"\b(?:clients|subscribers|news service|syndicate|wire)\b",
                r"\bplans to move the following (?:stories|articles|photos)\b",
                # what a syndicate sells its clients: "…, those are available from the New York Times News Service at…"
                r"\b(?:are|is) (?:available|for sale)\b.{0,80}\b(?:from|through) (?:the )?"
                r"(?-i:(?:[A-Z][\w.'’&-]*\s){1,5})(?:news service|syndicate)\b",
                needs=("following", "news service", "syndicate"),
            ),
        ),
    ),
    (
        "author-note",  # the syndicate's line about who wrote the piece, under its last paragraph
        _short(  # only the credit: no "that…" or "about…" of a column's own
            25,
            _any(
                r"^(?!(?:The|He|She|It|They)\b)(?:[A-Z][\w.'’-]*\s){1,4}writes (?:for|from) (?:the )?[A-Z]"
                r"(?!.*\b(?:that|about|who|which|how|why|what)\b)",
                flags=0,
            ),
        ),
    ),
    (
        "meta",
        _short(
            20,
            _any(
                r"\b(?:categor(?:y|ies)|tags|filed under|posted in|last modified)\s*:",
                r"(?:^|\|)\s*(?:view|show|read|add|post a|leave a) comments?\s*$",
                needs=("categor", "tags", "filed under", "posted in", "last modified", "comment"),
            ),
        ),
    ),
)

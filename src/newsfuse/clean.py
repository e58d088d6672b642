"""Clean: strip the web noise that scraped news carries, and nothing else.

Rules work on whole lines (a caption, a share bar, a byline is a line of its own after extraction) plus
one inline rule for datelines. Each rule is a named predicate with its own test; every rule is anchored
and bounded in length so that a real sentence of the story is never dropped.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date
from typing import NamedTuple

from newsfuse.model import Article

MONTHS = r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"  # noqa: E501
DAYS = r"mon(?:day)?|tue(?:s|sday)?|wed(?:nesday)?|thu(?:rs|rsday)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?"
AGENCIES = r"[A-Z]{2,6}|Reuters|Bloomberg|dpa|Xinhua|[A-Z][A-Za-z]+ (?:News|Press|Times|Post)"


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
    """A line that is only a date and/or time, e.g. ``10.31.13 11:50 PM ET`` or ``Updated: Jan. 5, 2024``."""
    return len(line) <= 80 and bool(DIGIT.search(line)) and not TIMESTAMP_WORDS.sub("", line).strip()


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
        return None
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


NAME = r"(?:[A-Z][\w'’.-]*|[a-z]{1,3}|[A-Z]\.)"  # capitalised name parts, plus 'de', 'van', 'al'
BYLINE_LEAD = r"^(?:by|written by|posted by|reporting by|story by|words by)\s+"
BYLINE_DATE = rf"\s+on\s+(?:{DAYS}|{MONTHS}|\d)"  # "Posted by Sam Okafor on November 4, 2026"
BYLINE = re.compile(
    BYLINE_LEAD + rf"(?!(?:{MONTHS}|{DAYS}|the|then|now|late|early)\b)"
    rf"{NAME}(?:\s+{NAME}){{0,4}}(?:\s*(?:,|and|&)\s*{NAME}(?:\s+{NAME}){{0,4}})*"
    rf"(?:{BYLINE_DATE}[\w ,.:]{{0,30}})?\s*(?:$|[,|/•·–—-]\s*(?:[\w.'’&-]+\s*){{0,6}}$)",
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
            r"^(?:related|see also|also read|more on this|recommended|"
            r"don'?t miss|more from|most read|trending)(?: stories| articles| coverage| content)?\s*[:»>|–—-]",
            r"^(?:related|see also|most read|trending)\s*$",
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
        "cookies",
        _short(
            60,
            _any(
                r"^(?:we|this (?:site|website)) uses? cookies\b",
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

# Capitals before a colon or dash that name a label, not a place: never a dateline.
LABELS = (
    "DEAR|SOURCE|SOURCES|NOTE|EDITOR|EDITORS|UPDATE|UPDATED|CORRECTION|CLARIFICATION|WARNING|BREAKING|EXCLUSIVE|"
    "WATCH|READ|LISTEN|PHOTOS?|VIDEO|OPINION|ANALYSIS|COMMENTARY|REVIEW|Q|A|FACT|DISCLAIMER|SPOILERS?|RELATED|"
    "TOPICS|TAGS|QUESTION|ANSWER|ALSO|MORE|NEXT|PREVIOUS|LIVE|FILE|ADVERTISEMENT|SPONSORED|UPDATES|ABOUT"
)
# A dateline opens the story's first paragraph: a place in capitals (and an agency), then a dash and the first
# sentence ("KOBE – Rescuers…", "WASHINGTON (AP) — The…"); never a label ("DEAR ABBY:") or an acronym that
# starts the sentence itself ("NASA - the space agency - said…": no capital after the dash).
DATELINE = re.compile(
    rf"^(?:(?!(?:{LABELS})\b)[A-Z][A-Z'.-]{{2,30}}(?:[ -][A-Z][A-Z'.-]{{1,30}}){{0,3}}"
    rf"(?:,\s*[A-Z][A-Za-z.]+(?:\s[A-Z][A-Za-z.]+)?(?:\s+\d{{1,2}})?)?"  # ", Ore." or ", June 17"
    rf"\s*(?:\((?:{AGENCIES})\))?|\((?:{AGENCIES})\))\s*(?:—|–|--|-|_|:)\s+(?=[A-Z0-9\"“‘'(])"
    rf"|^\(\s*(?:ap|reuters|afp|cnn)\s*\)\s*(?:—|–|--|-|_|:)?\s*",
)
FIRST_PARAGRAPH = 12  # words: shorter kept lines before it (a kicker, a heading) may precede the dateline
# The Hill's hover cards: a linked name, repeated and followed by the card's text up to "MORE".
HOVER_CARD = re.compile(r"\b([A-Z][\w.'’-]{1,30}(?: [A-Z][\w.'’-]{1,30}){1,3})\1[^\n]{0,300}? MORE\b")
MAX_NOISE_WORDS = 60  # a longer line is a paragraph of the story, whatever it starts with
MAX_NOISE_CHARS = 600  # ... and so is a longer one in characters (which also bounds what the rules read)
TERMINAL = (".", "!", "?", ":", ";", '"', "”", "'", "’", ")", "]", "。", "！", "？", "؟", "।", "»", "」")


@dataclass(frozen=True)
class Cleaned:
    text: str
    dropped: tuple[tuple[str, str], ...]  # (rule, line) for every line that was removed


NON_WORD = re.compile(r"\W+")


def _normal(lower: str) -> str:
    """A lower-cased line as the repeats are told apart: its words, whatever the punctuation between them."""
    return NON_WORD.sub(" ", lower).strip()


def _lines(text: str) -> list[str]:
    """Lines with whitespace normalised and hard-wrapped lines joined back into paragraphs."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ").replace("\u200b", "")
    lines: list[str] = []
    for raw in text.split("\n"):
        line = " ".join(raw.split())
        if not line:
            if lines and lines[-1]:
                lines.append("")
            continue
        if lines and lines[-1] and not lines[-1].endswith(TERMINAL) and line[0].islower():
            lines[-1] = f"{lines[-1]} {line}"
        else:
            lines.append(line)
    return [line for line in lines if line]


def clean_text(text: str, title: str = "") -> Cleaned:
    """The story text of a scraped article, one paragraph a line, and what was dropped and why."""
    kept: list[str] = []
    dropped: list[tuple[str, str]] = []
    seen = {_normal(title.lower())} if title.strip() else set()
    opening = True  # the first paragraph has not been kept yet: a dateline may still come
    for line in _lines(text):
        read = Line.of(line) if len(line) <= MAX_NOISE_CHARS else None
        noise_sized = read is not None and read.words <= MAX_NOISE_WORDS
        rule = next((name for name, matches in RULES if matches(read)), None) if noise_sized else None
        normal = _normal(read.lower if read else line.lower()) if rule is None else ""
        if rule is None and normal in seen:
            rule = "repeated"
        if rule is not None:
            dropped.append((rule, line))
            continue
        seen.add(normal)
        body = DATELINE.sub("", line, count=1) if opening else line
        if body != line:
            dropped.append(("dateline", line[: len(line) - len(body)].strip()))
        if " MORE" in body:  # the card's text goes, the name stays
            dropped.extend(("hover-card", card.group(0)) for card in HOVER_CARD.finditer(body))
            body = HOVER_CARD.sub(r"\1", body)
        if body:
            kept.append(body)
            opening = opening and len(body.split()) <= FIRST_PARAGRAPH and body == line
    return Cleaned("\n".join(kept), tuple(dropped))


ROLE = re.compile(r"\b(?:writer|reporter|correspondent|editor|staff|columnist|contributor|photographer)\b", re.I)


def byline_credit(line: str) -> tuple[str | None, str | None]:
    """(author, outlet) named by a byline: ``By JANE DOE, Associated Press`` → ("Jane Doe", "Associated Press")."""
    body = re.sub(BYLINE_LEAD, "", line, flags=re.I)
    body = re.sub(BYLINE_DATE + ".*$", "", body, flags=re.I)
    name, *rest = re.split(r"\s*[,|/•·–—]\s*", body, maxsplit=1)
    name = name.strip()
    if name.isupper():
        name = name.title()
    outlet = rest[0].strip() if rest and rest[0].strip() and not ROLE.search(rest[0]) else None
    return (name or None), outlet


def clean(article: Article) -> Article:
    """The article with its text cleaned; sentence offsets will point into this text.

    What a dropped byline or timestamp says is kept as metadata when the article does not have it already.
    """
    cleaned = clean_text(article.text, article.title)
    byline = next((line for rule, line in cleaned.dropped if rule == "byline"), None)
    author, outlet = byline_credit(byline) if byline else (None, None)
    stamps = (timestamp_date(line) for rule, line in cleaned.dropped if rule == "timestamp")
    published = article.published or next((d for d in stamps if d), None)
    return replace(
        article,
        text=cleaned.text,
        title=article.title or headline(cleaned.text),
        author=article.author or author,
        source=article.source or outlet or "",
        published=published,
    )


HEADLINE_WORDS = 20


def headline(text: str) -> str:
    """The first line of a text that opens with its headline (short, no full stop, more lines after it): what
    the writer chose to say first, and what the title's features read. Empty when it does not."""
    first, _, rest = text.partition("\n")
    if not rest.strip() or not first.strip() or len(first.split()) > HEADLINE_WORDS:
        return ""
    return "" if first.rstrip().endswith(TERMINAL) else first.strip()

"""Clean: strip the web noise that scraped news carries, and nothing else.

Rules work on whole lines (a caption, a share bar, a byline is a line of its own after extraction: ``noise``
says what each looks like) plus inline rules for datelines and hover cards. Each rule is a named predicate with
its own test; every rule is anchored and bounded in length so that a real sentence of the story is never dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from newsfuse.model import Article
from newsfuse.noise import BYLINE_DATE, BYLINE_LEAD, RULES, Line, timestamp_date
from newsfuse.places import dateline_place
from newsfuse.text import word_runs

AGENCIES = r"[A-Z]{2,6}|Reuters|Bloomberg|dpa|Xinhua|[A-Z][A-Za-z]+ (?:News|Press|Times|Post)"
CAPS = "A-ZÀ-ÖØ-ÞΑ-ΩΆ-ΏА-ЯЁ"  # capitals of the Latin, Greek and Cyrillic scripts
RTL = "\u0590-\u05ff\u0600-\u06ff"  # Hebrew and Arabic letters (with their points)

# Capitals before a colon or dash that name a label, not a place: never a dateline.
LABELS = (
    "DEAR|SOURCE|SOURCES|NOTE|EDITOR|EDITORS|UPDATE|UPDATED|CORRECTION|CLARIFICATION|WARNING|BREAKING|EXCLUSIVE|"
    "WATCH|READ|LISTEN|PHOTOS?|VIDEO|OPINION|ANALYSIS|COMMENTARY|REVIEW|Q|A|FACT|DISCLAIMER|SPOILERS?|RELATED|"
    "TOPICS|TAGS|QUESTION|ANSWER|ALSO|MORE|NEXT|PREVIOUS|LIVE|FILE|ADVERTISEMENT|SPONSORED|UPDATES|ABOUT"
)
# A dateline opens the story's first paragraph: a place in capitals (and an agency), then a dash and the first
# sentence ("KOBE – Rescuers…", "WASHINGTON (AP) — The…"); never a label ("DEAR ABBY:") or an acronym that
# starts the sentence itself ("NASA - the space agency - said…": no capital after the dash).
PLACE = rf"(?!(?:{LABELS})\b)[{CAPS}][{CAPS}'.-]{{2,30}}(?:[ -][{CAPS}][{CAPS}'.-]{{1,30}}){{0,3}}"
# The agencies that a place in lower case or a region in parentheses may come with ("Hamburg (dpa) -"): named,
# since a ticker or an acronym in parentheses opens many a sentence ("Nvidia (NVDA) - The chipmaker…")
NAMED_AGENCIES = r"dpa|AFP|AP|Reuters|EFE|ANSA|APA|ANP|Belga|Lusa|PAP|ČTK|CTK|TASS|Xinhua|MTI|AA|SDA|ATS|Agerpres"
DASH = r"(?:—|–|--|-)"
NEXT = rf"(?=[{CAPS}0-9\"“‘'(«„])"  # the first sentence starts after it
DATELINE = re.compile(
    rf"^(?:{PLACE}(?:,\s*[A-Z][A-Za-z.]+(?:\s[A-Z][A-Za-z.]+)?(?:\s+\d{{1,2}})?"  # ", Ore." or ", June 17"
    rf"|,\s*\d{{1,2}}\s+[a-zé]{{3,10}}\.?)?"  # or ", 12 mar"
    rf"\s*(?:\((?:{AGENCIES})\))?|\((?:{AGENCIES})\))\.?\s*(?:{DASH}|_|:)\s+{NEXT}"
    # a region in parentheses, "VALFLEURI (France) -", or a place as written and a named agency, "Hamburg (dpa) -"
    rf"|^(?:(?=[{CAPS}'.-]{{4}}){PLACE}\s*\((?i:(?!(?:{LABELS})\)))[{CAPS}][\w .-]{{1,30}}\)"
    rf"(?:\s*\((?:{NAMED_AGENCIES})\))?"
    rf"|[{CAPS}][a-zà-ÿ]+(?:[ -][{CAPS}][a-zà-ÿ]+){{0,2}}\s*\((?:{NAMED_AGENCIES})\))\.?\s*{DASH}\s+{NEXT}"
    rf"|^\(\s*(?:ap|reuters|afp|cnn)\s*\)\s*(?:{DASH}|_|:)?\s*"
    # A place left before the first sentence when a scraper dropped the agency and the dash ("Istanbul The
    # government…", "New York A Manhattan grand jury…"): no sentence of prose runs on into a capitalised article.
    rf"|^[A-Z][a-z]+(?:[ -][A-Z][a-z]+){{0,2}},?\s+(?=(?:The|An?)\s+[A-Za-z])"
    # TASS's "НОВОСИБИРСК, 21 января. /ТАСС/.", and, in scripts without capitals, a place of one or two words
    # (and an agency) before a dash, only at the story's start, and no second dash after it (a phrase set off by
    # two dashes is no dateline): "صور - أعلن…", "ירושלים (וואלה) – …"
    rf"|^[{CAPS}]{{3,30}}(?:[ -][{CAPS}]{{2,30}}){{0,2}},\s*\d{{1,2}}\s+[а-яё]{{3,10}}\.?\s*/[{CAPS}]{{2,10}}/\.?\s+"
    rf"|^[{RTL}]+(?:\s[{RTL}]+)?(?:\s*\([{RTL}\w ]{{2,20}}\))?\s+[-–—]\s+(?=[{RTL}])(?![^\n]{{0,200}}\s[-–—]\s)",
)
FIRST_PARAGRAPH = 12  # words: shorter kept lines before it (a kicker, a heading) may precede the dateline
# The Hill's hover cards: a linked name, repeated and followed by the card's text up to "MORE".
HOVER_CARD = re.compile(r"\b([A-Z][\w.'’-]{1,30}(?: [A-Z][\w.'’-]{1,30}){1,3})\1[^\n]{0,300}? MORE\b")
# A web address of more than LONG_LINK_CHARS after its scheme (a tracking or safe-links URL): in a brief it is
# noise, and cut at a sentence's length limit it left its pieces as sentences of their own. In parentheses, with
# a short label ("(full report: https://…)"), it goes whole; in a sentence ("according to https://…"), its host
# stays, and the full stop after it. Each pattern starts at a scheme or a parenthesis: never a scan per character.
LONG_LINK_CHARS = 100
LONG_LINK = re.compile(
    rf"\s?\((?:[^()\n]{{0,40}}:\s*)?(?:https?|ftp)://[^\s()<>]{{{LONG_LINK_CHARS},}}\)"
    rf"|\b(?:https?|ftp)://(?=[^\s()<>]{{{LONG_LINK_CHARS},}})(?P<host>[\w.-]+)[^\s()<>]*[^\s()<>.,;:!?'\"”’]"
)
MAX_NOISE_WORDS = 60  # a longer line is a paragraph of the story, whatever it starts with
MAX_NOISE_CHARS = 600  # ... and so is a longer one in characters (which also bounds what the rules read)
TERMINAL = (".", "!", "?", ":", ";", '"', "”", "'", "’", ")", "]", "。", "！", "？", "؟", "।", "»", "」")
# A question-and-answer piece labels its paragraphs "Q." and "A.": in a brief, "A. Kennedy took off…" reads as an
# initial. Only where the article has both labels is "A." a label rather than a name's initial.
BULLET = re.compile(r"[*•·▪‣◦] +(?=\S)")  # a list item's mark, which no sentence of the brief should carry
QUESTION_LABEL = re.compile(r"Q[.:] ")
ANSWER_LABEL = re.compile(r"A[.:] (?=\S)")


# What a reader never sees and what only breaks words apart, so that a word with a soft hyphen in it is still the
# word: control characters (an ANSI colour code whole; NUL, which PostgreSQL cannot store), soft hyphens, byte
# order marks, zero-width spaces, word joiners, and bidirectional marks, embeddings and isolates. Not the
# zero-width (non-)joiners, which shape Indic, Persian and emoji text.
UNSEEN = re.compile(
    "\x1b\\[[0-9;?]*[ -/]*[@-~]|[\x00-\x08\x0e-\x1b\x7f-\x9f\u00ad\u061c\u200b\u200e\u200f\u202a-\u202e"
    "\u2060\u2066-\u2069\ufeff]"
)


C1 = re.compile("[\x80-\x9f]")  # control characters no text has: the marks of text decoded with the wrong table
# UTF-8 read as Latin-1: a lead byte and its continuation bytes, one of them in the C1 range ("â\x80\x93" for "–")
UTF8_AS_LATIN1 = re.compile("[\u00c2-\u00f4][\u0080-\u00bf]{1,3}")


def _as_utf8(match: re.Match[str]) -> str:
    try:
        return match.group().encode("latin-1").decode("utf-8") if C1.search(match.group()) else match.group()
    except UnicodeDecodeError:
        return match.group()


def _as_cp1252(match: re.Match[str]) -> str:
    try:
        return match.group().encode("latin-1").decode("cp1252")  # "\x97" for "—"
    except UnicodeDecodeError:
        return ""  # the five bytes Windows-1252 leaves unused


def unseen_out(text: str) -> str:
    """The text without what no reader sees (``UNSEEN``), and with the punctuation that a wrong decoding turned
    into control characters mended: UTF-8 read as Latin-1 ("â\x80\x93"), Windows-1252 read as Latin-1 ("\x97")."""
    if C1.search(text):
        text = C1.sub(_as_cp1252, UTF8_AS_LATIN1.sub(_as_utf8, text))
    return UNSEEN.sub("", text)


@dataclass(frozen=True)
class Cleaned:
    text: str
    dropped: tuple[tuple[str, str], ...]  # (rule, line) for every line that was removed


def _normal(lower: str) -> str:
    """A lower-cased line as the repeats are told apart: its words, whatever the punctuation between them."""
    return " ".join(word_runs(lower))


def _lines(text: str) -> list[str]:
    """Lines with whitespace normalised and hard-wrapped lines joined back into paragraphs."""
    text = unseen_out(text).replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ")
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
    lines = _lines(text)
    answers = ("Q." in text or "Q:" in text) and any(map(QUESTION_LABEL.match, lines))
    answers = answers and any(map(ANSWER_LABEL.match, lines))
    for line in lines:
        if bullet := BULLET.match(line):  # before the noise rules: "• Read more: …" is noise all the same
            dropped.append(("bullet", bullet.group().strip()))
            line = line[bullet.end() :]
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
        if answers and (label := ANSWER_LABEL.match(body)):
            dropped.append(("answer label", label.group().strip()))
            body = body[label.end() :]
        if "://" in body and (links := list(LONG_LINK.finditer(body))):  # tracking links: no reader reads them
            dropped.extend(("long link", f"{link.group(0).strip()[:60]}…") for link in links)
            body = LONG_LINK.sub(lambda link: link.group("host") or "", body)
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

    What a dropped byline, timestamp or dateline says is kept as metadata when the article does not have it
    already (the dateline's place is what the article's "here" means: ``places``).
    """
    cleaned = clean_text(article.text, article.title)
    byline = next((line for rule, line in cleaned.dropped if rule == "byline"), None)
    author, outlet = byline_credit(byline) if byline else (None, None)
    stamps = (timestamp_date(line) for rule, line in cleaned.dropped if rule == "timestamp")
    published = article.published or next((d for d in stamps if d), None)
    dateline = next((line for rule, line in cleaned.dropped if rule == "dateline"), "")
    return replace(
        article,
        text=cleaned.text,
        title=unseen_out(article.title) or headline(cleaned.text),
        author=unseen_out(article.author or author or "") or None,
        source=unseen_out(article.source or outlet or ""),
        published=published,
        place=article.place or dateline_place(dateline),
    )


HEADLINE_WORDS = 20


def headline(text: str) -> str:
    """The first line of a text that opens with its headline (short, no full stop, more lines after it): what
    the writer chose to say first, and what the title's features read. Empty when it does not."""
    first, _, rest = text.partition("\n")
    if not rest.strip() or not first.strip() or len(first.split()) > HEADLINE_WORDS:
        return ""
    return "" if first.rstrip().endswith(TERMINAL) else first.strip()

"""Segment: cleaned article text → sentences with exact character offsets.

Blingfire finds the boundaries (fast, offline); each line of cleaned text is a paragraph, so a headline
without a full stop stays a sentence of its own. A few repairs fix what it gets wrong in news: a split after
a title such as ``Gov.``, a quotation whose sentences belong together with their attribution (in “…”, "…" and
the wire services' ``…''), and ``"Why?" he asked.``

Offsets come from finding each sentence blingfire returns in the paragraph, left to right: its own offsets
function maps bytes to characters in a Python loop over every byte, three times the cost of the split.
"""

from __future__ import annotations

import ctypes
import re
from collections.abc import Callable, Iterator

import blingfire

from newsfuse.model import Article, Sentence

TITLES = frozenset(
    "Mr Mrs Ms Dr Gen Sen Rep Gov Lt Col Sgt Capt Cmdr Adm Maj Prof St Rev Hon Pres Supt Det Insp Cpl Pvt Gens "
    "Sens Reps Messrs No Nos Jan Feb Mar Apr Aug Sep Sept Oct Nov Dec Ft Mt Ave Blvd Rd Fig Vol Spc Pfc Brig Cdr Msgr "
    "Atty v vs".split()  # and a case's "v.", a match's "vs.": "EPA v. EME Homer City", "Lakers vs. Celtics"
    # and in other languages: Spanish, Portuguese, Italian, French, Greek ("ο κ. Παπαδόπουλος", "Mr."), Czech
    + "Sra Srta Dra Sig Dott Mgr Mlle κ κκ Δρ Καθ Ing".split()
)
# Abbreviations of one language only, that end no sentence there but might in another ("Sr." ends "John Smith
# Sr." in English): millions and numbers in German, Spanish and French titles, Russian streets, Hindi's "Dr."
# and rupees, Arabic's "Dr.".
OWN_TITLES = {
    "de": frozenset("Mio Mrd Nr Str Tsd bzw ca Hr Fr Prof".split()),
    "es": frozenset("Sr Sres Srs Dña núm Núm Lic Av Excmo".split()),
    "pt": frozenset("Sr Sra Srs Exmo Av".split()),
    "fr": frozenset("Mme Mmes MM Mgr Me".split()),
    "it": frozenset("Sig Sigg Avv Ing On".split()),
    "ru": frozenset("ул Ул Проф проф пр Пр млн млрд тыс".split()),
    "cs": frozenset("tzv mld mil resp MUDr JUDr PhDr RNDr Bc".split()),
    "nl": frozenset("Dhr Mevr Mw Drs Ir".split()),
    "hi": frozenset("डॉ रु प्रो".split()),
    "ar": frozenset("د".split()),
}  # fmt: skip
# A short word and its full stop at the end of a piece; Devanagari's vowel signs are part of the word ("डॉ.")
ENDS_WITH_TITLE = re.compile(r"(?:^|[\s(\"“`«„])([^\W\d_](?:[^\W\d_]|[\u0900-\u0903\u093a-\u094f]){0,4})\.$")
SPEECH_AFTER_QUESTION = re.compile(r"[?!](?:[\"”’']|'')$")
MAX_QUOTE_SENTENCES = 5  # a quotation longer than this is left in pieces (it is probably unclosed)
# Characters: a longer "sentence" (a list, a table row, a page of text with no full stop) is cut at a space
# before this. It also bounds what every per-sentence rule downstream reads, whatever a hostile input holds.
MAX_SENTENCE = 1_500


def quote_balance(text: str) -> int:
    """Quotations opened and not closed in ``text`` (negative: closes one opened before it)."""
    if "„" in text:  # German and Czech open low and close with “ (or ”)
        return text.count("„") - text.count("“") - text.count("”")
    if "«" in text or "»" in text:  # French, Spanish, Russian…
        return text.count("«") - text.count("»")
    if "“" in text or "”" in text:
        return text.count("“") - text.count("”")
    if "``" in text or "''" in text:
        return text.count("``") - text.count("''")
    return text.count('"') % 2


def _closes(text: str) -> bool:
    return "”" in text or "''" in text or '"' in text or "»" in text or "“" in text


def _initial(word: str, following: str) -> bool:
    """A capital of a script other than Latin before a name: an initial ("ο Γ. Παπανδρέου", "В. Путин"), which
    blingfire, knowing Latin initials only, takes for the end of a sentence."""
    return len(word) == 1 and word.isupper() and not word.isascii() and following[:1].isupper()


def _title_split(previous: str, following: str, ordinals: bool, titles: frozenset[str]) -> bool:
    title = ENDS_WITH_TITLE.search(previous[-8:])  # a title and the character before it: the end is enough
    if title and (title.group(1) in TITLES or title.group(1) in titles or _initial(title.group(1), following)):
        return True
    if ordinals and ORDINAL.search(previous) and following[:1].isalpha():
        return True
    return bool(SPEECH_AFTER_QUESTION.search(previous)) and following[:1].islower()


# A sentence may end inside the paragraph: a full stop and a space, or a mark that needs none (。！？).
INNER_END = re.compile(r"[.!?…;:؟।][\"'”’)\]`»]*\s|[。！？]")
# Hindi's full stop, which blingfire does not split at, and the marks that close a quotation after it
DANDA = re.compile(r"(?:(?<=[।॥])|(?<=[।॥][\"'”’»)]))\s+")
# A sentence that ends (a word of small letters and its stop, perhaps a closing quotation mark) before one that
# opens with a title and a name, in English or another language ("Il Sig. Rossi", "Dhr. de Vries", "MUDr. Novák")
TITLE_OPENS = re.compile(
    r"(?:(?<=[a-z]{2}[.!?])|(?<=[a-z]{2}[.!?][\"”’']))\s+"
    r"(?=(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|Sgt|Capt|Prof|Rev|Supt|Insp|Det|Adm|Maj"
    r"|Sig|Sigg|Dott|Sr|Sra|Srta|Dra|Dhr|Mevr|Mme|Mgr|Ing|MUDr|JUDr)\.\s+\S)"
)
# A capitalised word and a full stop after a name or a comma, before a capital: blingfire knows many surnames and
# state abbreviations as abbreviations ("…, said Robert Lang. Union organiser…", "…in Moses Lake, Wash. Hintz
# was…"), so it runs two sentences together. A title, a company's or a month's abbreviation ends nothing
# ("Intel Corp. Chairman Andy Grove", "Martin Luther King Jr. Day").
NAME_STOP = re.compile(r"(?:\b([A-Z][a-z]+)|(,)) ([A-Z][a-z]{1,12})\.\Z")  # read back from each ". " (found by
NAME_STOP_NEXT = re.compile(r"\s+[\"“‘'`]*[A-Z]")  # str.find: a scan by the pattern cost a fifth of segmenting)
# after a comma, only a state's abbreviation ends a sentence ("…in Madison, Wis. Greist…"); "The priest, Fr. Jones"
STATES = frozenset(
    "Ala Ariz Ark Calif Colo Conn Del Fla Ga Ill Ind Kan Kans Ky La Md Mass Mich Minn Miss Mo Mont Neb Nev Okla Ore "
    "Pa Penn Tenn Tex Vt Va Wash Wis Wyo".split()
)
GOES_ON_AFTER = frozenset(
    "Co Cos Corp Inc Ltd Bros Jr Sr Ave Blvd Rd Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Ste Sta Sto Fr Drs "
    "Profs Assn Assoc Mfg Dept Univ Intl Natl Const Asst Comdr Amb Esq Cie Hwy Pt Dist Govt Twp Bldg Ctr Hosp Inst "
    "Lab Mgmt Org Sch Tech".split()
)
QUOTATIONS_MEET = re.compile(r"(?<=[.!?][“”»])\s+(?=[„«])")  # one quotation ends a sentence, the next opens
GREEK_QUESTION = re.compile(r"(?<=[;\u037e])\s+(?=\S)")  # Greek's question mark: ";" ends a question there
ORDINAL = re.compile(r"(?:^|\s)\d{1,2}\.$")  # "am 3. Mai": a number that is not an end…
ORDINAL_LANGUAGES = frozenset({"de", "cs"})  # …in languages that write ordinals so


class _Blingfire:
    """Blingfire's sentence split with one output buffer for a whole article (its own wrapper allocates one per
    call, a quarter of the cost of a paragraph)."""

    def __init__(self) -> None:
        self.buffer = ctypes.create_string_buffer(1 << 14)

    def sentences(self, text: str) -> str:
        data = text.encode("utf-8")
        if 2 * len(data) > len(self.buffer):
            self.buffer = ctypes.create_string_buffer(2 * len(data))
        written = blingfire.blingfire.TextToSentences(data, len(data), self.buffer, len(self.buffer))
        return ctypes.string_at(self.buffer, written - 1).decode("utf-8") if 0 < written <= len(self.buffer) else ""


CJK_END = re.compile(r"[。！？]+")
CJK_OPEN, CJK_CLOSE = "「『“（(", "」』”）)"
# After a closing mark, what goes on with the sentence: Japanese's quotative particles ("「…。」と言った"), a comma,
# or a Chinese attribution that follows its quotation ("“…。”他说。").
GOES_ON = re.compile(r"[とっ、，,]|[^。！？]{1,10}?(?:说|表示|指出|称)[。！？]")


def _cjk_spans(text: str) -> list[tuple[int, int]]:
    """Sentences of a paragraph in Chinese or Japanese: each ends at 。！？ and the marks that close after it,
    unless a quotation is still open there (「雨はない。」 is one quotation) or the sentence goes on after it
    (``GOES_ON``). Blingfire cuts inside quotations and not after a closing mark."""
    spans, start, depth, at = [], 0, 0, 0
    while at < len(text):
        char, at = text[at], at + 1
        depth = depth + 1 if char in CJK_OPEN else max(depth - (char in CJK_CLOSE), 0)
        if not CJK_END.match(char):
            continue
        while at < len(text) and (CJK_END.match(text[at]) or text[at] in CJK_CLOSE):  # the marks closing after it
            depth, at = max(depth - (text[at] in CJK_CLOSE), 0), at + 1
        if depth == 0 and not GOES_ON.match(text, at):
            spans.append((start, at))
            start = at
    if start < len(text):
        spans.append((start, len(text)))
    return spans


def _spans(text: str, splitter: _Blingfire) -> list[tuple[int, int]]:
    """Blingfire's sentences of one paragraph as (start, end) offsets into it (Chinese and Japanese: ours)."""
    if not INNER_END.search(text):  # one sentence (many a news paragraph is): no need to ask blingfire
        return [(0, len(text))]
    if CJK_END.search(text):
        return _cjk_spans(text)
    spans = []
    cursor = 0
    pieces = splitter.sentences(text).split("\n")
    if "।" in text or "॥" in text:
        pieces = [p for piece in pieces for p in DANDA.split(piece)]
    for piece in pieces:
        start = text.find(piece, cursor)
        if start < 0:  # blingfire changed the text: fall back on its own (slow) offsets
            return [tuple(span) for span in blingfire.text_to_sentences_and_offsets(text)[1]]
        spans.append((start, start + len(piece)))
        cursor = start + len(piece)
    return spans


def _join_open(
    text: str, spans: list[tuple[int, int]], balance: Callable[[str], int], closes: Callable[[str], bool] | None = None
) -> list[tuple[int, int]]:
    """Merge the sentences of a quotation (with its attribution) or an aside in parentheses that one of them opens
    (``balance`` > 0) and one within ``MAX_QUOTE_SENTENCES`` closes (``closes`` it, if given, and the whole is
    balanced): else the pieces of "(A meteor glows. One that lands is a meteorite.)" start or end on a lone mark."""
    joined: list[tuple[int, int]] = []
    i = 0
    while i < len(spans):
        start, end = spans[i]
        if balance(text[start:end]) > 0:
            for j in range(i + 1, min(i + MAX_QUOTE_SENTENCES, len(spans))):
                piece = text[spans[j][0] : spans[j][1]]
                if (closes is None or closes(piece)) and balance(text[start : spans[j][1]]) <= 0:
                    end, i = spans[j][1], j
                    break
        joined.append((start, end))
        i += 1
    return joined


def _aside_balance(text: str) -> int:
    """Asides opened in ``text`` and not closed (negative: closes one opened before it)."""
    return text.count("(") - text.count(")")


def split_paragraph(text: str, language: str = "", splitter: _Blingfire | None = None) -> Iterator[tuple[int, int]]:
    """(start, end) of each sentence of one paragraph in ``language`` (an ISO code; "" is English)."""
    if not text.strip():
        return
    spans: list[tuple[int, int]] = []
    found = _spans(text, splitter or _Blingfire())
    if language == "el" and (";" in text or "\u037e" in text):
        found = [piece for span in found for piece in _cut(text, span, GREEK_QUESTION)]
    if "„" in text or "«" in text:  # blingfire does not end a sentence between „…“ „…“ or «…» «…»
        found = [piece for span in found for piece in _cut(text, span, QUOTATIONS_MEET)]
    if ". " in text:  # nor before a title: "No one was crossing it. Mr. Baines said…"
        found = [piece for span in found for piece in _cut(text, span, TITLE_OPENS)]
    ordinals, titles = language in ORDINAL_LANGUAGES, OWN_TITLES.get(language, frozenset())
    if ". " in text and language in ("", "en") and not text.islower():  # no capital: no name (and a cheap test)
        found = [piece for span in found for piece in _name_stops(text, span)]
    for start, end in found:
        if spans and _title_split(text[spans[-1][0] : spans[-1][1]], text[start:end], ordinals, titles):
            spans[-1] = (spans[-1][0], end)
        else:
            spans.append((start, end))
    spans = _join_open(text, spans, _aside_balance) if "(" in text else spans
    for joined in _join_open(text, spans, quote_balance, _closes):
        for start, end in _bounded(text, *joined):
            piece = text[start:end]
            left = len(piece) - len(piece.lstrip())
            right = len(piece.rstrip())
            if right > left:
                yield start + left, start + right


def _cut(text: str, span: tuple[int, int], at: re.Pattern[str]) -> Iterator[tuple[int, int]]:
    """A span in pieces, cut where ``at`` matches inside it."""
    start, end = span
    for match in at.finditer(text, start, end):
        yield start, match.start()
        start = match.end()
    yield start, end


def _name_stops(text: str, span: tuple[int, int]) -> Iterator[tuple[int, int]]:
    """A span in pieces, cut after each ``NAME_STOP``: a state after a comma, or a word after a name that is no
    title or abbreviation that goes on (English only: other languages abbreviate other words)."""
    start, end = span
    stop = text.find(". ", start, end)
    while stop >= 0:
        match = NAME_STOP.search(text, max(start, stop - 40), stop + 1)
        if match and NAME_STOP_NEXT.match(text, stop + 1, end):
            word, name = match.group(3), match.group(1)
            after_name = name is not None and name not in TITLES and name not in GOES_ON_AFTER
            if (word in STATES and match.group(2)) or (after_name and word not in TITLES and word not in GOES_ON_AFTER):
                yield start, stop + 1
                start = stop + 1
        stop = text.find(". ", stop + 1, end)
    yield start, end


def _bounded(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """The span in pieces of at most ``MAX_SENTENCE`` characters, cut after the last space that keeps one so."""
    while end - start > MAX_SENTENCE:
        cut = text.rfind(" ", start + 1, start + MAX_SENTENCE)
        cut = cut + 1 if cut > start else start + MAX_SENTENCE
        yield start, cut
        start = cut
    yield start, end


def segment(article: Article) -> list[Sentence]:
    """Sentences of a cleaned article; ``article.text[s.start:s.end] == s.text`` for each."""
    sentences: list[Sentence] = []
    offset = 0
    splitter = _Blingfire()
    for number, line in enumerate(article.text.split("\n")):
        for start, end in split_paragraph(line, article.language, splitter):
            sentences.append(
                Sentence(article.id, len(sentences), line[start:end], offset + start, offset + end, number)
            )
        offset += len(line) + 1
    return sentences

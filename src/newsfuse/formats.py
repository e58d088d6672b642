"""Parsers for each input format, and detection of the format of an input.

Each parser takes decoded text and returns partial articles (dicts with the fields of ``Article``); the
ingest stage gives them ids and checks them.
"""

from __future__ import annotations

import io
import json
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from datetime import UTC, datetime
from functools import partial
from itertools import islice
from pathlib import PurePath
from typing import Any
from urllib.parse import urljoin

from newsfuse.errors import unexpected
from newsfuse.extraction import declared_body, fuller, plain, recovered, shown
from newsfuse.model import utc

FORMATS = ("auto", "text", "html", "json", "jsonl", "multinews", "feed")
EXTENSIONS = {
    ".txt": "text",
    ".text": "text",
    ".md": "text",
    "": "text",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".json": "json",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".rss": "feed",
    ".atom": "feed",
}
FEED_ROOT = re.compile(r"<(?:rss|feed|rdf:RDF)\b")
MAX_PAGE_CHARS = 10_000_000  # a longer web page is not an article page (extraction time and memory grow with it)
SNIFF = 5000  # content sniffing looks at this many characters only: bounded time on any input
MULTINEWS_SEPARATOR = "|||||"
SEPARATOR = re.compile(r"(?<!\|)\|{5}(?!\|)")  # exactly five: a longer run of pipes is a divider in plain text
HTML_TAG = re.compile(r"<(!doctype html|html|head|body|p|div|article|br|span|a|h[1-6])\b", re.IGNORECASE)
HTML_DOCUMENT = re.compile(r"<(?:!doctype html|html|head|body)\b", re.IGNORECASE)
HTML_CLOSING = re.compile(r"</(?:p|div|article|span|a|h[1-6]|li|section|body|html)\s*>|<br\s*/?>", re.IGNORECASE)
# The publication date from the page's markup only: scanning the whole text for dates (htmldate's extensive
# search) took 2.1 s on one real page (0.05 s without) and found a date on 9 of 173 test pages, often a wrong one.
DATE_SEARCH = {"extensive_search": False, "original_date": True}
FIELDS = ("id", "title", "text", "source", "url", "published", "author", "language")

Partial = dict[str, Any]
UNDECODABLE = re.compile("[\udc80-\udcff]")  # bytes that were not UTF-8, kept by ``surrogateescape``


class FormatError(ValueError):
    """The content does not parse as the format it was taken for."""


# One record of a JSON or JSONL input: where it is (" (article 3)", ":12", "" for a lone one), and its article
# or why it is not one.
Record = tuple[str, Partial | FormatError]


def looks_like_html(text: str) -> bool:
    """Markup, not text that names a tag: a document's tag, or a tag and a closing one ("<p>…</p>", "<br>").
    Plain text that writes "a new <article> attribute" or "(x <a and y >b)" is no page: extracted as one, it
    would lose those words in silence."""
    sample = text[:SNIFF]
    return bool(HTML_DOCUMENT.search(sample) or (HTML_TAG.search(sample) and HTML_CLOSING.search(sample)))


def past_preamble(content: str) -> str:
    """The text after its leading XML declarations and comments, where a feed's or a page's first tag is.

    Skipped with ``str.find``, not a regex: a page that opens with many comments must not backtrack.
    """
    start, size = len(content) - len(content.lstrip()), len(content)
    while content.startswith(("<?", "<!--"), start):
        close = "?>" if content.startswith("<?", start) else "-->"
        end = content.find(close, start + 2)
        if end < 0:
            return ""
        start = end + len(close)
        while start < size and content[start].isspace():
            start += 1
    return content[start : start + SNIFF]


def looks_like_feed(head: str) -> bool:
    """Whether the text (past its preamble) opens with an RSS/Atom root."""
    return FEED_ROOT.match(head) is not None


def detect(name: str, content: str) -> str | None:
    """The format of a file: by its extension first, then by its content; None when it is neither. A text
    file (".txt", ".md") that is a whole web page or a JSON document is read as one.

    Multi-News' separator counts only in text that is not markup (a page's script may contain ``|||||``), and
    only as exactly five pipes (a line of thirty divides plain text).
    """
    name = inflated(name)  # "x.jsonl.gz" is read inflated
    suffix = PurePath(name).suffix.lower() if name != "-" else ""
    if suffix and EXTENSIONS.get(suffix, "text") != "text":
        return EXTENSIONS[suffix]
    head = content.lstrip()[:SNIFF]
    tags = past_preamble(content)
    if looks_like_feed(tags):
        return "feed"
    markup = looks_like_html(head) or looks_like_html(tags)
    if not markup and ("NEWLINE_CHAR" in content or (MULTINEWS_SEPARATOR in content and SEPARATOR.search(content))):
        return "multinews"
    named_text = suffix in EXTENSIONS and suffix != ""  # ".txt", ".md": text, unless it is plainly a page or JSON
    structured = _json_kind(content) if head.startswith(("{", "[")) else None
    if structured and (not named_text or structured == "jsonl" or _parses(content)):
        return structured  # a ".txt" of JSON is no text to brief as written
    if markup and (not named_text or HTML_DOCUMENT.match(head)):
        return "html"  # a whole page saved as ".txt" too
    return "text" if suffix in EXTENSIONS else None


def inflated(name: str) -> str:
    """A file's name as its content is read: without ".gz" (``ingest.read_file`` inflates it)."""
    return name[:-3] if name.lower().endswith(".gz") else name


def _parses(content: str) -> bool:
    try:
        json.loads(content)
        return True
    except (ValueError, RecursionError):
        return False


JSON_ARRAY = re.compile(r"\[\s*(?:[\[{\"\]\d-]|true|false|null)")  # "[{…", "[]": not "[Update] Mayor resigns"


def _json_kind(content: str) -> str | None:
    """Content that opens like JSON, read without a name that says: JSON lines when its first line is a whole
    object and more lines follow (a bad line later is skipped alone, as in a .jsonl file), else one JSON
    document, or, for "[Update] Mayor resigns…", text (None). Only the first line is parsed here: the
    document is parsed once, by its reader. Lines end at ``\\n`` only, as ``jsonl_records`` reads them."""
    stripped = content.strip()
    first, _, rest = stripped.partition("\n")
    if rest.strip() and first.lstrip().startswith("{"):
        try:
            json.loads(first)
            return "jsonl"
        except (ValueError, RecursionError):
            pass
    return "json" if stripped.startswith("{") or JSON_ARRAY.match(stripped) else None


def parse(fmt: str, content: str) -> list[Partial]:
    return PARSERS[fmt](content)


def records(fmt: str, content: str, first_line: int = 1) -> list[Record]:
    """An input's records: JSON items and JSONL lines one by one (each may fail alone), others all at once
    (a FormatError for the whole input)."""
    if fmt == "jsonl":
        return list(jsonl_records(content, first_line))
    if fmt == "json":
        return json_records(content)
    partials = parse(fmt, content)
    return [("" if len(partials) == 1 else f" (article {n})", p) for n, p in enumerate(partials, 1)]


LINE_BREAK = re.compile(r"\r\n|\r|\n")
SENTENCE_END = re.compile(r"[.!?。！？؟।][\"'”’»」)]*\s*$")
HEADLINE_SENTENCE_WORDS = 12


def parse_text(content: str) -> list[Partial]:
    """First non-empty line is the title when a body follows it and it reads like a headline: at most 25 words,
    and at most 12 if it ends as a sentence does (a lead sentence on a line of its own is the story's first
    sentence, not its title). Lines end at line breaks only: a form feed or U+2028 inside a sentence is no end
    of a headline."""
    lines = LINE_BREAK.split(content.strip())
    words = len(lines[0].split())
    if len(lines) > 1 and words <= (HEADLINE_SENTENCE_WORDS if SENTENCE_END.search(lines[0]) else 25):
        return [{"title": lines[0].strip(), "text": "\n".join(lines[1:])}]
    return [{"title": "", "text": content}]


def parse_html(content: str) -> list[Partial]:
    """Main text and metadata of a web page, with navigation, ads, share bars and comments dropped.

    trafilatura's balanced default, tables included: its precision mode loses whole articles and words inside
    sentences on real pages; the cleaning stage removes what noise the default lets through.
    """
    if len(content) > MAX_PAGE_CHARS:
        raise FormatError(f"web page of {len(content):,} characters: over the limit of {MAX_PAGE_CHARS:,}")
    import trafilatura  # heavy import, only needed for HTML

    content = shown(content)

    doc = trafilatura.bare_extraction(
        content,
        with_metadata=True,
        include_comments=False,
        include_images=False,
        date_extraction_params=DATE_SEARCH,
    )
    if doc is None:  # not a page trafilatura can parse at all (its second pass would only log errors about it)
        raise FormatError("no article text found in the HTML")
    own = trafilatura.bare_extraction(content, fast=True, include_comments=False, include_images=False)
    text = fuller(recovered(doc.text or "", own.text or "" if own else ""), declared_body(content))
    if not text.strip():
        raise FormatError("no article text found in the HTML")
    return [
        {
            "title": doc.title or "",
            "text": text,
            "source": doc.sitename or doc.hostname or "",
            "url": doc.url,
            "published": doc.date,
            "author": doc.author,
        }
    ]


def from_object(item: Any, where: str) -> Partial:
    if not isinstance(item, Mapping):
        raise FormatError(f"{where}: expected a JSON object, got {type(item).__name__}")
    text = item.get("text")
    if not isinstance(text, str):
        raise FormatError(f"{where}: field 'text' must be a string")
    article = {k: item[k] for k in FIELDS if item.get(k) is not None}
    for key in FIELDS:
        if key in article and (not isinstance(article[key], str | int) or isinstance(article[key], bool)):
            raise FormatError(f"{where}: field '{key}' must be a string")
    article = {k: str(v) for k, v in article.items()}
    if looks_like_html(text):
        try:
            extracted = parse_html(text)[0]
        except FormatError:  # a fragment trafilatura finds no article in: keep its text, the checks decide
            article["text"] = plain(text)
            return article
        article["text"] = extracted["text"]
        for key in ("title", "source", "published", "author"):
            article.setdefault(key, extracted.get(key) or "")
    return article


def _loads(text: str) -> Any:
    """JSON, safely: malformed, too deeply nested or with a number too long to convert is a FormatError."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        at = f"line {exc.lineno}, column {exc.colno}" if "\n" in text else f"column {exc.colno}"
        raise FormatError(f"malformed JSON: {exc.msg} ({at})") from None
    except RecursionError:
        raise FormatError("JSON is nested too deeply") from None
    except ValueError as exc:  # an integer of more than 4,300 digits
        raise FormatError(f"JSON holds a number too long to read ({str(exc).split(':')[0]})") from None


def _record(place: str, read: Callable[[], Any]) -> Record:
    """One record's article, or why it is not one. Any failure stays the record's own: one bad record must
    not cost its neighbours, nor stop a stream at the same record on every run."""
    try:
        return place, from_object(read(), "record")
    except FormatError as exc:
        return place, FormatError(str(exc).removeprefix("record: "))
    except MemoryError:
        raise
    except Exception as exc:  # a parser's bug met by one record: that record is skipped, named
        return place, FormatError(f"unreadable record ({unexpected(exc)})")


def json_records(content: str) -> list[Record]:
    """The items of a JSON document (an object, a list, or ``{"articles": [...]}``), each an article or why
    not; a document that does not parse is a FormatError for the whole input."""
    items = _items(_loads(content))
    return [_record(f" (article {n})" if len(items) > 1 else "", lambda i=item: i) for n, item in enumerate(items, 1)]


def _items(data: Any) -> list[Any]:
    """A JSON document's articles to be: the items of a list or of ``{"articles": [...]}``, else the document."""
    if isinstance(data, dict) and "articles" in data and "text" not in data:
        if not isinstance(data["articles"], list):
            raise FormatError(f"field 'articles' must be a list of articles, not {type(data['articles']).__name__}")
        data = data["articles"]
    return data if isinstance(data, list) else [data]


def jsonl_records(content: str, first: int = 1) -> Iterator[Record]:
    """Each non-blank line (numbered from ``first``) as an article or why not: a truncated or undecodable
    line is skipped alone. Lines end at ``\\n`` only: ``str.splitlines`` would also cut at U+2028, which
    JSON strings may hold raw. Bytes that were not UTF-8 arrive as ``surrogateescape`` characters."""
    for number, line in enumerate(content.split("\n"), first):
        if not line.strip():
            continue
        if bad := UNDECODABLE.search(line):
            offset = len(line[: bad.start()].encode("utf-8", "surrogateescape"))
            yield f":{number}", FormatError(f"not UTF-8 text (undecodable byte at column {offset + 1})")
            continue
        yield _record(f":{number}", partial(_loads, line))


def _all_good(records: Iterable[Record], label: str) -> list[Partial]:
    """The articles of all records, or the first bad record's problem, where it is first ("line 2: ...")."""
    articles = []
    for place, found in records:
        if isinstance(found, FormatError):
            raise FormatError(f"{label}{place.strip(' :()')}: {found}".removeprefix(": "))
        articles.append(found)
    return articles


def parse_json(content: str) -> list[Partial]:
    return _all_good(json_records(content), "")


def parse_jsonl(content: str) -> list[Partial]:
    return _all_good(jsonl_records(content), "line ")


def parse_multinews(content: str) -> list[Partial]:
    documents = SEPARATOR.split(content.replace("NEWLINE_CHAR", "\n"))
    return [{"title": "", "text": doc.strip()} for doc in documents if doc.strip()]


def parse_feed(content: str | bytes, headers: Mapping[str, str] | None = None) -> list[Partial]:
    """RSS and Atom entries (feedparser): title, link, date, author, and the fullest text the entry has.

    Bytes (a fetched feed, with its response ``headers`` for the encoding and the base of relative links) go to
    feedparser as a stream, and so does text, as UTF-8 (what it was read as): given a string that looks like a
    URL or a file name ("http://…", "/dev/zero"), feedparser would fetch or open it."""
    import feedparser

    if isinstance(content, str):
        content, headers = content.encode("utf-8", "surrogatepass"), {"content-type": "application/xml; charset=utf-8"}
    feed = feedparser.parse(io.BytesIO(content), response_headers=headers)
    if not feed.entries and feed.bozo:
        raise FormatError(f"not a valid RSS/Atom feed ({feed.bozo_exception})")
    if not feed.entries and not feed.get("version"):  # well-formed, but a page or other XML: no feed at all
        raise FormatError("not an RSS or Atom feed (no <rss>, <feed> or RDF channel)")
    site = plain(feed.feed.get("title", "")).strip()
    base = feed.feed.get("link") or (headers or {}).get("content-location") or ""  # what "/news/1" is relative to
    articles = []
    for entry in feed.entries:
        bodies = [c.get("value", "") for c in entry.get("content", [])] + [entry.get("summary", "")]
        text = plain(max(bodies, key=len)).strip()
        when = entry.get("published_parsed") or entry.get("updated_parsed")
        articles.append(
            {
                "id": _absolute(entry.get("id") or entry.get("link") or "", base),
                "title": plain(entry.get("title", "")).strip(),
                "text": text,
                "source": site,
                "url": _absolute(entry["link"], base) if entry.get("link") else None,
                "published": _published(when),
                "author": entry.get("author"),
            }
        )
    return articles


def _absolute(link: str, base: str) -> str:
    """A link made absolute against the feed's site: two sites' "/news/1" are two articles, not one."""
    return urljoin(base, link) if base and link.startswith(("/", "./", "../")) else link


def _published(when: Any) -> str | None:
    """A feed entry's date as a UTC instant (feedparser's ``*_parsed`` is UTC): its time of day is kept, since
    "what is new since 10:00" needs it. None for no date, or one no calendar has."""
    try:
        return utc(datetime(*when[:6], tzinfo=UTC)) if when else None
    except (TypeError, ValueError, OverflowError):
        return None


FEED_ENTRY = re.compile(r"<(?:[\w.-]+:)?(?:item|entry)[\s/>]")  # an RSS item or Atom entry, in any namespace
NON_BLANK_LINE = re.compile(r"^[^\S\n]*\S", re.MULTILINE)  # a line (ended by \n only) with more than blanks


def count_records(fmt: str, content: str, most: int) -> int:
    """How many articles (up to ``most``) an input of format ``fmt`` holds, counted without building any (a
    JSON parse at most), so that a run over a limit is refused before the work: a JSONL file's non-blank
    lines, a JSON document's items, a feed's entry tags, Multi-News' documents; one for a text or a page. A
    record that is no article counts too, and so does an entry tag inside a comment or CDATA (a regex over the
    text: linear whatever it holds); a document that does not parse counts nothing (its error is told when it
    is read)."""
    if fmt == "json":
        try:
            return min(len(_items(_loads(content))), most)
        except FormatError:
            return 0
    if fmt == "multinews":
        return min(len(parse_multinews(content)), most)
    if fmt not in ("jsonl", "feed"):
        return 1
    found = (NON_BLANK_LINE if fmt == "jsonl" else FEED_ENTRY).finditer(content)
    return sum(1 for _ in islice(found, most))


PARSERS = {
    "text": parse_text,
    "html": parse_html,
    "json": parse_json,
    "jsonl": parse_jsonl,
    "multinews": parse_multinews,
    "feed": parse_feed,
}

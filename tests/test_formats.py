import json

import pytest

from newsfuse.clean import clean_text
from newsfuse.formats import (
    FormatError,
    count_records,
    detect,
    parse_feed,
    parse_html,
    parse_json,
    parse_jsonl,
    parse_multinews,
    parse_text,
)

PAGE = """<!DOCTYPE html><html><head><title>Dam fails | The Courier</title>
<meta property="og:site_name" content="The Courier"><meta name="author" content="Priya Natarajan">
<meta property="article:published_time" content="2026-11-03T18:05:00-08:00"></head>
<body><nav><a href="/">Home</a> | <a href="/news">News</a> | <a href="/sports">Sports</a></nav>
<article><h1>Dam fails</h1>
<p>An earthen dam on Marlow Creek gave way before dawn on Tuesday, flooding the town of Alder Falls.</p>
<p>Four people died in the flood, the county coroner said on Tuesday night, and sixteen were hurt.</p>
<div class="ad">Advertisement: Buy one mattress, get one free at Sleepy Town today</div>
<p>The dam had been rated in poor condition by state inspectors in 2024, records show.</p></article>
<section class="comments"><h3>Comments</h3>
<div class="comment">dave_88: Nobody maintains anything around here!!!</div></section>
<footer>Privacy | Terms</footer></body></html>"""


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("a.txt", "Title\nBody.", "text"),
        ("a.html", "<p>x</p>", "html"),
        ("a.json", '{"text": "x"}', "json"),
        ("a.jsonl", '{"text": "x"}\n{"text": "y"}', "jsonl"),
        ("-", '{"text": "x"}\n{"text": "y"}', "jsonl"),
        ("-", '[{"text": "x"}]', "json"),
        ("-", '{\n  "text": "x"\n}', "json"),  # one document over several lines
        ("-", '{"text": "a\u2028b"}\n{"text": "y"}', "jsonl"),  # a raw line separator inside a string
        ("-", '{"text": "x"}\n[1, 2]', "jsonl"),  # a bad line later is skipped alone, as in a .jsonl file
        ("-", '{"text": "x", ', "json"),  # malformed: said so, not read as text
        ("-", "[Update] Mayor resigns\n\nThe mayor resigned on Friday.", "text"),
        ("notes", "[Update] Mayor resigns", "text"),
        ("-", "<html><body><p>x</p></body></html>", "html"),
        ("-", "first doc ||||| second doc", "multinews"),
        ("cluster.src", "line one NEWLINE_CHAR line two", "multinews"),
        ("notes", "Just some text.", "text"),
        ("page.xml", "Just some text.", None),
        ("scan.pdf", "%PDF-1.4 something", None),
        ("saved.txt", "<!DOCTYPE html><html><body><p>The dam failed.</p></body></html>", "html"),  # a page saved
        ("notes.txt", "A new <p> tag in the editor, and </p> closes it.", "text"),  # text that names tags
        ("export.txt", '[{"text": "The dam failed."}]', "json"),
        ("export.md", '{"text": "x"}\n{"text": "y"}', "jsonl"),
        ("notes.txt", '{Update} The mayor resigned on Friday, "officials" said.', "text"),  # not JSON at all
        ("wire.txt", "The dam failed.\n" + "|" * 30 + "\nAbout the author.", "text"),  # a divider of pipes
    ],
)
def test_detect(name: str, content: str, expected: str | None) -> None:
    assert detect(name, content) == expected


def test_text_first_line_is_the_title() -> None:
    [article] = parse_text("\nDam fails in Alder Falls\nThe dam gave way on Tuesday.\nThree died.")
    assert article["title"] == "Dam fails in Alder Falls"
    assert article["text"] == "The dam gave way on Tuesday.\nThree died."


def test_text_single_long_paragraph_has_no_title() -> None:
    body = "The dam gave way on Tuesday. " * 10
    assert parse_text(body)[0]["title"] == ""


def test_html_keeps_main_text_and_metadata_and_drops_page_furniture() -> None:
    """Extraction (trafilatura's balanced default) and then cleaning: what the brief reads."""
    [article] = parse_html(PAGE)
    text = clean_text(article["text"], article["title"]).text
    assert "An earthen dam on Marlow Creek gave way" in text
    assert "rated in poor condition" in text
    for furniture in ("Home", "Sports", "mattress", "dave_88", "Privacy"):
        assert furniture not in text
    assert article["title"].startswith("Dam fails")
    assert article["source"] == "The Courier"
    assert article["published"] == "2026-11-03"
    assert article["author"] == "Priya Natarajan"


def test_html_without_text_is_an_error() -> None:
    with pytest.raises(FormatError, match="no article text"):
        parse_html("<html><head><title></title></head><body><script>var x = 1;</script><img src=a.png></body></html>")


def test_json_object_list_and_wrapper() -> None:
    one = {"id": "w1", "title": "T", "text": "The dam failed.", "source": "Wire", "url": "https://x.example/a"}
    assert parse_json(json.dumps(one))[0]["id"] == "w1"
    assert [a["text"] for a in parse_json(json.dumps([one, one]))] == ["The dam failed.", "The dam failed."]
    assert parse_json(json.dumps({"articles": [one]}))[0]["source"] == "Wire"


def test_json_text_may_be_html() -> None:
    [article] = parse_json(json.dumps({"id": "p", "text": PAGE}))
    assert "An earthen dam" in article["text"]
    assert "dave_88" not in article["text"]
    assert article["source"] == "The Courier"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('{"text": "x",', "malformed JSON"),
        ('{"title": "no text"}', "field 'text' must be a string"),
        ('{"text": 3}', "field 'text' must be a string"),
        ("[1, 2]", "expected a JSON object"),
        ('{"text": "x", "title": ["a"]}', "field 'title' must be a string"),
    ],
)
def test_json_errors(content: str, message: str) -> None:
    with pytest.raises(FormatError, match=message):
        parse_json(content)


def test_jsonl_reads_each_line_and_names_a_bad_line() -> None:
    good = '{"id": "a", "text": "One."}\n\n{"id": "b", "text": "Two."}\n'
    assert [a["id"] for a in parse_jsonl(good)] == ["a", "b"]
    with pytest.raises(FormatError, match="line 2"):
        parse_jsonl('{"id": "a", "text": "One."}\n{oops}\n')


def test_multinews_splits_documents_and_restores_line_breaks() -> None:
    content = "first doc line one NEWLINE_CHAR line two ||||| ||||| second doc"
    assert [a["text"] for a in parse_multinews(content)] == ["first doc line one \n line two", "second doc"]


@pytest.mark.parametrize(
    ("fmt", "content", "count"),
    [
        ("jsonl", '{"text": "a"}\n\n  \n{"text": "b"}\n{oops\n', 3),  # a bad line counts, blank lines do not
        ("json", '{"articles": [{"text": "a"}, {"text": "b"}, 3]}', 3),
        ("json", '[{"text": "a"}]', 1),
        ("json", '{"text": "a"}', 1),
        ("json", '{"text": ', 0),  # told when it is read
        ("feed", "<rss><channel><item><title>a</title></item><item/><items/></channel></rss>", 2),
        ("feed", '<feed xmlns="http://www.w3.org/2005/Atom"><entry>a</entry><atom:entry\n>b</atom:entry></feed>', 2),
        ("multinews", "one ||||| two ||||| ", 2),
        ("text", "A line.\nAnother.", 1),
        ("html", "<p>A page.</p>", 1),
    ],
)
def test_records_are_counted_without_building_articles(fmt: str, content: str, count: int) -> None:
    assert count_records(fmt, content, 100) == count
    assert count_records(fmt, content, 1) == min(count, 1)  # counting stops at the most asked for


def test_a_form_feed_inside_the_first_sentence_makes_no_title() -> None:
    content = "The council approved the budget on Monday. The mayor said it\fwould fund three new schools.\n"
    assert parse_text(content) == [{"title": "", "text": content}]
    assert parse_text("Budget passes\r\nThe council approved it on Monday.")[0]["title"] == "Budget passes"


def test_text_that_names_a_tag_is_text_not_a_page_that_loses_words() -> None:
    """Extracted as a page, "a new <article> attribute" lost "<article>" and the words the fake tag spanned."""
    import newsfuse

    text = (
        "Browsers will support a new <article> attribute next year, and editors will wrap stories in <div> blocks, "
        "the standards group said on Tuesday (x <a and y >b)."
    )
    brief = newsfuse.summarize([{"id": "a", "text": text}, {"id": "b", "text": text.replace("Tuesday", "Monday")}])
    assert {a.id: a.text for a in brief.articles}["a"] == text  # every word kept
    assert newsfuse.summarize([{"text": "<p>The dam failed on Tuesday, officials said.</p>"}]).articles[0].text == (
        "The dam failed on Tuesday, officials said."
    )  # markup is still read as a page


def test_a_feed_file_is_parsed_never_opened_or_fetched(tmp_path) -> None:
    """feedparser opens a string that looks like a URL or a path: a feed file holding one is no feed."""
    other = tmp_path / "other.rss"
    other.write_text(FEED.format(link="https://a.example/news/1"))
    for content in (str(other), "http://127.0.0.1:9/feed.rss", "/dev/zero"):
        with pytest.raises(FormatError, match="not a valid RSS/Atom feed"):
            parse_feed(content)


def test_relative_links_of_a_feed_are_made_absolute_against_its_site() -> None:
    """Two sites' "/news/1" are two articles, not one duplicate."""
    first = parse_feed(FEED.format(link="/news/1").replace("SITE", "https://a.example/"))
    second = parse_feed(FEED.format(link="/news/1").replace("SITE", "https://b.example/"))
    assert [(a["id"], a["url"]) for a in first + second] == [
        ("https://a.example/news/1", "https://a.example/news/1"),
        ("https://b.example/news/1", "https://b.example/news/1"),
    ]


FEED = (
    '<?xml version="1.0" encoding="ISO-8859-1"?><rss version="2.0"><channel><title>Site</title><link>SITE</link>'
    "<item><title>Dam fails</title><link>{link}</link><description>An earthen dam on Marlow Creek gave way on "
    "Tuesday, said Zoë Müller.</description></item></channel></rss>"
)


def test_a_feed_read_as_text_keeps_its_letters_whatever_its_declaration_says() -> None:
    """A file is read as UTF-8 before it is parsed: its XML declaration cannot make mojibake of it."""
    assert "Zoë Müller" in parse_feed(FEED.format(link="https://a.example/1"))[0]["text"]


def test_a_long_first_line_that_ends_as_a_sentence_is_the_lead_not_the_title() -> None:
    lead = "Four people died and about 2,000 residents fled when an earthen dam on Marlow Creek gave way on Tuesday."
    assert parse_text(f"{lead}\nThe sheriff said rescuers were still searching.") == [
        {"title": "", "text": f"{lead}\nThe sheriff said rescuers were still searching."}
    ]
    assert parse_text("Dam fails.\nFour people died.")[0]["title"] == "Dam fails."  # a short one is a headline


def test_feed_markup_inside_words_leaves_no_space() -> None:
    """Drop caps and inline tags ("<b>M</b>arlow") join their word; a tag between blocks parts lines."""
    feed = (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Courier &lt;b&gt;News&lt;/b&gt;</title>'
        "<item><title>Dam  &lt;i&gt;fails&lt;/i&gt; &amp; floods</title><link>https://c.example/1</link>"
        "<description>&lt;p&gt;&lt;b&gt;M&lt;/b&gt;arlow Creek's dam failed on Tues&lt;span&gt;day&lt;/span&gt;, "
        "said &lt;a href='/x'&gt;the sheriff&lt;/a&gt;.&lt;/p&gt;&lt;p&gt;Rescuers came.&lt;/p&gt;</description>"
        "</item></channel></rss>"
    )
    [entry] = parse_feed(feed)
    assert entry["text"].split("\n")[0] == "Marlow Creek's dam failed on Tuesday, said the sheriff."
    assert (entry["title"], entry["source"]) == ("Dam fails & floods", "Courier News")


def test_what_a_browser_never_shows_is_not_read_from_a_page() -> None:
    body = " ".join(["An earthen dam on Marlow Creek gave way before dawn on Tuesday, state officials said."] * 3)
    page = (
        f"<html><head><title>Dam fails</title></head><body><article><p>{body}</p>"
        "<template><p>Template text that no browser shows to any reader at all.</p></template>"
        "<p hidden>A hidden paragraph that no browser shows to any reader.</p>"
        "<p class='hidden-xs'>Four people died, the county coroner said on Tuesday night.</p></article></body></html>"
    )
    text = parse_html(page)[0]["text"]
    assert "Template text" not in text and "hidden paragraph" not in text
    assert "Four people died" in text  # a class name that says "hidden" hides nothing by itself

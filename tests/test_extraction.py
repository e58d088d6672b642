"""What trafilatura's fallback drops of a page's article is put back; what it trims as noise stays out.

Pages and texts are written here; none is copied from the web."""

from __future__ import annotations

import json
import time

from newsfuse.clean import clean_text
from newsfuse.extraction import declared_body, fuller, recovered, story_row
from newsfuse.formats import parse_html

POST = (
    "Rescuers pulled two hikers from the gorge below Marlow Falls on Sunday, after they had spent a night on a "
    "narrow ledge.",
    "Both were treated for mild hypothermia at the county hospital, the sheriff said.",
)
BIO = (
    "<br/>I am a retired schoolteacher who has walked the hills around this valley for more than forty years, and "
    "this is where I write about the trails, the weather and the people I meet on the way.<br/>My posts are my "
    "own opinions and are not checked by anyone, so please take them with a grain of salt and always ask the "
    "rangers before you set out on a long walk."
)


def blog(post: tuple[str, ...], sidebar: str) -> str:
    """A blog page as many are laid out: a short post, a comment form, and a sidebar of widgets and lists."""
    entry = "".join(f"<p>{p}</p><p><img src='/img/{i}.jpg'/></p>" for i, p in enumerate(post))
    months = "".join(f"<li><a href='/{n}'>Month {n} 2015</a></li>" for n in range(27))
    categories = "".join(f"<li><a href='/c{n}'>Category {n}</a></li>" for n in range(16))
    return f"""<html><head><title>trailnotes</title></head><body><div id="wrapper">
<div id="header"><ul class="menu"><li><a href="/">Home</a></li><li><a href="/about">About</a></li></ul>
<h1><a href="/">trailnotes</a></h1></div>
<div id="content"><div class="post"><h2 class="posttitle"><a href="/hikers">Hikers rescued</a></h2>
<p class="postmeta">3 August 2015 · Filed under <a href="/c">outdoors</a></p><div class="postentry">{entry}</div></div>
<h2 id="comments">No Response so far <a href="#postcomment">»</a></h2>
<p class="small"><a href="/feed">Comment <abbr>RSS</abbr></a> · <a href="/tb">TrackBack <abbr>URI</abbr></a></p>
<h2 id="postcomment">Say your words</h2><form id="commentform"><p><input id="author"/><label>Name (required)</label></p>
<p><input id="email"/><label>E-mail (required, hidden to public)</label></p><p><textarea></textarea></p></form></div>
<div id="sidebar"><ul><li id="sb-search"><h2>Search</h2><form><p></p></form></li>
<li id="sb-about"><h2>About me</h2><ul>{sidebar}<li><a href="/x">Dave on Hikers rescued</a></li></ul></li>
<li id="sb-cates"><h2>Categories</h2><ul>{categories}</ul></li>
<li id="sb-archives"><h2>Archive</h2><ul>{months}</ul></li></ul></div>
<div id="footer"><p><a href="/">trailnotes</a> runs on <a href="/wp">WordPress</a></p></div></div></body></html>"""


def test_a_short_post_beside_a_longer_sidebar_is_kept() -> None:
    """trafilatura's fallback takes the sidebar's longer text for the article and drops the post."""
    [article] = parse_html(blog(POST, BIO))
    text = clean_text(article["text"], article["title"]).text
    for sentence in POST:
        assert sentence in text
    assert text.index(POST[0]) < text.index(POST[1])


def test_a_replaced_container_comes_back_before_the_text_that_replaced_it() -> None:
    chosen = "An answer that explains the rule at length.\nA second answer that agrees with the first one."
    own = "The question that the page is about, asked in full?\nA detail of the question, with an example."
    assert recovered(chosen, own).split("\n") == [*own.split("\n"), *chosen.split("\n")]


def test_a_trimmed_container_stays_trimmed() -> None:
    """When the final text holds most of the container, what the fallback cut is its noise: it stays out."""
    story = [f"Paragraph {n} of the story says what the council decided about the bridge on Monday." for n in range(6)]
    own = "\n".join([*story[:3], "Subscribe to our newsletter for more stories like this one today.", *story[3:]])
    assert recovered("\n".join(story), own) == "\n".join(story)


def test_table_rows_of_story_text_come_back_in_their_place() -> None:
    story = [f"Paragraph {n} of the story says what the rangers will do this winter in the park." for n in range(6)]
    rows = ["| 9:00 AM | Rangers check the gates on the north loop of the trail. |", "| Map | Trail 4 | Trail 5 |"]
    own = "\n".join([*story[:3], *rows, *story[3:]])
    assert recovered("\n".join(story), own).split("\n") == [*story[:3], rows[0], *story[3:]]


def test_a_paragraph_laid_out_otherwise_is_not_doubled() -> None:
    """The same words on one line (a table's cells run together) are not a new paragraph."""
    chosen = "| Half length | Choose how many minutes each half of the match lasts. |\n| Difficulty | Pick a level. |"
    own = "Half length Choose how many minutes each half of the match lasts. Difficulty Pick a level."
    assert recovered(chosen, own) == chosen


def test_a_paragraph_of_no_words_comes_back_when_missing() -> None:
    assert recovered("A line of warnings from the server.", "The post itself, in one line.\n=)").split("\n") == [
        "The post itself, in one line.",
        "=)",
        "A line of warnings from the server.",
    ]


def test_story_rows_hold_a_sentence() -> None:
    assert story_row("| 9:00 AM | Rangers check the gates on the north loop. |")
    assert not story_row("| Address: | Trailer | Friends: | Sam |")
    assert not story_row("Rangers check the gates on the north loop.")


def test_many_and_repeated_lines_merge_in_linear_time() -> None:
    """An alignment of the two texts (difflib) took minutes on 2,000 repeated lines; the merge is one pass. Timed
    as growth (four times the lines, at most eight times the CPU), not against a clock a busy machine misses."""
    warning = "Warning: a line the server repeats on every row of the page."

    def cpu(rows: int) -> float:
        chosen = "\n".join([warning] * 2 * rows)
        own = "\n".join(line for n in range(rows) for line in (warning, f"Paragraph {n} of the post itself."))
        started = time.process_time()
        assert recovered(chosen, own).count("of the post itself") == rows
        return time.process_time() - started

    small, large = min(cpu(2_500) for _ in range(3)), cpu(10_000)
    assert large < 8 * small + 0.05 and large < 10.0


def ld_json(body: str, kind: str = "NewsArticle") -> str:
    data = {"@context": "https://schema.org", "@graph": [{"@type": "WebPage"}, {"@type": kind, "articleBody": body}]}
    return f'<script type="application/ld+json">{json.dumps(data)}</script>'


STORY = [
    "The county closed the Marlow Creek bridge on Monday after inspectors found cracks in two of its piers.",
    "Traffic will be sent over the old mill road for at least six weeks, the roads department said.",
    "Engineers had rated the bridge in fair condition only last spring, records show.",
    "Repairs are expected to cost about $2 million, most of it from a state fund for emergency works.",
    "School buses will leave ten minutes earlier from Tuesday, the district told parents in a letter.",
    "The bridge, built in 1962, carries about 9,000 vehicles a day between Alder Falls and the interstate.",
    "Shops along the old mill road expect more customers, though some fear the lorries.",
    "The county will hold a public meeting about the works on Thursday evening at the town hall.",
    "Inspectors will check the other four bridges over the creek before the end of the month.",
    "The state has promised to pay for the repairs if the county's own fund runs short, officials said.",
]
TEASERS = (
    "A bridge that thousands of drivers cross every day is shut for weeks, and the county says it cannot yet tell "
    "when it will open again or what the repairs will cost in the end.",
    "Drivers, parents and shop owners along the old mill road told us what the closure means for them.",
)


def test_a_story_drawn_by_a_script_is_read_from_its_declared_body() -> None:
    """The page shows a teaser and a prompt (more than trafilatura's own JSON-LD rescue waits for); the story is
    only in its JSON-LD ``articleBody``."""
    head = f"<title>Bridge closed</title>{ld_json(' '.join(STORY))}"
    teaser = "".join(f"<p>{t}</p>" for t in TEASERS)
    body = f"<article><h1>Bridge closed</h1>{teaser}<p>Subscribe to read the whole story.</p><div id='app'></div>"
    [article] = parse_html(f"<html><head>{head}</head><body>{body}</article></body></html>")
    assert all(sentence in article["text"] for sentence in STORY)


def test_a_page_that_shows_its_story_keeps_its_own_paragraphs() -> None:
    head = f"<title>Bridge closed</title>{ld_json(STORY[0])}"
    body = "<article><h1>Bridge closed</h1>" + "".join(f"<p>{s}</p>" for s in STORY) + "</article>"
    [article] = parse_html(f"<html><head>{head}</head><body>{body}</body></html>")
    assert article["text"].split("\n")[-len(STORY) :] == STORY


def test_declared_bodies_in_markup_broken_json_and_unclosed_scripts() -> None:
    markup = "".join(f"<p>{s.replace('$', '&#36;')}</p>" for s in STORY[:2])
    page = f'<script type="application/ld+json">{{"articleBody": 1,</script>{ld_json(markup)}'
    assert declared_body(page).split("\n") == STORY[:2]
    assert declared_body(page + '<script type="application/ld+json">{"articleBody": "x"') == declared_body(page)
    assert declared_body("<p>no JSON-LD here, though it says articleBody</p>") == ""


def test_the_declared_body_counts_only_when_it_is_much_longer() -> None:
    assert fuller("Two words", "Four words in all") == "Four words in all"
    assert fuller("Three words here", "Four words in all") == "Three words here"
    assert fuller("Some text", "") == "Some text"

"""News in other languages: identified per article, segmented and tokenized in its script, briefed with exact
citations, and refused by name when newsfuse cannot read it. The texts are our own (``languages_text``)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

import newsfuse
from newsfuse.anatomy.entities import Recognisers
from newsfuse.cluster import term_counts, text_hash
from newsfuse.evaluate import UnicodeTokenizer, rouge
from newsfuse.ingest import load
from newsfuse.languages import code_of, load_language
from newsfuse.opinion import cues_for
from newsfuse.pipeline import default, story_of
from newsfuse.segment import split_paragraph
from newsfuse.text import LANGUAGE_NAMES, VARIETIES, identifier, identify, word_count
from newsfuse.tokens import tokenize
from tests.conftest import run_cli
from tests.languages_text import STORIES, SWAHILI


def articles(code: str) -> list[dict[str, str]]:
    first, second = STORIES[code]
    return [{"id": f"{code}-1", "text": first}, {"id": f"{code}-2", "text": second}]


@pytest.mark.parametrize("code", sorted(STORIES))
def test_each_language_is_identified_and_briefed_with_exact_citations(code: str) -> None:
    assert all(identify(text) == code for text in STORIES[code])
    brief = newsfuse.summarize(articles(code), words=40)
    assert brief.language == code and {a.language for a in brief.articles} == {code}
    assert brief.sentences and brief.words <= 40
    texts = {a.id: a.text for a in brief.articles}
    for sentence in brief.sentences:
        source = sentence.sources[0]
        assert texts[source.article][source.start : source.end] == sentence.text
    judged = code in {"fr", "de", "es", "it", "ru", "el"}  # opinion cues of their own; elsewhere skipped, said so
    assert ("opinion" in brief.skipped) != judged
    assert any("no rules yet for opinion" in w for w in brief.warnings) != judged


def test_an_english_wire_item_dense_with_names_needs_no_identifier() -> None:
    from newsfuse.text import _doubtful

    item = (
        "HARLAN, November 3 (Valley Wire) -- Marlow County Governor Dana Reyes on Tuesday named State Engineer Tomas "
        "Okafor, Deputy Mayor Lena Marsh, Fire Chief Ivo Brandt, Sheriff Carla Mendez and Judge Petra Lindqvist to "
        "lead a new Alder Falls Dam Safety Review Board after the Marlow Creek flood, the worst since 1952."
    )  # 5 function words in 49 words, 5 in its 13 words in lower case
    assert not _doubtful(item)  # the names are no language's words: its words in lower case are plain English
    french = (
        "HARLAN, 3 novembre (Valley Wire) -- La gouverneure Dana Reyes du comté de Marlow a annoncé mardi "
        "qu'elle voulait que l'ingénieur Tomas Okafor inspecte le barrage de Marlow Creek avant la réouverture."
    )
    assert _doubtful(french) and identify(french) == "fr"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mvua kubwa imenyesha jana usiku na watu wengi wamekimbia nyumba zao.", "sw"),  # 10 words: not English
        ("Le barrage a cédé mardi matin près du petit village.", "fr"),
        ("In Rio de Janeiro, polls put opposition candidate Anthony Garotinho well ahead of Cardoso ally Cesar.", "en"),
        ("Rescue crews search flooded homes after dam collapse", "en"),  # a terse headline keeps the benefit of doubt
        ("Dam fails", "en"),
    ],
)
def test_a_short_text_is_english_unless_the_identifier_is_sure_it_is_not(text: str, expected: str) -> None:
    assert identify(text) == expected


def test_english_briefs_skip_nothing() -> None:
    brief = newsfuse.summarize(["The dam failed on Tuesday and 300 homes were flooded, officials said."])
    assert brief.language == "en" and brief.skipped == ()


def test_corroboration_across_outlets_works_in_other_scripts() -> None:
    for code in ("ar", "zh", "el"):
        brief = newsfuse.summarize(articles(code), words=40)
        assert any(len(s.corroborated_by) == 2 for s in brief.sentences), code


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "今天水坝决堤。居民已经撤离！还有危险吗？没有。",
            ["今天水坝决堤。", "居民已经撤离！", "还有危险吗？", "没有。"],
        ),
        ("هل انهار السد؟ نعم انهار. شكرا لكم.", ["هل انهار السد؟", "نعم انهار.", "شكرا لكم."]),
        ("बांध टूट गया। लोग सुरक्षित हैं।", ["बांध टूट गया।", "लोग सुरक्षित हैं।"]),
    ],
)
def test_sentences_end_at_the_full_stops_of_each_script(text: str, expected: list[str]) -> None:
    assert [text[a:b] for a, b in split_paragraph(text)] == expected


@pytest.mark.parametrize(
    ("code", "text", "expected"),
    [
        ("el", "Γιατί δεν ελέγχθηκαν τα σχολεία; Η κυβέρνηση δεν απάντησε.",
         ["Γιατί δεν ελέγχθηκαν τα σχολεία;", "Η κυβέρνηση δεν απάντησε."]),  # Greek's question mark
        ("hi", 'मंत्री ने कहा, "हम तैयार हैं।" उन्होंने बताया कि 40 लोग घायल हुए।',
         ['मंत्री ने कहा, "हम तैयार हैं।"', "उन्होंने बताया कि 40 लोग घायल हुए।"]),  # a danda inside a quotation
        ("hi", "डॉ. अनिल वर्मा ने बताया कि रु. 500 का नुकसान हुआ। सब ठीक है।",
         ["डॉ. अनिल वर्मा ने बताया कि रु. 500 का नुकसान हुआ।", "सब ठीक है।"]),
        ("de", "Der Schaden wird auf ca. 85 Mio. Euro geschätzt. Terminal Nr. 4 bleibt zu.",
         ["Der Schaden wird auf ca. 85 Mio. Euro geschätzt.", "Terminal Nr. 4 bleibt zu."]),
        ("es", "El Sr. García vive en la calle núm. 5 de Lima. Nadie resultó herido.",
         ["El Sr. García vive en la calle núm. 5 de Lima.", "Nadie resultó herido."]),
        ("ru", "Проф. Иванов живёт на ул. Ленина. Никто не пострадал.",
         ["Проф. Иванов живёт на ул. Ленина.", "Никто не пострадал."]),
        ("ar", "قال د. أحمد إن الوضع مستقر. ولم يصب أحد.", ["قال د. أحمد إن الوضع مستقر.", "ولم يصب أحد."]),
        ("en", "The report was written by John Smith Sr. The council met.",
         ["The report was written by John Smith Sr.", "The council met."]),  # "Sr." is Spanish's title only
        ("it", "Il ponte è crollato. Sig. Rossi ha detto no.", ["Il ponte è crollato.", "Sig. Rossi ha detto no."]),
        ("nl", "De brug stortte in. Dhr. de Vries sprak.", ["De brug stortte in.", "Dhr. de Vries sprak."]),
        ("cs", "Most se zřítil. MUDr. Novák ošetřil raněné.", ["Most se zřítil.", "MUDr. Novák ošetřil raněné."]),
    ],
)  # fmt: skip
def test_each_language_s_own_abbreviations_and_marks_end_no_sentence_of_it(
    code: str, text: str, expected: list[str]
) -> None:
    assert [text[a:b] for a, b in split_paragraph(text, code)] == expected


def test_pro_drop_languages_say_the_first_person_in_the_verb_and_greek_asks_with_a_semicolon() -> None:
    from newsfuse.opinion import THRESHOLD, judge

    assert judge("Creo que el gobierno debería haber actuado hace años.", cues_for("es"))[0] >= THRESHOLD
    assert judge("Πιστεύω ότι η κυβέρνηση θα έπρεπε να είχε ενεργήσει.", cues_for("el"))[0] >= THRESHOLD
    assert judge("Γιατί δεν ελέγχθηκαν τα παλιά σχολικά κτίρια;", cues_for("el"))[0] >= THRESHOLD
    assert judge("Η σύσκεψη τελείωσε· ο δήμαρχος έφυγε.", cues_for("el"))[0] == 0.0


@pytest.mark.parametrize(
    ("line", "kept"),
    [
        ("VALFLEURI (France) - Un pont s'est effondré mardi.", "Un pont s'est effondré mardi."),
        ("SANTIAGO DE CHILE, 12 mar (EFE).- Un sismo sacudió la capital.", "Un sismo sacudió la capital."),
        ("Hamburg (dpa) - Ein Großbrand zerstörte das Lager.", "Ein Großbrand zerstörte das Lager."),
        ("ΗΡΑΚΛΕΙΟ - Σεισμός 5,8 Ρίχτερ σημειώθηκε τα ξημερώματα.", "Σεισμός 5,8 Ρίχτερ σημειώθηκε τα ξημερώματα."),
        ("МОСКВА - Пожар начался ночью.", "Пожар начался ночью."),
        ("НОВОСИБИРСК, 21 января. /ТАСС/. Пожар начался ночью.", "Пожар начался ночью."),
        ("صور - أعلن الدفاع المدني مقتل أربعة أشخاص.", "أعلن الدفاع المدني مقتل أربعة أشخاص."),
        ("ירושלים (וואלה) – המשטרה פתחה בחקירה.", "המשטרה פתחה בחקירה."),
        ("قال الوزير - في مؤتمر صحفي - إن الوضع مستقر.", "قال الوزير - في مؤتمر صحفي - إن الوضع مستقر."),  # no dateline
    ],
)
def test_datelines_of_other_languages_are_dropped(line: str, kept: str) -> None:
    from newsfuse.clean import clean_text

    assert clean_text(line).text == kept


def test_a_german_ordinal_date_does_not_end_a_sentence() -> None:
    text = "Die Wahl findet am 3. Mai in Talbach statt. Der Bürgermeister tritt wieder an."
    english = [text[a:b] for a, b in split_paragraph(text)]
    german = [text[a:b] for a, b in split_paragraph(text, "de")]
    assert len(english) == 3 and german == [
        "Die Wahl findet am 3. Mai in Talbach statt.",
        "Der Bürgermeister tritt wieder an.",
    ]


def test_words_of_scripts_without_spaces_and_with_combining_marks() -> None:
    chinese = load_language("zh")
    story = story_of([newsfuse.Article("z", "水坝决堤了。")])
    tokens = tokenize(story, chinese)
    assert [tokens.stems[s] for s in tokens.stem] == ["水", "坝", "决", "堤", "了"]
    assert tokens.content.tolist() == [True, True, True, True, False]  # 了 is a stop word
    assert load_language("hi").word.findall("बांध टूट गया") == ["बांध", "टूट", "गया"]  # vowel signs kept
    assert word_count("水坝决堤了。") == 3 and word_count("The dam failed.") == 3


def test_stems_and_stop_words_are_the_language_s_own() -> None:
    french = load_language("fr")
    assert french.content_stems("Les maisons sont inondées") == french.stem(["maisons", "inondées"])
    assert french.stem(["maisons"]) == ["maison"]
    assert load_language("en").content_stems("The homes were flooded") == ["home", "flood"]


def test_a_pronoun_opener_needs_its_sentence_before_it() -> None:
    french = load_language("fr")
    assert french.form("Il a déclaré que le barrage tiendrait.").leans == "pronoun"
    assert french.form("Le maire a déclaré que le barrage tiendrait.").leans == ""


@pytest.mark.parametrize(
    ("code", "leaning", "standing"),
    [
        ("ar", "وهو يقول إن السد سيصمد.", "قال رئيس البلدية إن السد سيصمد."),  # "and he" joined
        ("he", "הוא אמר שהסכר יחזיק.", "ראש העיר אמר שהסכר יחזיק."),
        ("hi", "उसने कहा कि बांध टिकेगा।", "महापौर ने कहा कि बांध टिकेगा।"),
        ("zh", "他说水坝会坚持住。", "市长说水坝会坚持住。"),
        ("ja", "それはダムが持ちこたえるという意味だ。", "市長はダムが持ちこたえると述べた。"),
    ],
)
def test_a_pronoun_opener_needs_its_sentence_before_it_in_other_scripts(code: str, leaning: str, standing: str) -> None:
    language = load_language(code)
    assert language.form(leaning).leans == "pronoun"
    assert language.form(standing).leans == ""


def test_a_mixed_story_is_briefed_in_its_most_common_language_and_says_what_it_left_out() -> None:
    mixed = [*articles("fr"), articles("de")[0]]
    brief = newsfuse.summarize(mixed, words=40)
    assert brief.language == "fr" and all(s.sources[0].article.startswith("fr") for s in brief.sentences)
    assert any("in German not quoted in this French brief, only cited" in w and "de-1" in w for w in brief.warnings)
    german = default().brief(story_of(load_records(mixed)), 40, language="de")
    assert german.language == "de" and {s.sources[0].article for s in german.sentences} == {"de-1"}
    with pytest.raises(newsfuse.InputError, match="no article is in Spanish"):
        default().brief(story_of(load_records(mixed)), 40, language="es")


def load_records(records: list[dict[str, str]]) -> list[newsfuse.Article]:
    from newsfuse.ingest import from_records
    from newsfuse.pipeline import clean_all

    return clean_all(from_records(records).articles)[0]


def test_a_language_newsfuse_cannot_read_is_refused_by_its_name(tmp_path: Path) -> None:
    path = tmp_path / "bwawa.txt"
    path.write_text(SWAHILI)
    problem = str(load([str(path)]).problems[0])
    assert "in Swahili, which newsfuse does not read (it reads English, French" in problem


def test_a_language_is_named_as_a_user_names_it() -> None:
    """With a region ("fr-FR", "en_US", as pages and programs tag text) or in its own name ("Français")."""
    assert [code_of(v) for v in ("fr-FR", "en_US", "zh-Hans-CN", "Français", "Deutsch", "ES")] == [
        "fr", "en", "zh", "fr", "de", "es"
    ]  # fmt: skip
    assert newsfuse.summarize([{"text": STORIES["es"][0], "language": "es-MX"}]).articles[0].language == "es"


def test_hebrew_with_its_points_and_polytonic_greek_are_hebrew_and_greek_and_others_are_named() -> None:
    """The identifier calls them Biblical Hebrew and Ancient Greek; a refusal names every language it knows."""
    pointed = ("הַסֶּכֶר עַל נַחַל מַרְלוֹ קָרַס בְּיוֹם שְׁלִישִׁי בַּבֹּקֶר, וְאַרְבָּעָה אֲנָשִׁים נֶהֶרְגוּ כַּאֲשֶׁר הַמַּיִם "
               "הֵצִיפוּ אֶת הָעִיר. רָאשֵׁי הָעִיר אָמְרוּ כִּי אַלְפֵּי תּוֹשָׁבִים פֻּנּוּ מִבָּתֵּיהֶם בַּלַּיְלָה.")  # fmt: skip
    polytonic = ("Ὁ φράκτης τοῦ ποταμοῦ κατέρρευσε τὴν Τρίτη, καὶ τέσσαρες ἄνθρωποι σκοτώθηκαν ὅταν τὰ νερὰ "
                 "πλημμύρισαν τὴν πόλη. Οἱ ἀρχὲς εἶπαν ὅτι χιλιάδες κάτοικοι ἐγκατέλειψαν τὰ σπίτια τους.")  # fmt: skip
    assert (identify(pointed), identify(polytonic)) == ("he", "el")
    assert all(code in LANGUAGE_NAMES or code in VARIETIES for code in identifier().nb_classes)


def test_the_language_given_overrides_the_one_found(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(STORIES["es"][0])
    assert load([str(tmp_path / "a.txt")], language="it").articles[0].language == "it"
    record = {"text": STORIES["es"][0], "language": "Spanish"}
    assert newsfuse.summarize([record]).articles[0].language == "es"
    with pytest.raises(newsfuse.InputError, match="not one newsfuse reads"):
        newsfuse.summarize([{"text": STORIES["es"][0], "language": "klingon"}], strict=True)


def test_cli_language_options_and_json(tmp_path: Path) -> None:
    for n, text in enumerate(STORIES["de"]):
        (tmp_path / f"{n}.txt").write_text(text)
    done = run_cli("summarize", str(tmp_path), "--output", "json", "--words", "40")
    data = json.loads(done.stdout)
    assert done.returncode == 0 and data["language"] == "de" and "openers" in data["skipped"]
    assert {a["language"] for a in data["articles"]} == {"de"}
    refused = run_cli("summarize", str(tmp_path), "--language", "xx")
    assert refused.returncode == 2 and "not a language newsfuse reads: 'xx'" in refused.stderr
    assert "Traceback" not in refused.stderr
    absent = run_cli("summarize", str(tmp_path), "--brief-language", "ja")
    assert absent.returncode == 2 and absent.stderr.startswith("newsfuse: error: --brief-language: no article is in")


@pytest.mark.parametrize("code", ["de", "ar", "el", "ru", "hi"])
def test_analysis_in_another_language_says_which_findings_it_skipped(code: str) -> None:
    analysis = newsfuse.analyze(articles(code), ner=Recognisers())  # never asked: no NER model in these languages
    assert analysis.language == code and {"entities", "meaning"} <= set(analysis.skipped)
    assert analysis.entities == () and analysis.quotes == ()
    assert "dates" not in analysis.skipped  # month names known in every language here
    assert any(f.value == 300 and f.counts for f in analysis.figures)  # what it counts, in its own script


def test_stories_and_duplicates_in_other_scripts() -> None:
    first, second = STORIES["ar"]
    same_digits = "".join(c for c in first if c.isdigit())
    assert text_hash(first) != text_hash(second)  # English tokens would keep only the digits
    assert text_hash(first) == text_hash(first.replace(" ", "  "))
    assert same_digits and len(term_counts(first, load_language("ar"))) > 10


def test_rouge_counts_words_of_every_script_with_the_unicode_tokenizer() -> None:
    greek = "Το φράγμα κατέρρευσε την Τρίτη."
    assert UnicodeTokenizer().tokenize("Το ΦΡΆΓΜΑ 300 水坝") == ["το", "φράγμα", "300", "水", "坝"]
    assert rouge(greek, [greek])["rouge1"][0] == 0.0  # rouge-score's own tokenizer sees no word in it
    assert rouge(greek, [greek], tokenizer="unicode")["rouge1"][0] == 100.0


def test_eval_scores_other_systems_beside_ours(tmp_path: Path) -> None:
    data, peers = tmp_path / "fr.jsonl", tmp_path / "peers.jsonl"
    first, second = STORIES["fr"]
    cluster = {"id": "c1", "language": "french", "documents": [first, second], "summaries": [first]}
    data.write_text(json.dumps(cluster) + "\n")
    peers.write_text(json.dumps({"system": "P1", "cluster": "c1", "summary": first}) + "\n")
    out = tmp_path / "report.json"
    done = run_cli("eval", str(data), "--words", "60", "--jobs", "1", "--peers", str(peers), "--json", str(out))
    assert done.returncode == 0, done.stderr
    report = json.loads(out.read_text())
    assert report["tokenizer"] == "unicode" and "P1" in report["methods"]
    assert report["scores"]["P1"]["rouge1"]["max"]["mean"] == pytest.approx(100.0)
    assert 0 < report["scores"]["newsfuse"]["rouge1"]["max"]["mean"] < 100


def test_the_http_api_briefs_other_languages_and_checks_the_language_asked(server: str) -> None:
    from tests.test_service import post

    mixed = [*articles("es"), articles("it")[0]]
    status, data = post(server, {"articles": mixed, "words": 40})
    assert status == 200 and data["language"] == "es" and "openers" in data["skipped"]
    status, data = post(server, {"articles": mixed, "words": 40, "language": "Italian"})
    assert status == 200 and data["language"] == "it"
    assert {s["sources"][0]["article"] for s in data["sentences"]} == {"it-1"}
    status, data = post(server, {"articles": mixed, "language": "xx"})
    assert status == 422 and data["error"]["field"] == "language"
    status, data = post(server, {"articles": mixed, "language": "de"})
    assert status == 422 and "no article is in German" in data["error"]["message"]


def test_hebrew_prefixes_are_cut_so_that_articles_share_terms() -> None:
    from newsfuse.languages import hebrew_stems

    assert hebrew_stems(["והבית", "בבית", "בית", "הם"]) == ["בית", "בית", "בית", "הם"]
    assert hebrew_stems(["שלום"]) == ["לום"]  # light stemming also cuts a root letter now and then: known, cheap


def test_articles_in_other_languages_corroborate_by_shared_figures_and_names() -> None:
    french = [
        "Le barrage de Valfleuri a cédé mardi avant l'aube et l'eau a inondé 300 maisons en aval.\n"
        "La préfecture a ouvert un centre d'accueil pour les familles évacuées du quartier.",
        "Selon la préfecture, 300 maisons de Valfleuri ont été inondées après la rupture du barrage mardi.\n"
        "Les habitants ont passé la nuit dans le gymnase municipal de la commune.",
    ]
    german = "In Valfleuri sind nach dem Dammbruch am Dienstag 300 Häuser überflutet worden, teilten die Behörden mit."
    records = [{"id": f"fr-{n}", "text": t} for n, t in enumerate(french)] + [{"id": "de", "text": german}]
    brief = newsfuse.summarize(records, words=60)
    assert brief.language == "fr" and all(s.sources[0].article != "de" for s in brief.sentences)
    flood = [s for s in brief.sentences if "300" in s.text]
    shelter = [s for s in brief.sentences if "300" not in s.text]
    assert flood and all("de" in s.corroborated_by for s in flood)
    assert all("de" not in s.corroborated_by for s in shelter)


def test_figures_agree_whatever_their_separators() -> None:
    from newsfuse.across import agree, anchors, figure

    assert {figure(n) for n in ("2,000", "2.000", "2 000", "2000")} == {"2000"}
    assert figure("3,5") == figure("3.5") == "3.5"
    assert agree(anchors("Es kostete 2.500 Euro im Jahr 2024."), anchors("It cost 2,500 euros in 2024."))
    assert not agree(anchors("In 2024 it rained."), anchors("En 2024 il a plu."))  # a year alone says little


@pytest.mark.parametrize(
    ("code", "text", "expected"),
    [
        ("fr", "Le barrage a cédé le 8 janvier 2005, après une inspection en mars 2004.", ["2005-01-08", "2004-03-01"]),
        ("de", "Der Damm brach am 3. Mai 2024 in Talbach.", ["2024-05-03"]),
        ("es", "La presa se rompió el 12 de marzo de 2023 en Valdeflores.", ["2023-03-12"]),
        ("ru", "Плотина прорвалась 8 января 2005 года в Светлорецке.", ["2005-01-08"]),
        ("el", "Το φράγμα κατέρρευσε στις 8 Ιανουαρίου 2005 στην Πρασινόβρυση.", ["2005-01-08"]),
        ("cs", "Hráz se protrhla 3. května 2024 v Zelené Lhotě.", ["2024-05-03"]),
        ("ar", "انهار السد في 8 يناير 2005 بعد تفتيش في آذار 2004.", ["2005-01-08", "2004-03-01"]),
        ("ar", "انهار السد في ٨ يونيو/حزيران، ٢٠٠٥ في المدينة.", ["2005-06-08"]),
        ("he", "הסכר קרס ב-8 בינואר, 2005 לאחר בדיקה במרץ 2004.", ["2005-01-08", "2004-03-01"]),
        ("hi", "बांध 8 जनवरी 2005 को टूट गया।", ["2005-01-08"]),
        ("zh", "大坝于2005年1月8日决堤，此前2004年3月曾检查。", ["2005-01-08", "2004-03-01"]),
        ("ja", "ダムは１２月３日に決壊した。", ["2024-12-03"]),
    ],
)
def test_absolute_dates_in_other_languages_make_the_timeline(
    ner: object, code: str, text: str, expected: list[str]
) -> None:
    analysis = newsfuse.analyze([{"text": text, "published": "2025-02-01"}], ner=ner, language=code)
    assert sorted(e.start for e in analysis.timeline) == sorted(expected)
    assert "dates" not in analysis.skipped


def test_a_day_without_a_year_is_the_nearest_to_publication_a_coming_one_counting_twice() -> None:
    from newsfuse.anatomy.dates import LANGUAGES, dated_in
    from newsfuse.languages import DATED
    from newsfuse.model import Sentence

    def day(text: str, published: date) -> tuple[str, date | None, str]:
        [(expression, start, _, granularity)] = dated_in("fr", Sentence("a", 0, text, 0, len(text)), published)
        return expression, start, granularity

    assert day("Le 1er décembre, la digue a cédé.", date(2025, 2, 1)) == ("1er décembre", date(2024, 12, 1), "day")
    assert day("Le vote final aura lieu le 12 juin.", date(2026, 5, 2))[1] == date(2026, 6, 12)  # coming, near
    assert day("Le 23 mars, la digue a cédé.", date(2026, 11, 10))[1] == date(2026, 3, 23)  # this March
    assert day("Le 5 janvier, la digue sera rouverte.", date(2026, 12, 20))[1] == date(2027, 1, 5)
    assert LANGUAGES == DATED  # the languages that say they read dates are those with month names


@pytest.mark.parametrize(
    ("code", "text", "speaker"),
    [
        (
            "fr",
            "« Nous avons fait tout ce que l'État nous demandait », a déclaré le maire, Jeanne Morel.",
            "Jeanne Morel",
        ),
        ("fr", "Selon Paul Martin, « rien ne laissait prévoir une telle catastrophe ».", "Paul Martin"),
        ("de", "„Wir haben alles getan, was das Land verlangt hat“, sagte Anna Weber am Mittwoch.", "Anna Weber"),
        ("es", '"Hicimos todo lo que el estado nos pidió", dijo la alcaldesa María López.', "María López"),
        ("ru", "«Мы сделали всё, что от нас требовали», заявил мэр Иван Петров.", "Иван Петров"),
        ("el", "«Κάναμε ό,τι μας ζήτησε το κράτος», δήλωσε η δήμαρχος Ελένη Παππά.", "Ελένη Παππά"),
        ("cs", "„Udělali jsme vše, co po nás stát chtěl,“ řekla starostka Jana Nováková.", "Jana Nováková"),
        ("ar", 'وقال رئيس البلدية سامي حداد إن "السد لم يكن آمنا منذ سنوات".', "رئيس البلدية سامي حداد"),
        ("he", 'אמר ראש העיר משה כהן: "הסכר לא היה בטוח כבר שנים".', "ראש העיר משה כהן"),
        ("he", '"הסכר לא היה בטוח כבר שנים", אמר ראש העיר משה כהן.', "ראש העיר משה כהן"),  # verb after, then "."
        ("he", 'ראש העיר משה כהן אמר: "הסכר לא היה בטוח כבר שנים".', "ראש העיר משה כהן"),  # subject, verb, ":"
        ("ar", '"السد لم يكن آمنا منذ سنوات"، قال رئيس البلدية سامي حداد.', "رئيس البلدية سامي حداد"),
        ("hi", 'महापौर राम शर्मा ने कहा, "बांध कई सालों से सुरक्षित नहीं था।"', "महापौर राम शर्मा"),
        ("zh", "市长王明说：“大坝多年来一直不安全。”", "市长王明"),
        ("ja", "山田市長は「ダムは何年も前から安全ではなかった」と述べた。", "山田市長"),
    ],
)
def test_quotes_in_other_languages_name_their_speaker(ner: object, code: str, text: str, speaker: str) -> None:
    analysis = newsfuse.analyze([text + " Der Rest folgt." if code == "de" else text], ner=ner, language=code)
    [quote] = analysis.quotes
    assert quote.speaker == speaker and quote.how == "named" and "quotes" not in analysis.skipped
    article = analysis.articles[0]
    assert article.text[quote.where.start : quote.where.end] == quote.text  # the quotation's words, exactly


@pytest.mark.parametrize(
    "text",
    [
        "Le barrage a cédé mardi. « Personne ne pouvait le prévoir », entendait-on dans les rues de la ville.",
        "Le porte-parole a déclaré à Reuters : « nous ne savons rien de plus pour le moment ».",  # the addressee
        "Un avocat a dit que Jean Dupont « ne savait rien de tout cela avant mardi ».",  # the reported clause's subject
        "Il a déclaré : « nous reconstruirons le barrage avant l'hiver prochain ».",  # a pronoun
        "Le Comité d'organisation de Valfleuri a déclaré : « les travaux reprendront lundi matin ».",  # of a noun
    ],
)
def test_a_quote_without_a_named_speaker_is_not_given_one(ner: object, text: str) -> None:
    [quote] = newsfuse.analyze([text], ner=ner, language="fr").quotes
    assert quote.speaker is None and quote.how == ""


def test_the_languages_that_say_they_read_quotes_have_verbs_of_saying() -> None:
    from newsfuse.anatomy.sayings import LANGUAGES
    from newsfuse.languages import QUOTED

    assert LANGUAGES == QUOTED


@pytest.mark.parametrize(
    ("code", "noise"),
    [
        ("fr", ["Lire aussi : les barrages de la région sont-ils sûrs ?", "Publicité", "Suivez-nous sur Twitter"]),
        ("de", ["Lesen Sie auch: Wie sicher sind unsere Dämme?", "Anzeige", "Jetzt abonnieren und weiterlesen"]),
        ("es", ["Lee también: ¿Son seguras las presas?", "Publicidad", "Síguenos en Twitter"]),
        ("it", ["Leggi anche: le dighe sono sicure?", "Pubblicità", "Seguici su Facebook"]),
    ],
)
def test_noise_lines_of_other_languages_are_cleaned_away(code: str, noise: list[str]) -> None:
    first, second = STORIES[code]
    text = first + "\n" + "\n".join(noise) + "\n" + second
    brief = newsfuse.summarize([{"id": "a", "text": text}], words=200)
    kept = brief.articles[0]
    assert kept.language == code and "cleaning phrases" not in brief.skipped
    assert not any(line in kept.text for line in noise) and first in kept.text and second in kept.text


def test_stored_articles_are_read_in_a_language_newsfuse_reads(tmp_path: Path) -> None:
    path = tmp_path / "sw.json"
    path.write_text(json.dumps([{"id": "sw", "text": SWAHILI}]))
    db = str(tmp_path / "s.db")
    assert run_cli("ingest", str(path), "--db", db, "--language", "fr").returncode == 0  # the user's word for it
    shown = run_cli("story", "1", "--db", db, "--output", "json")
    assert shown.returncode == 0 and json.loads(shown.stdout)["language"] == "en" and "Traceback" not in shown.stderr


@pytest.mark.parametrize(
    ("code", "commentary", "reporting"),
    [
        ("fr", "Je pense que le gouvernement devrait enfin agir !", "« Je suis inquiet », a déclaré le maire."),
        ("de", "Wir sollten endlich handeln, statt immer nur zu reden!", "„Ich bin besorgt“, sagte der Bürgermeister."),
        ("es", "¿De verdad creemos que nuestro gobierno hará algo?", '"Estoy preocupado", dijo el alcalde.'),
        ("it", "Io credo che il governo dovrebbe agire subito!", "«Sono preoccupato», ha detto il sindaco."),
    ],
)
def test_opinion_in_other_languages_is_the_writer_s_not_a_quoted_source_s(
    code: str, commentary: str, reporting: str
) -> None:
    first, second = STORIES[code]
    records = [{"id": "a", "text": f"{first} {commentary} {reporting}"}, {"id": "b", "text": second}]
    brief = newsfuse.summarize(records, words=200)
    opinion = {brief.articles[0].text[c.start : c.end] for c in brief.opinion}
    assert commentary in opinion and reporting not in opinion
    assert all(commentary not in s.text for s in brief.sentences)
    assert not cues_for("fr")[0][2].search("La cathédrale Notre-Dame a été détruite.")  # a name, not "our"


@pytest.mark.parametrize(
    ("code", "commentary"),
    [
        ("ru", "Я считаю, что нашему правительству следовало бы действовать!"),
        ("cs", "Vláda by měla konečně jednat, myslím si já!"),
        ("el", "Η κυβέρνηση θα έπρεπε να ντρέπεται για τη χώρα μας!"),
    ],
)
def test_opinion_cues_in_cyrillic_czech_and_greek(code: str, commentary: str) -> None:
    from newsfuse.opinion import THRESHOLD, judge

    cues = cues_for(code)
    assert cues is not None and judge(commentary, cues)[0] >= THRESHOLD
    assert judge("Плотина прорвалась во вторник, затопив 300 домов.", cues)[0] == 0.0


@pytest.mark.parametrize(
    ("line", "published"),
    [
        ("Samedi 7 juillet 2007", "2007-07-07"),
        ("Dienstag, 3. Mai 2024", "2024-05-03"),
        ("Σάββατο, 7 Ιουλίου, 2007", "2007-07-07"),
        ("الثلاثاء 10 يوليو/تموز 2007", "2007-07-10"),
        ("السبت ١ كانون الثاني ٢٠٠٥", "2005-01-01"),
        ("יום שבת, ה-15 לינואר, 2005", "2005-01-15"),
        ("8 января 2005 года", "2005-01-08"),
        ("2007年7月7日", "2007-07-07"),
    ],
)
def test_a_date_line_in_any_language_is_the_publication_date(line: str, published: str) -> None:
    body = "Le barrage de Valfleuri a cédé le 7 juillet 2007 et l'eau a inondé 300 maisons en aval de la ville."
    [article] = newsfuse.summarize([f"Le barrage cède à Valfleuri\n{line}\n{body}"]).articles
    assert article.published == published and line not in article.text
    assert body in article.text  # a sentence with a date in it is no date line


def test_a_line_of_calendar_words_needs_a_month_a_number_and_nothing_else() -> None:
    from newsfuse.months import date_line, is_date_line

    assert not is_date_line("Samedi 7")  # no month
    assert not is_date_line("juillet")  # no number
    assert not is_date_line("Le 7 juillet, la digue a cédé")
    assert date_line("7 juillet") is None  # no year: no publication date
    assert date_line("31 février 2007") is None  # no such day


def test_a_french_speaker_the_rules_miss_is_the_one_person_named(ner: object) -> None:
    text = (
        "« Nous avons fait tout ce que l'État nous demandait », a déclaré le maire de Valfleuri, Jeanne Morel. "
        "Un avocat a dit que Paul Martin « ne savait rien de tout cela avant mardi »."
    )
    quotes = newsfuse.analyze([text], ner=ner, language="fr", same=None).quotes
    assert [q.speaker for q in quotes] == ["Jeanne Morel", None]  # not the subject of a reported clause


def test_a_greek_place_in_the_genitive_or_a_weekday_is_no_speaker() -> None:
    from newsfuse.anatomy.sayings import speaker_of

    assert speaker_of("el", "Κάτι, είπε ο Γιάννης Παπαδάκης.", frozenset()) == "Γιάννης Παπαδάκης"
    assert speaker_of("el", "Κάτι, δήλωσε η Άννα Παπαδοπούλου.", frozenset()) == "Άννα Παπαδοπούλου"
    assert speaker_of("el", "Κάτι, είπε ο δήμαρχος του Λονδίνου.", frozenset()) is None
    assert speaker_of("el", "Κάτι, δήλωσε την Κυριακή.", frozenset()) is None


@pytest.mark.parametrize(
    ("code", "text", "years"),
    [
        ("fr", "Le barrage a été construit en 1998, et 2005 maisons sont en aval.", [1998]),
        ("de", "Der Damm wurde im Jahr 1998 gebaut und ist seit 2004 ungeprüft.", [1998, 2004]),
        ("ru", "Плотина построена в 1998 году.", [1998]),
        ("ar", "بني السد في عام 1998.", [1998]),
        ("he", "הסכר נבנה ב-1998 ושופץ בשנת 2004.", [1998, 2004]),
        ("hi", "बांध 1998 में बना।", [1998]),
        ("zh", "大坝建于1998年，2004年3月曾检查。", [1998]),
        ("el", "Το φράγμα χτίστηκε το 1998 με κόστος 2005,5 ευρώ.", [1998]),
    ],
)
def test_a_year_on_its_own_is_read_after_the_words_that_make_it_one(code: str, text: str, years: list[int]) -> None:
    from newsfuse.anatomy.dates import dated_in
    from newsfuse.model import Sentence

    found = [
        start.year for _, start, _, kind in dated_in(code, Sentence("a", 0, text, 0, len(text)), None) if kind == "year"
    ]
    assert sorted(found) == years


def test_lines_that_only_look_like_dates_stay_and_odd_ones_are_read() -> None:
    from newsfuse.anatomy.dates import dated_in
    from newsfuse.model import Sentence
    from newsfuse.noise import is_timestamp, timestamp_date

    for line in ("Mars 2020", "Julio 19", "Mayo 5", "Samedi 7 juillet ²⁰⁰⁷"):  # a planet, a name, no real year
        assert not is_timestamp(line) and timestamp_date(line) is None, line
    assert timestamp_date("ΣΑΒΒΑΤΟ 7 ΙΟΥΛΙΟΥ 2007") == "2007-07-07"  # capitals without accents
    assert timestamp_date("2007年7月7日（土）") == "2007-07-07"  # with its weekday
    assert timestamp_date("ב-8 בינואר 2005") == "2005-01-08"
    text = "Le 8 ſeptembre 2005."  # a long s: matched without case, looked up without case
    assert [e[1].isoformat() for e in dated_in("fr", Sentence("a", 0, text, 0, len(text)), None)] == ["2005-09-08"]


def test_a_name_inside_a_quotation_is_not_its_speaker(ner: object) -> None:
    text = "« Nous avons parlé avec Jeanne Morel hier soir » et « nous la reverrons demain », a dit le ministre."
    quotes = newsfuse.analyze([text], ner=ner, language="fr", same=None).quotes
    assert [q.speaker for q in quotes] == [None, None]


@pytest.mark.parametrize(
    ("code", "text"),
    [
        ("ar", 'وقال إن "السد لم يكن آمنا منذ سنوات".'),  # "he said that": a pronoun in the verb
        ("he", 'הוא אמר כי "הסכר לא היה בטוח כבר שנים".'),
        ("zh", "他说：“大坝多年来一直不安全。”"),
        ("ja", "彼は「ダムは何年も前から安全ではなかった」と述べた。"),
    ],
)
def test_a_pronoun_is_no_speaker_without_capitals(code: str, text: str) -> None:
    [quote] = newsfuse.analyze([text], ner=Recognisers(), language=code, same=None).quotes
    assert quote.speaker is None and len(quote.text.split()) >= 1 and "״" not in quote.text


def test_words_that_count_make_no_year_and_no_spelling_crashes_a_month() -> None:
    from newsfuse.anatomy.dates import dated_in
    from newsfuse.model import Sentence

    def found(code: str, text: str) -> list[str]:
        return [e[0] for e in dated_in(code, Sentence("a", 0, text, 0, len(text)), None)]

    assert found("fr", "Le village existe depuis 2000 ans et la digue depuis 1998.") == ["depuis 1998"]
    assert found("zh", "这座城有2000年历史，2000年前建成，12005年。") == []
    assert found("he", "הסכר שופץ וב-2005 ושוב ב־2010.") == ["וב-2005", "ב־2010"]
    assert found("it", "Il 8 APRİLE 2005 la diga ha ceduto.") == []  # a Turkish capital İ: no month, no error


def test_hebrew_and_arabic_speakers_end_where_the_speaker_does() -> None:
    first = 'אמר דובר צה"ל: "הסכר לא היה בטוח כבר שנים".'
    second = 'وقال الوزير للصحفيين إن "السد لم يكن آمنا منذ سنوات".'
    [quote] = newsfuse.analyze([first], ner=Recognisers(), language="he", same=None).quotes
    assert quote.speaker == 'דובר צה"ל' and quote.text == "הסכר לא היה בטוח כבר שנים"  # as written
    [quote] = newsfuse.analyze(['צה"ל מסר כי "הסכר לא היה בטוח".'], ner=Recognisers(), language="he", same=None).quotes
    assert quote.speaker == 'צה"ל'  # the subject before the verb; its gershayim is no quotation mark
    [quote] = newsfuse.analyze([second, second + " وانتهى."], ner=Recognisers(), language="ar", same=None).quotes[:1]
    assert quote.speaker == "الوزير" and quote.also_in  # the same words in the other article, in Arabic script


def test_a_remembered_stemmer_stems_as_its_stemmer_and_forgets_when_full() -> None:
    from newsfuse.languages import Remembered

    calls: list[list[str]] = []

    def stem(words: list[str]) -> list[str]:
        calls.append(words)
        return [w.rstrip("s") for w in words]

    remembered = Remembered(stem, limit=3)
    assert remembered(["dams", "homes", "dams"]) == ["dam", "home", "dam"]
    assert remembered(["homes"]) == ["home"] and calls == [["dams", "homes"]]  # known: not stemmed again
    assert remembered(["roads", "rivers"]) == ["road", "river"]  # 4 > 3 spellings: forgets, then learns
    assert remembered(["dams"]) == ["dam"] and calls[-1] == ["dams"]
    assert remembered(["dams", "bridges", "levees"]) == ["dam", "bridge", "levee"]  # a known word survives forgetting
    assert calls[-1] == ["dams", "bridges", "levees"]


def test_a_chinese_brief_joins_its_sentences_without_spaces() -> None:
    brief = newsfuse.summarize(articles("zh"), words=120)
    assert len(brief.sentences) > 1 and brief.summary == "".join(s.text for s in brief.sentences)


@pytest.mark.parametrize(
    ("code", "text", "speakers"),
    [
        ("es", '"La prioridad es rescatar a las personas", declaró el ministro del Interior, Andrés Fuentes.',
         ["Andrés Fuentes"]),  # past the office to the person
        ("es", "«Es una vergüenza», gritó un vecino, Pierre Roux.", ["Pierre Roux"]),
        ("fr", "« C'est une honte », a lancé un habitant, Pierre Roux. Marc Vidal a expliqué : « L'enquête prendra "
               "plusieurs mois. »", ["Pierre Roux", "Marc Vidal"]),
        ("de", "Staatsanwalt Marc Vidal erklärte: „Die Ermittlungen dauern Monate.“ „Das ist eine Schande“, rief der "
               "Anwohner Pierre Roux.", ["Staatsanwalt Marc Vidal", "Pierre Roux"]),
        ("de", "„Wir haben die ganze Nacht Sandsäcke gefüllt“, sagte der Bezirksleiter Markus Huber am Montag.",
         ["Markus Huber"]),
        ("es", '"Vamos a reconstruir el puente en dos años", dijo el presidente de Francia en París.',
         [None]),  # a place further on is no speaker
        ("cs", "„Most opravíme do dvou let,“ řekl mluvčí hasičů Tomáš Dvořák.", ["Tomáš Dvořák"]),  # not "čí"
    ],
)  # fmt: skip
def test_speakers_past_offices_other_verbs_and_quotations_that_meet(
    ner: object, code: str, text: str, speakers: list[str]
) -> None:
    analysis = newsfuse.analyze([text], ner=ner, language=code)
    assert [q.speaker for q in analysis.quotes] == speakers

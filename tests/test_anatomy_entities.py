import pytest

from newsfuse.anatomy.cast import merge
from newsfuse.anatomy.entities import Mention, affiliation, clean_span, find_mentions, may_name, person_of
from newsfuse.anatomy.nicknames import same_person
from newsfuse.model import Citation
from newsfuse.pipeline import story_from


def mention(text: str, kind: str, article: str = "a", context: str = "") -> Mention:
    return Mention(text, kind, Citation(article, 0, 0, len(text)), context)


def test_titles_possessives_and_leading_the_are_not_part_of_the_name() -> None:
    assert clean_span("Prime Minister Nouri al-Maliki", "PERSON") == ("Nouri al-Maliki", 15)
    assert clean_span("al-Qaeda's", "ORG")[0] == "al-Qaeda"
    assert clean_span("the Red Cross", "ORG") == ("Red Cross", 4)
    assert clean_span("Tuesday", "ORG") == ("", 0)
    assert clean_span("week", "ORG") == ("", 0)


def test_spelling_variants_and_surnames_merge_under_the_full_name() -> None:
    mentions = [
        mention("Nouri al-Maliki", "person"),
        mention("Maliki", "person", "b"),
        mention("Maliki", "organisation", "b"),
        mention("al-Qaeda", "organisation"),
        mention("al-Qaida", "organisation", "b"),
        mention("Al-Qaeda", "organisation", "b"),
        mention("Iraq", "place"),
    ]
    entities, canonical = merge(mentions)
    by_name = {e.name: e for e in entities}
    assert set(by_name) == {"Nouri al-Maliki", "al-Qaeda", "Iraq"}
    assert by_name["Nouri al-Maliki"].type == "person"
    assert by_name["Nouri al-Maliki"].mentions == {"a": 1, "b": 2}
    assert set(by_name["al-Qaeda"].variants) == {"al-Qaeda", "al-Qaida", "Al-Qaeda"}
    assert canonical["Maliki"] == "Nouri al-Maliki" and canonical["al-Qaida"] == "al-Qaeda"


def test_different_names_with_similar_letters_stay_apart() -> None:
    entities, _ = merge([mention("Iran", "place"), mention("Iraq", "place"), mention("Bush", "person")])
    assert len(entities) == 3


def test_context_fixes_the_models_type_slips() -> None:
    entities, _ = merge(
        [
            mention("Alder Falls", "person", context="place"),  # "in Alder Falls"
            mention("Celia Obi", "organisation", context="person"),  # "board member Celia Obi"
            mention("Healvia Pharmaceuticals", "organisation"),
            mention("Healvia", "person"),
            mention("Calderon Port Authority", "organisation"),
            mention("Calderon", "organisation", context="place"),  # "rents in Calderon": the city, not the port
            mention("Tarn County Transit Authority", "organisation"),
            mention("Transit Authority", "organisation"),
        ]
    )
    kinds = {e.name: (e.type, set(e.variants)) for e in entities}
    assert kinds["Alder Falls"][0] == "place"
    assert kinds["Celia Obi"][0] == "person"
    assert kinds["Healvia Pharmaceuticals"] == ("organisation", {"Healvia", "Healvia Pharmaceuticals"})
    assert kinds["Calderon"][0] == "place" and "Calderon" not in kinds["Calderon Port Authority"][1]
    assert "Transit Authority" in kinds["Tarn County Transit Authority"][1]


def test_only_sentences_that_can_hold_a_name_go_through_the_model() -> None:
    assert may_name("the talks resumed with Weiss present.")
    assert may_name("Maliki spoke.")
    assert not may_name("it was raining hard all night.")


def test_real_model_finds_and_places_mentions(ner: object) -> None:
    story = story_from(["Prime Minister Nouri al-Maliki said al-Qaeda's attack killed 23 people in Baghdad."])
    mentions = find_mentions(story, ner.model("en"))
    text = story.articles[0].text
    found = {(m.text, m.type) for m in mentions}
    assert ("Nouri al-Maliki", "person") in found and ("Baghdad", "place") in found
    assert all(text[m.where.start : m.where.end] == m.text for m in mentions)


def test_a_country_never_merges_into_an_organisation_that_contains_its_name() -> None:
    country = [mention("U.S", "place"), mention("U.S", "place"), mention("US", "place", "b")]
    country.append(mention("United States", "place"))
    for firm in ("U.S. Institute of Peace", "US Steel"):
        entities, canonical = merge([*country, mention(firm, "organisation"), mention(firm, "organisation", "b")])
        by_name = {e.name: e for e in entities}
        assert set(by_name) == {"United States", firm}
        assert by_name["United States"].type == "place" and by_name["United States"].mentions == {"a": 3, "b": 1}
        assert by_name[firm].variants == (firm,) and by_name[firm].mentions == {"a": 1, "b": 1}
        assert canonical["U.S"] == canonical["US"] == "United States"
    city = [mention("New York City", "place"), mention("Bar Association of New York City", "organisation")]
    assert len(merge(city)[0]) == 2
    country = [mention("Vellmar", "place"), mention("Vellmar", "place"), mention("Vellmar", "organisation")]
    assert len(merge([*country, mention("post-war Vellmar", "organisation")])[0]) == 2


def test_real_model_keeps_the_country_apart_from_the_institute(ner: object) -> None:
    story = story_from(
        [
            "The U.S. pulled its last troops out of Vellmar in 2011. The US has no troops there now.\n"
            "Mara Lindqvist of the U.S. Institute of Peace said the United States should send advisers."
        ]
    )
    entities, _ = merge(find_mentions(story, ner.model("en")))
    institute = next(e for e in entities if e.name == "U.S. Institute of Peace")
    assert institute.variants == ("U.S. Institute of Peace",) and institute.type == "organisation"
    assert any(e.type == "place" and {"U.S", "US"} <= set(e.variants) for e in entities)


def test_french_titles_articles_and_descriptions_are_not_part_of_a_name() -> None:
    assert clean_span("Président français Sarkozy", "PER") == ("Sarkozy", 19)
    assert clean_span("M. Lemaire", "PER") == ("Lemaire", 3)
    assert clean_span("le Japon", "LOC") == ("Japon", 3)
    assert clean_span("l'Inde", "LOC") == ("Inde", 2)
    assert clean_span("Charles de Gaulle", "PER") == ("Charles de Gaulle", 0)
    for not_a_name in ("ministre britannique", "Président de la Conférence", "Président", "Samedi"):
        assert clean_span(not_a_name, "PER") == ("", 0), not_a_name


def test_similar_skeletons_of_different_lengths_stay_apart() -> None:
    entities, _ = merge([mention("Roumanie", "place"), mention("Royaume-Uni", "place", "b")])
    assert len(entities) == 2
    entities, _ = merge([mention("José Ortega", "person"), mention("Jose Ortega", "person", "b")])
    assert [e.name for e in entities] in (["José Ortega"], ["Jose Ortega"])  # accents: one spelling


FRENCH = (
    "Le maire de Valfleuri, Jeanne Morel, a rencontré mardi les représentants de la Croix-Rouge après la rupture "
    "du barrage. Selon Mme Morel, 300 maisons ont été inondées dans la vallée de l'Isère. "
    "Le ministre de l'Intérieur, Paul Garnier, doit se rendre à Grenoble jeudi avec des experts de "
    "l'Organisation mondiale de la santé."
)


def test_french_names_are_found_by_the_french_model(ner: object) -> None:
    story = story_from([FRENCH], language="fr")
    entities, canonical = merge(find_mentions(story, ner.model("fr"), frozenset({"le", "la", "selon"})))
    kinds = {e.name: e.type for e in entities}
    assert kinds.get("Jeanne Morel") == "person" and canonical["Morel"] == "Jeanne Morel"  # "Mme Morel"
    assert kinds.get("Paul Garnier") == "person"
    assert kinds.get("Grenoble") == "place" and kinds.get("Croix-Rouge") == "organisation"


def test_a_french_story_is_analysed_with_names(ner: object) -> None:
    import newsfuse

    analysis = newsfuse.analyze([{"text": FRENCH, "language": "fr"}], ner=ner, same=None)
    assert analysis.language == "fr" and "entities" not in analysis.skipped
    assert any(e.name == "Jeanne Morel" and e.type == "person" for e in analysis.entities)


def test_each_model_loads_once_and_a_missing_one_names_its_package(monkeypatch: object) -> None:
    import pytest

    from newsfuse.anatomy import entities as module
    from newsfuse.errors import InputError

    loads: list[str] = []
    recognisers = module.Recognisers(load=lambda code: loads.append(code) or code)
    assert [recognisers.model("fr"), recognisers.model("fr"), recognisers.model("en")] == ["fr", "fr", "en"]
    assert loads == ["fr", "en"]
    monkeypatch.setitem(module.ENTITY_MODELS, "fr", "no_such_model_package")  # type: ignore[attr-defined]
    with pytest.raises(InputError, match="needs the French NER model: pip install no-such-model-package"):
        module.load_model("fr")


def test_a_french_speaker_is_named_as_the_entity(ner: object) -> None:
    import newsfuse

    text = (
        "« Nous avons fait tout ce que l'État nous demandait », a déclaré le maire, Jeanne Morel. "
        "Les secours ont travaillé toute la nuit. Selon Mme Morel, « la digue ne tiendra pas une semaine de plus »."
    )
    analysis = newsfuse.analyze([{"text": text, "language": "fr"}], ner=ner, same=None)
    assert [(q.speaker, q.speaker_is_entity) for q in analysis.quotes] == [("Jeanne Morel", True)] * 2


def test_names_that_open_with_a_particle_or_an_article_keep_it() -> None:
    assert clean_span("Mr. bin Laden", "PERSON") == ("bin Laden", 4)
    assert clean_span("van Gogh", "PERSON")[0] == "van Gogh"
    assert clean_span("Marine Le Pen", "PER")[0] == "Marine Le Pen"
    assert clean_span("La Paz", "GPE")[0] == "La Paz" and clean_span("Le Monde", "ORG")[0] == "Le Monde"
    assert clean_span("le général de Gaulle", "PER")[0] == "de Gaulle"
    assert clean_span("Giscard d'Estaing", "PER")[0] == "Giscard d'Estaing"
    assert clean_span("ancien ministre français Dupont", "PER") == ("Dupont", 25)  # two description words
    assert clean_span("Sen. John McCain of Arizona", "PERSON")[0] == "John McCain of Arizona"


def test_letters_without_a_latin_base_do_not_vanish_from_a_names_key() -> None:
    entities, _ = merge([mention("Lech Wałęsa", "person"), mention("Lech Walesa", "person", "b")])
    assert len(entities) == 1  # ł spelt out
    entities, _ = merge([mention("Москва-2", "organisation"), mention("Прогресс-2", "organisation", "b")])
    assert len(entities) == 2  # not both "2"


def test_a_title_after_an_article_and_a_complement_are_no_part_of_a_name() -> None:
    assert clean_span("le Premier ministre Dominique de Villepin", "PER")[0] == "Dominique de Villepin"
    assert clean_span("Le général Dupont", "PER")[0] == "Dupont"
    assert clean_span("président du Conseil Jean Dupont", "PER") == ("", 0)  # "of the Council": a complement
    assert clean_span("von der Leyen", "PER")[0] == "von der Leyen"


@pytest.mark.parametrize(
    ("span", "parts"),
    [
        ("Saleem Khokhar of National Bank of Harlan", ("Saleem Khokhar", "National Bank of Harlan", 18)),
        ("Bank of America", None),  # an organisation's own "of"
        ("Secretary General of the United Nations", None),  # a title, not a person
        ("Mara Vellin of Alder Falls", None),  # no organisation after "of": a person of a place, or a place
        ("Harlan Water Board of Marlow County", None),  # an organisation word before "of"
    ],
)
def test_a_person_and_their_organisation_read_as_one_are_told_apart(span: str, parts: tuple | None) -> None:
    assert affiliation(span) == parts


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("Jim Hall", "James E. Hall", True),
        ("Bill Okafor", "William Okafor", True),
        ("Mark Bailey", "Kyle Bailey", False),
        ("John F. Kennedy Jr.", "John F. Kennedy", False),  # a son and his father
        ("Anna Marie Hall", "Anna Hall", True),
        ("James Hall", "James Holt", False),
        ("George H.W. Bush", "George W. Bush", False),  # initials both give, and differ
        ("Ted Kennedy", "Edward M. Kennedy", True),  # "Ted" is Edward or Theodore
        ("Steve Okafor", "Stephen Okafor", True),
    ],
)
def test_one_person_named_formally_and_familiarly(a: str, b: str, same: bool) -> None:
    assert same_person(a, b) is same and same_person(b, a) is same


def test_a_nickname_merges_into_the_formal_name_but_a_namesake_does_not() -> None:
    mentions = [mention("James E. Hall", "person"), mention("James E. Hall", "person"),
                mention("Jim Hall", "person", "b"), mention("Kyle Hall", "person", "b")]  # fmt: skip
    _, canonical = merge(mentions)
    assert canonical["Jim Hall"] == "James E. Hall" and canonical["Kyle Hall"] == "Kyle Hall"


@pytest.mark.parametrize(
    ("span", "after", "lower", "person"),
    [
        ("Rear Adm. Richard M. Larrabee", " of the Coast Guard.", "", True),  # a title
        ("Yvo de Boer", " of the climate secretariat", "", True),  # a particle of names
        ("Gen. Wesley Okafor", " of the army", "the army", True),  # a title before a name
        ("Linda Orlova", " of the mothers' committee", "the mothers committee", True),  # a common given name
        ("Tervina Orlova", " of the mothers' committee", "the mothers committee", False),  # no sign of a person
        ("General Motors", " of putting America last", "", False),  # "accused … of" a deed
        ("Goldman Sachs", " of New York", "", False),
        ("J.P. Morgan", " of New York", "", False),  # initials, but no middle initial of a name
        ("the Christian Knights", " of the Ku Klux Klan", "", False),
        ("General Assembly", " of the United Nations", "the general assembly met", False),  # words of the language
        ("Valentina Orlova", " criticized the navy", "", False),  # no "of" after it
        ("National Bank", " of Harlan", "", False),  # an organisation word
    ],
)  # fmt: skip
def test_a_name_before_of_and_an_organisation_is_a_person(span: str, after: str, lower: str, person: bool) -> None:
    assert person_of(span, after, lambda: frozenset(lower.split())) is person


def test_the_model_reads_an_admiral_before_of_as_a_person_and_a_company_as_itself(ner: object) -> None:
    story = story_from(
        [
            '"We are not ready to give up," said Rear Adm. Richard M. Larrabee of the Coast Guard. Union leaders '
            "accused General Motors of putting profits first."
        ]
    )
    found = {(m.text, m.type) for m in find_mentions(story, ner.model("en"))}
    assert ("Richard M. Larrabee", "person") in found
    assert not any(kind == "person" and "Motors" in name for name, kind in found)


def test_a_nickname_never_chains_two_people_into_one() -> None:
    """ "Carolyn Kennedy", spelt like "Caroline Kennedy", is not joined to "Carolyn Bessette Kennedy" when that
    would make the sister and the wife one person."""
    mentions = [mention("Caroline Kennedy", "person"), mention("Carolyn Kennedy", "person", "b"),
                mention("Carolyn Bessette Kennedy", "person", "b"),
                mention("Carolyn Bessette Kennedy", "person")]  # fmt: skip
    _, canonical = merge(mentions)
    assert canonical["Caroline Kennedy"] != canonical["Carolyn Bessette Kennedy"]

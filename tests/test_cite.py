"""cite and show: every citation format parsed back by an independent parser, in every language.

CSL-JSON against the Citation Style Language's own schema (tests/csl/), BibTeX with bibtexparser
(and pylatexenc for LaTeX commands), RIS with rispy; the JSON of both commands as a contract.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import bibtexparser
import jsonschema
import pybtex.database
import pytest
import rispy
from bibtexparser.middlewares import LatexDecodingMiddleware
from pybtex.plugin import find_plugin
from typer.testing import CliRunner

from minusma.cli import app
from minusma.load import load
from minusma.messages import LANGS, number, say
from minusma.model import cited_facts
from minusma.output import bibtex, formats
from minusma.output.citation import reference

CSL_SCHEMA = json.loads((Path(__file__).parent / "csl" / "csl-data.json").read_text(encoding="utf-8"))
SOURCES = load()["sources"]
BY_ID = {source["id"]: source for source in SOURCES}


def run(runner: CliRunner, *args: str) -> str:
    result = runner.invoke(app, list(args))
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    return result.stdout


def _precision_parts(published: str) -> list[int]:
    return [int(part) for part in published.split("-")]


# --------------------------------------------------------------------------- CSL-JSON


@pytest.mark.parametrize("lang", LANGS)
def test_csl_json_of_every_source_is_valid_against_the_official_schema(runner: CliRunner, lang: str) -> None:
    items = json.loads(run(runner, "cite", "--format", "csl-json", "--lang", lang))
    jsonschema.Draft7Validator(CSL_SCHEMA).validate(items)
    assert [item["id"] for item in items] == [source["id"] for source in SOURCES]
    for item in items:
        source = BY_ID[item["id"]]
        assert (item["title"], item["URL"], item["language"]) == (source["title"], source["url"], source["language"])
        assert item["publisher"] == source["publisher"]
        if "published" in source:
            assert item["issued"] == {"date-parts": [_precision_parts(source["published"])]}
        else:
            assert "issued" not in item
        if "symbol" in source:
            assert item["number"] == source["symbol"]
    types = {item["id"]: item["type"] for item in items}
    assert types["unscr-2364"] == "report" and types["cbc-2013"] == "article-newspaper"
    assert "legislation" not in types.values()  # CSL styles print it as a state's statute ('Pub. L.')
    assert types["un-mandate-page"] == "webpage" and types["wikipedia-en-minusma"] == "entry-encyclopedia"
    genres = {item.get("genre") for item in items if item["type"] == "report"}
    assert say("cite.genre.press_release", lang) in genres


def test_a_resolution_is_a_un_document_by_the_security_council_with_its_symbol(runner: CliRunner) -> None:
    [item] = json.loads(run(runner, "cite", "un-res-2100", "--format", "csl-json"))
    assert item == {
        "id": "un-res-2100",
        "citation-key": "un-res-2100",
        "type": "report",
        "author": [{"literal": "United Nations Security Council"}],
        "title": "Resolution 2100 (2013)",
        "publisher": "United Nations",
        "genre": "Resolution",
        "number": "S/RES/2100 (2013)",
        "issued": {"date-parts": [[2013, 4, 25]]},
        "URL": "https://digitallibrary.un.org/record/748429",
        "accessed": {"date-parts": [[int(part) for part in BY_ID["un-res-2100"]["accessed"].split("-")]]},
        "language": "en",
    }
    [copy] = json.loads(run(runner, "cite", "un-res-2364", "--format", "csl-json"))
    assert copy["URL"].startswith("https://digitallibrary.un.org/record/")
    assert copy["note"] == "Copy read: http://unscr.com/en/resolutions/2364"
    [french] = json.loads(run(runner, "cite", "un-res-2364", "--format", "csl-json", "--lang", "fr"))
    assert french["author"] == [{"literal": "Conseil de sécurité des Nations Unies"}]
    assert (french["genre"], french["note"]) == ("Résolution", "Copie lue\u00a0: http://unscr.com/en/resolutions/2364")


def test_dates_keep_their_precision_in_csl_json(runner: CliRunner) -> None:
    items = {item["id"]: item for item in json.loads(run(runner, "cite", "--format", "csl-json"))}
    assert items["un-press-2690"]["issued"] == {"date-parts": [[2023]]}  # the URL shows the year only
    assert items["un-news-transfer"]["issued"] == {"date-parts": [[2013, 7]]}
    assert items["eurasia-2013"]["issued"] == {"date-parts": [[2013, 4, 25]]}
    assert "issued" not in items["cbc-2013"]


# --------------------------------------------------------------------------- BibTeX


def _parse_bibtex(text: str) -> tuple[Any, Any]:
    """The library read as it is (URLs, keys, dates) and with LaTeX decoded to text (titles, names)."""
    raw = bibtexparser.parse_string(text)
    # pylatexenc drops \textbraceleft{} and \textbraceright{}, which LaTeX prints as { and }, as \{ and \} are
    as_latex_prints = text.replace(r"\textbraceleft{}", r"\{").replace(r"\textbraceright{}", r"\}")
    decoded = bibtexparser.parse_string(as_latex_prints, append_middleware=[LatexDecodingMiddleware()])
    assert not raw.failed_blocks and not decoded.failed_blocks
    return raw, decoded


def _plain(text: str) -> str:
    # pylatexenc renders \textasciicircum as U+02C6; LaTeX prints an ASCII circumflex
    return text.replace("\u02c6", "^")


@pytest.mark.parametrize("lang", LANGS)
def test_bibtex_of_every_source_parses_back_to_the_same_text(runner: CliRunner, lang: str) -> None:
    raw, decoded = _parse_bibtex(run(runner, "cite", "--format", "bibtex", "--lang", lang))
    assert [entry.key for entry in raw.entries] == [source["id"] for source in SOURCES]
    for entry, plain in zip(raw.entries, decoded.entries, strict=True):
        source = BY_ID[entry.key]
        assert _plain(plain["title"]) == source["title"]
        assert entry["url"] == source["url"]
        assert entry["langid"] == {"en": "english", "fr": "french", "nl": "dutch"}.get(
            source["language"], entry["langid"]
        )
        assert entry["langid"].isalpha() and len(entry["langid"]) > 2, entry.key  # a name, never the code
        assert "language" not in entry.fields_dict
        assert entry["urldate"] == source["accessed"]
        publisher = {"techreport": "institution", "article": "journal", "misc": "howpublished"}[entry.entry_type]
        assert plain[publisher] == source["publisher"]
        if "published" in source:
            assert (entry["year"], entry["date"]) == (source["published"][:4], source["published"])
        else:
            assert "year" not in entry.fields_dict
    types = {entry.key: entry.entry_type for entry in raw.entries}
    assert (types["un-press-2690"], types["shillong-2013"], types["unscr-2364"]) == (
        "techreport",
        "article",
        "techreport",
    )
    assert (types["cbc-2013"], types["report-2018-273"]) == ("misc", "misc")  # undated: no style asks @misc for a year
    release = next(entry for entry in decoded.entries if entry.key == "un-press-2690")
    assert (release["type"], release["number"]) == (say("cite.genre.press_release", lang), "SC/15341")
    resolution = next(entry for entry in decoded.entries if entry.key == "unscr-2364")
    assert resolution["author"] == say("cite.security_council", lang)


HOSTILE_TITLE = "50% of {troops} & #1 _x_ $5 \\ ~ ^ – Ménaka, Übergabe „Biber-Burg“, façade, Škoda, Łódź, ß, ø, الأمم"


def test_bibtex_escapes_latex_specials_and_accents(runner: CliRunner, write_fact_base: Callable[..., Path]) -> None:
    def hostile(data: dict[str, Any]) -> None:
        data["sources"][0].update(
            title=HOSTILE_TITLE,
            publisher="R&D {Lab} 100%",
            author="Ménaka & {Co} 100%",
            url="https://x.org/a_b%C3%A9?q={1}#f",
        )
        data["sources"][0].pop("published", None)  # undated, so written as @misc with howpublished

    path = write_fact_base(hostile)
    text = run(runner, "cite", "reliefweb-2100", "--format", "bibtex", "--data", str(path))
    assert (
        r"50\% of \textbraceleft{}troops\textbraceright{} \& \#1 \_x\_ \$5 \textbackslash{} \textasciitilde{} \textasciicircum{}"
        in text
    )
    assert r"M{\'e}naka, {\"U}bergabe" in text and r"fa{\c{c}}ade, {\v{S}}koda, {\L}{\'o}d{\'z}, {\ss}, {\o}" in text
    raw, decoded = _parse_bibtex(text)
    [entry], [plain] = raw.entries, decoded.entries
    assert _plain(plain["title"]) == HOSTILE_TITLE
    assert plain["howpublished"] == "R&D {Lab} 100%"  # undated: @misc
    assert plain["author"] == "Ménaka & {Co} 100%"
    assert entry["author"] == r"{M{\'e}naka \& \textbraceleft{}Co\textbraceright{} 100\%}"  # braced whole: one name
    assert entry["url"] == "https://x.org/a_b%C3%A9?q=%7B1%7D#f"  # braces percent-encoded: the same address


@pytest.mark.parametrize("style", ["plain", "unsrt", "alpha", "unsrtalpha"])
def test_every_built_in_pybtex_style_formats_every_entry(runner: CliRunner, style: str) -> None:
    """pybtex's styles (and Sphinx's bibliography, built on them) refuse an entry without an author,
    or an @article or @techreport without a year."""
    data = pybtex.database.parse_string(run(runner, "cite", "--format", "bibtex"), "bibtex")
    formatted = list(find_plugin("pybtex.style.formatting", style)().format_entries(data.entries.values()))
    assert len(formatted) == len(SOURCES)
    by_key = {entry.key: entry.text.render_as("text") for entry in formatted}
    assert by_key["cbc-2013"].startswith("CBC News. UN approves peacekeeping force for Mali.")
    assert "(visited on " + BY_ID["cbc-2013"]["accessed"] + ")" in by_key["cbc-2013"]
    assert by_key["pema-v4"].startswith("J. Di Salvatore, M. Lundgren, K. Oksamytna, and H. M. Smidt.")


def test_corporate_authors_are_braced_whole_and_people_are_named() -> None:
    data = pybtex.database.parse_string(
        "".join(bibtex.entry(reference(BY_ID[key], "en")) for key in ("mem-2022-egypt", "un-res-2100", "pema-v4")),
        "bibtex",
    )
    [reuters] = data.entries["mem-2022-egypt"].persons["author"]
    [council] = data.entries["un-res-2100"].persons["author"]
    assert (reuters.last_names, reuters.first_names) == (["{Reuters}"], [])
    assert (council.last_names, council.first_names) == (["{United Nations Security Council}"], [])
    people = data.entries["pema-v4"].persons["author"]
    assert [(person.last_names, person.first_names) for person in people][0] == (["{Di Salvatore}"], ["J."])
    assert len(people) == 4


def test_every_source_has_an_author_an_access_date_and_no_copy_site_as_publisher() -> None:
    for source in SOURCES:
        assert "author" in source or "persons" in source, source["id"]
        assert "accessed" in source, source["id"]
        # lower case: "copy on docslib.org", "repost", "mirror" describe a copy site; "Daily Mirror" is a newspaper
        assert not any(word in source["publisher"] for word in ("copy", "repost", "mirror", "text of")), source


# --------------------------------------------------------------------------- RIS


@pytest.mark.parametrize("lang", LANGS)
def test_ris_of_every_source_parses_back(runner: CliRunner, lang: str) -> None:
    records = rispy.loads(run(runner, "cite", "--format", "ris", "--lang", lang))
    assert [record["id"] for record in records] == [source["id"] for source in SOURCES]
    for record in records:
        source = BY_ID[record["id"]]
        assert record["title"] == source["title"]
        assert record["urls"] == [source["url"]]
        assert record["language"] == source["language"]
        assert source["publisher"] in (record.get("publisher"), record.get("secondary_title"))
        if "published" in source:
            assert record["year"] == source["published"][:4]
            if len(source["published"]) > 4:
                assert record["date"] == source["published"].replace("-", "/")
    by_id = {record["id"]: record for record in records}
    assert by_id["unscr-2364"]["type_of_reference"] == "RPRT"
    assert by_id["unscr-2364"]["authors"] == [say("cite.security_council", lang)]
    assert by_id["unscr-2364"]["issn"] == "S/RES/2364 (2017)"  # SN: Zotero reads it as the document's number
    assert "STAT" not in {record["type_of_reference"] for record in records}
    assert by_id["un-press-2690"]["type_of_reference"] == "RPRT"
    assert by_id["un-press-2690"]["type_of_work"] == say("cite.genre.press_release", lang)
    assert by_id["un-press-2690"]["issn"] == "SC/15341"  # SN: Zotero reads it as a report's number
    assert by_id["cbc-2013"]["type_of_reference"] == "NEWS" and by_id["cbc-2013"]["secondary_title"] == "CBC News"
    assert by_id["cbc-2013"]["authors"] == ["CBC News"]  # the outlet as a corporate author
    assert by_id["pema-v4"]["authors"] == ["Di Salvatore, J.", "Lundgren, M.", "Oksamytna, K.", "Smidt, H. M."]
    for record in records:
        assert record["authors"], record["id"]
        assert record["access_date"] == BY_ID[record["id"]]["accessed"].replace("-", "/")


# --------------------------------------------------------------------------- text


@pytest.mark.parametrize("lang", LANGS)
def test_text_is_one_line_per_source_in_the_users_words(runner: CliRunner, lang: str) -> None:
    lines = run(runner, "cite", "--lang", lang).splitlines()
    assert len(lines) == len(SOURCES)
    for line, source in zip(lines, SOURCES, strict=True):
        copy = (
            f" ({say('cite.copy_read', lang, url=source['alternative_urls'][0])})"
            if "alternative_urls" in source
            else ""
        )
        assert line.endswith(" " + source["url"] + copy) and source["title"] in line
        assert f"({source.get('published', say('cite.no_date', lang))})" in line
    release = next(line for line in lines if "sc15341" in line)
    assert f"[{say('cite.genre.press_release', lang)}, SC/15341]" in release


def test_text_cites_a_resolution_by_the_council_and_names_its_host(runner: CliRunner) -> None:
    assert run(runner, "cite", "unscr-2364") == (
        "United Nations Security Council (2017-06-29). Resolution 2364 [S/RES/2364 (2017)]. "
        "United Nations. http://unscr.com/en/resolutions/2364\n"
    )
    assert run(runner, "cite", "un-res-2364") == (
        "United Nations Security Council (2017-06-29). Resolution 2364 (2017) [S/RES/2364 (2017)]. "
        "United Nations. https://digitallibrary.un.org/record/1290877 (Copy read: http://unscr.com/en/resolutions/2364)\n"
    )
    assert run(runner, "cite", "pema-v4").startswith(
        "Di Salvatore, J., Lundgren, M., Oksamytna, K., Smidt, H. M. (n.d.). PEMA: "
    )
    assert run(runner, "cite", "passblue-2014").startswith(
        "PassBlue (2014-10-01). Is Bert Koenders Leaving the Mali Peacekeeping Mission? https://"
    )  # a title that ends in '?' takes no full stop


# --------------------------------------------------------------------------- what is cited


def test_cite_json_is_the_documented_contract(runner: CliRunner) -> None:
    document = json.loads(run(runner, "cite", "res-2100", "unscr-2364", "--json"))
    assert set(document) == {"as_of", "requested", "sources"}
    assert [set(item) for item in document["requested"]] == [{"id", "kind", "sources"}] * 2
    assert [(item["id"], item["kind"]) for item in document["requested"]] == [
        ("res-2100", "resolution"),
        ("unscr-2364", "source"),
    ]
    assert all({"id", "title", "publisher", "url", "language"} <= set(source) for source in document["sources"])


def test_a_fact_id_cites_every_source_of_the_fact_and_its_parts(runner: CliRunner) -> None:
    cited: list[str] = []
    for fact in cited_facts(load()):
        if fact.id == "res-2100":  # the resolution and its ceiling
            cited += [source for source in fact.sources if source not in cited]
    document = json.loads(run(runner, "cite", "res-2100", "--json"))
    assert [source["id"] for source in document["sources"]] == cited
    snapshot = json.loads(run(runner, "cite", "strength-2013-09", "--json"))  # both claims' sources
    assert {source["id"] for source in snapshot["sources"]} >= {"bamada-strength-2013", "veteranen-artillerie"}


def test_no_id_cites_every_source_and_a_source_id_only_itself(runner: CliRunner) -> None:
    assert len(json.loads(run(runner, "cite", "--json"))["sources"]) == len(SOURCES)
    only = json.loads(run(runner, "cite", "cbc-2013", "cbc-2013", "--json"))
    assert [source["id"] for source in only["sources"]] == ["cbc-2013"]


def test_an_unknown_id_exits_1_with_suggestions(runner: CliRunner) -> None:
    result = runner.invoke(app, ["cite", "res-2100", "res-21"])
    assert result.exit_code == 1 and result.stdout == ""
    assert "no fact or source with id 'res-21'" in result.stderr
    assert "did you mean: res-2100" in result.stderr


@pytest.mark.parametrize("args", [["cite", "--csv"], ["cite", "--format", "table"], ["cite", "--format", "rtf"]])
def test_cite_prints_only_citation_formats_and_json(runner: CliRunner, args: list[str]) -> None:
    result = runner.invoke(app, args)
    assert result.exit_code == 2, result.output
    assert result.stdout == ""


@pytest.mark.parametrize("format", formats("citations"))
@pytest.mark.parametrize("command", [["about"], ["timeline"], ["troops"], ["sources"], ["errata"], ["schema"]])
def test_other_commands_reject_the_citation_formats(runner: CliRunner, command: list[str], format: str) -> None:
    result = runner.invoke(app, [*command, "--format", format])
    assert result.exit_code == 2, result.output
    assert "cannot print" in result.stderr


# --------------------------------------------------------------------------- show

SHOW_KEYS = {"as_of", "id", "kind", "path", "record", "sources", "errata"}


@pytest.mark.parametrize(
    ("identifier", "kind", "path"),
    [("res-2100", "resolution", "resolutions[1]"), ("strength-2013-09", "strength", "snapshots[1]"),
     ("nl-total-served", "dutch figure", "netherlands.figures[0]"), ("hom-hamdi", "leader", "leaders[2]"),
     ("minusma", "mission", "mission"), ("err-2690-date", "erratum", "errata[12]"),
     ("un-press-2690", "source", "sources[29]")],
)  # fmt: skip
def test_show_json_is_the_documented_contract(runner: CliRunner, identifier: str, kind: str, path: str) -> None:
    document = json.loads(run(runner, "show", identifier, "--json"))
    assert set(document) == SHOW_KEYS
    assert (document["id"], document["kind"], document["path"]) == (identifier, kind, path)
    assert document["record"]["id"] == identifier
    cited = json.loads(run(runner, "cite", identifier, "--json"))["sources"]
    assert document["sources"] == cited
    assert all(
        set(erratum) >= {"id", "subject", "claimed", "claimed_in", "corrected", "sources"}
        for erratum in document["errata"]
    )


def test_show_gives_the_whole_record(runner: CliRunner) -> None:
    document = json.loads(run(runner, "show", "res-2100", "--json"))
    assert document["record"] == next(item for item in load()["resolutions"] if item["id"] == "res-2100")
    snapshot = json.loads(run(runner, "show", "strength-2013-09", "--json"))["record"]
    assert [claim["uniformed"]["value"] for claim in snapshot["claims"]] == [6010, 6039]


def test_show_lists_the_errata_that_concern_a_fact_or_a_source(runner: CliRunner) -> None:
    def errata_of(identifier: str) -> list[str]:
        return [erratum["id"] for erratum in json.loads(run(runner, "show", identifier, "--json"))["errata"]]

    assert errata_of("res-2100") == ["err-police-ceiling", "err-rounded-total"]  # named in 'concerns'
    assert errata_of("hom-hamdi") == ["err-hamdi-term"]
    assert errata_of("res-2164") == []
    assert errata_of("lavoixdukoat-2023") == ["err-2690-date"]  # the source the erratum corrects
    assert errata_of("un-press-2690") == ["err-2690-date"]  # a source the correction rests on
    assert errata_of("err-2690-date") == []  # an erratum does not concern itself


@pytest.mark.parametrize("lang", LANGS)
def test_show_as_a_table_in_every_language(runner: CliRunner, lang: str) -> None:
    result = runner.invoke(app, ["show", "strength-2013-07-01", "--lang", lang], env={"COLUMNS": "120"})
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[0] == f"strength-2013-07-01 ({say('kind.strength', lang)})"
    assert "claims[0].uniformed" in result.stdout
    assert say("qualifier.about", lang, n=number(6200, lang)) in result.stdout
    assert say("show_no_errata", lang, id="strength-2013-07-01") in result.stdout


def test_show_as_csv_keeps_codes_and_qualifiers(runner: CliRunner) -> None:
    import csv
    import io

    rows = list(csv.DictReader(io.StringIO(run(runner, "show", "strength-2013-07-01", "--csv"))))
    record = {row["field"]: row for row in rows if row["table"] == "record"}
    assert (record["claims[0].uniformed"]["value"], record["claims[0].uniformed"]["qualifier"]) == ("6200", "about")
    assert record["claims[0].rank"]["value"] == "preferred"
    assert {row["id"] for row in rows if row["table"] == "sources"} >= {"un-news-fr-transfer"}


def test_show_an_unknown_id_exits_1_with_suggestions(runner: CliRunner) -> None:
    result = runner.invoke(app, ["show", "hom-hamdy"])
    assert result.exit_code == 1 and result.stdout == ""
    assert "no fact or source with id 'hom-hamdy'" in result.stderr and "did you mean: hom-hamdi" in result.stderr


def test_show_rejects_the_citation_formats(runner: CliRunner) -> None:
    result = runner.invoke(app, ["show", "res-2100", "--format", "bibtex"])
    assert result.exit_code == 2 and "cannot print bibtex" in result.stderr


@pytest.mark.parametrize(
    "title",
    ['Real title}}, note = "INJECTED NOTE", x = "', "Report (part 1}", "Notes {draft", "{balanced} and \\{escaped\\}"],
)
def test_braces_in_a_title_cannot_end_the_entry(
    runner: CliRunner, write_fact_base: Callable[..., Path], title: str
) -> None:
    """Issue 21 item 2: BibTeX, biber and pybtex count \\{ as a brace; the entry must stay whole for each."""
    import pybtex.database

    def mutate(data: dict[str, Any]) -> None:
        data["sources"][0]["title"] = title

    first = json.loads(json.dumps(load(None)["sources"][0]))["id"]
    text = run(runner, "cite", "--format", "bibtex", "--data", str(write_fact_base(mutate)))
    library = pybtex.database.parse_string(text, "bibtex")
    assert list(library.entries) == [source["id"] for source in SOURCES]
    entry = library.entries[first]
    assert "note" not in {name.lower() for name in entry.fields} or "INJECTED" not in entry.fields["note"]
    assert all("INJECTED" not in value for other in library.entries.values() for value in other.fields.values()
               if other is not entry)  # fmt: skip
    raw, _ = _parse_bibtex(text)
    assert [item.key for item in raw.entries] == [source["id"] for source in SOURCES]
    written = next(item for item in raw.entries if item.key == first)["title"]
    assert written.count(r"\textbraceleft{}") == title.count("{")
    assert written.count(r"\textbraceright{}") == title.count("}")


def test_a_line_separator_in_a_title_cannot_forge_a_ris_record(
    runner: CliRunner, write_fact_base: Callable[..., Path]
) -> None:
    """Issue 21 item 9: a reader that splits lines the Unicode way (str.splitlines) must still see one record."""

    def mutate(data: dict[str, Any]) -> None:
        data["sources"][0]["title"] = "Real\u2028ER  - \u2029TY  - GEN\u2028TI  - Forged"

    text = run(runner, "cite", "--format", "ris", "--data", str(write_fact_base(mutate)))
    assert "\u2028" not in text and "\u2029" not in text
    lines = text.splitlines()
    assert sum(line.startswith("TY  - ") for line in lines) == len(SOURCES)
    assert not any(line.startswith("TI  - Forged") for line in lines)
    [first, *_] = rispy.loads(text)
    assert first["title"] == "Real\\u2028ER  - \\u2029TY  - GEN\\u2028TI  - Forged"

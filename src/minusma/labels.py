"""Every word the tool itself shows, in English and Dutch, and number formatting per language.

No typer, no rich: render, export and cli all read from here.
"""

from __future__ import annotations

from collections.abc import Mapping

from minusma.model import Lang, Quantity, Text

_LABELS: dict[str, tuple[str, str]] = {
    # headings
    "about": ("{name} at a glance", "{name} in het kort"),
    "timeline": ("Timeline", "Tijdlijn"),
    "ceilings": ("Authorised ceilings", "Toegestane plafonds"),
    "snapshots": ("Deployed strength", "Ingezette sterkte"),
    "compare": ("Deployed against the ceiling in force", "Ingezet tegenover het geldende plafond"),
    "chart": ("Deployed strength against the ceiling", "Ingezette sterkte tegenover het plafond"),
    "mandate": ("Mandate", "Mandaat"),
    "tasks": ("Tasks set by resolution {number}", "Taken volgens resolutie {number}"),
    "periods": ("Mandate periods", "Mandaatperiodes"),
    "related": ("Related resolutions", "Verwante resoluties"),
    "dutch_title": ("The Netherlands' contribution", "De Nederlandse bijdrage"),
    "strength_at": ("Latest deployed strength on or before {date}", "Laatste ingezette sterkte op of vóór {date}"),
    "phases": ("Phases", "Fases"),
    "figures": ("Numbers", "Aantallen"),
    "dutch_events": ("Dutch events", "Nederlandse gebeurtenissen"),
    "leaders": ("Leaders", "Leiding"),
    "errata": ("Corrections to widely read sources", "Correcties op veelgelezen bronnen"),
    "casualties": ("Casualties", "Slachtoffers"),
    "sources": ("Sources", "Bronnen"),
    "search": ("Search results for '{query}'", "Zoekresultaten voor '{query}'"),
    "at": ("{name} on {date}", "{name} op {date}"),
    "validate_ok": ("{file}: valid ({warnings} warnings)", "{file}: geldig ({warnings} waarschuwingen)"),
    "validate_bad": (
        "{file}: {errors} errors, {warnings} warnings",
        "{file}: {errors} fouten, {warnings} waarschuwingen",
    ),
    "cited_by_facts": ("Facts citing {id}", "Feiten die {id} aanhalen"),
    "no_hits": ("No fact matches '{query}'.", "Geen feit past bij '{query}'."),
    "no_events": ("No events match these filters.", "Geen gebeurtenissen passen bij deze filters."),
    "as_of": ("Fact base current to {date}.", "Feitenbestand bijgewerkt tot {date}."),
    "legend": (
        "~ about, ≲ nearly, > more than, ≥ at least (approximate figures as their sources give them)",
        "~ ongeveer, ≲ bijna, > meer dan, ≥ ten minste (benaderingen zoals de bronnen ze geven)",
    ),
    "preferred_note": (
        "* the preferred claim where sources disagree (see 'reason' in --json)",
        "* de voorkeursbewering waar bronnen verschillen (zie 'reason' in --json)",
    ),
    "read_as": (
        "{given} read as {date}, the last day of that period.",
        "{given} gelezen als {date}, de laatste dag van die periode.",
    ),
    # column and field names
    "field": ("Field", "Veld"),
    "value": ("Value", "Waarde"),
    "date": ("Date", "Datum"),
    "category": ("Category", "Categorie"),
    "event": ("Event", "Gebeurtenis"),
    "resolution": ("Resolution", "Resolutie"),
    "adopted": ("Adopted", "Aangenomen"),
    "military": ("Military", "Militair"),
    "police": ("Police", "Politie"),
    "total": ("Total", "Totaal"),
    "uniformed": ("Uniformed", "Geüniformeerd"),
    "personnel": ("All personnel", "Al het personeel"),
    "civilians": ("Civilians", "Burgers"),
    "observers": ("Observers", "Waarnemers"),
    "ceiling": ("Ceiling", "Plafond"),
    "fill": ("Fill", "Vulling"),
    "bar": ("Uniformed fill", "Vulling geüniformeerd"),
    "rank": ("", ""),
    "rank_block": ("Claim", "Bewering"),
    "note": ("Note", "Toelichting"),
    "caveat": ("Caveat", "Voorbehoud"),
    "start": ("Start", "Begin"),
    "end": ("End", "Einde"),
    "summary": ("Summary", "Samenvatting"),
    "vote": ("Vote", "Stemming"),
    "task": ("Task", "Taak"),
    "kind": ("Kind", "Soort"),
    "name": ("Name", "Naam"),
    "role": ("Role", "Functie"),
    "nationality": ("Nationality", "Nationaliteit"),
    "appointed": ("Appointed", "Benoemd"),
    "term": ("Term", "Termijn"),
    "phase": ("Phase", "Fase"),
    "figure": ("Figure", "Cijfer"),
    "subject": ("Subject", "Onderwerp"),
    "claimed": ("Widely read source says", "Veelgelezen bron zegt"),
    "corrected": ("This tool says", "Deze tool zegt"),
    "outcome": ("Outcome", "Gevolg"),
    "cause": ("Cause", "Oorzaak"),
    "id": ("Id", "Id"),
    "title": ("Title", "Titel"),
    "url": ("URL", "URL"),
    "total_kind": ("Total is", "Totaal is"),
    "chart_legend": (
        "█ deployed, ░ room left below the ceiling in force, │ that ceiling; each kind on its own scale",
        "█ ingezet, ░ ruimte tot het geldende plafond, │ dat plafond; elke soort op eigen schaal",
    ),
    "publisher": ("Publisher", "Uitgever"),
    "language": ("Language", "Taal"),
    "cited_by": ("Cited by", "Aangehaald door"),
    "score": ("Score", "Score"),
    "text": ("Text", "Tekst"),
    "path": ("Location", "Plaats"),
    "line": ("Line", "Regel"),
    "severity": ("Severity", "Ernst"),
    "message": ("Problem", "Probleem"),
    "status": ("Status", "Status"),
    "names": ("Names", "Namen"),
    "abbreviation": ("Abbreviation", "Afkorting"),
    "headquarters": ("Headquarters", "Hoofdkwartier"),
    "established": ("Established", "Opgericht"),
    "operational": ("Deployed", "Ingezet"),
    "mandate_ended": ("Mandate ended", "Mandaat beëindigd"),
    "withdrawal_completed": ("Withdrawal completed", "Terugtrekking voltooid"),
    "liquidation_from": ("Liquidation from", "Liquidatie vanaf"),
    "legal_basis": ("Legal basis", "Rechtsgrond"),
    "use_of_force": ("Use of force", "Geweldgebruik"),
    "schema_version": ("Schema version", "Schemaversie"),
    "sources_count": ("Sources", "Bronnen"),
    "in_force": ("Mandate in force", "Geldend mandaat"),
    "leaders_in_office": ("Leaders in office", "Leiding in functie"),
    "dutch_at": ("Dutch contribution", "Nederlandse bijdrage"),
    "events_month": ("Events that month", "Gebeurtenissen die maand"),
    "uncertain": ("uncertain", "onzeker"),
    "stated": ("stated", "vermeld"),
    "computed": ("computed", "berekend"),
    "acting": ("acting", "waarnemend"),
    "yes": ("yes", "ja"),
    # values
    "head_of_mission": ("Head of mission", "Missiehoofd"),
    "force_commander": ("Force commander", "Commandant"),
    "preferred": ("preferred", "voorkeur"),
    "normal": ("normal", "normaal"),
    "deprecated": ("deprecated", "verworpen"),
    "establishment": ("establishment", "oprichting"),
    "renewal": ("renewal", "verlenging"),
    "termination": ("termination", "beëindiging"),
    "killed": ("killed", "gedood"),
    "injured": ("injured", "gewond"),
    "any": ("all causes", "alle oorzaken"),
    "hostile": ("hostile acts", "vijandelijk"),
    "other": ("other causes", "andere oorzaken"),
    "category_context": ("context", "context"),
    "category_resolution": ("resolution", "resolutie"),
    "category_mission": ("mission", "missie"),
    "category_leadership": ("leadership", "leiding"),
    "category_strength": ("strength", "sterkte"),
    "category_casualties": ("casualties", "slachtoffers"),
    "category_netherlands": ("Netherlands", "Nederland"),
    "category_withdrawal": ("withdrawal", "terugtrekking"),
    "error": ("error", "fout"),
    "warning": ("warning", "waarschuwing"),
    # messages
    "more_problems": (
        "... and {count} more; run 'minusma validate {file}' to see them all",
        "... en nog {count}; 'minusma validate {file}' toont ze allemaal",
    ),
    "unknown_source": (
        "no source with id '{id}'; 'minusma sources' lists them all",
        "geen bron met id '{id}'; 'minusma sources' toont ze allemaal",
    ),
    "did_you_mean": ("did you mean: {ids}?", "bedoelde u: {ids}?"),
    "bad_date": (
        "{error}. Use YYYY, YYYY-MM or YYYY-MM-DD, e.g. 2016, 2016-06, 2016-06-29.",
        "{error}. Gebruik JJJJ, JJJJ-MM of JJJJ-MM-DD, bijvoorbeeld 2016, 2016-06, 2016-06-29.",
    ),
    "bad_category": (
        "'{value}' is not a category. Use one of: {categories}.",
        "'{value}' is geen categorie. Gebruik een van: {categories}.",
    ),
    "together": (
        "{first} and {second} cannot be used together; choose one.",
        "{first} en {second} gaan niet samen; kies er één.",
    ),
    "from_after_to": (
        "--from {start} is after --to {end}; swap them.",
        "--from {start} ligt na --to {end}; verwissel ze.",
    ),
    "empty_search": ("give at least one word to search for.", "geef ten minste één woord om naar te zoeken."),
    "stdout_closed": (
        "standard output is closed; nothing can be printed",
        "de standaarduitvoer is gesloten; er kan niets worden afgedrukt",
    ),
    "internal": (
        "internal error: {error}. This is a bug; please report it. Set MINUSMA_DEBUG=1 to see the traceback.",
        "interne fout: {error}. Dit is een bug; meld het alstublieft. Zet MINUSMA_DEBUG=1 om de traceback te zien.",
    ),
}

# --help, in the language of the environment (LC_ALL, LC_MESSAGES, LANG or MINUSMA_LANG)
_HELP: dict[str, tuple[str, str]] = {
    "app": (
        "Sourced facts about MINUSMA, the UN stabilisation mission in Mali (2013-2023).\n\n"
        "Every command prints tables for people; --json prints one JSON document for scripts "
        "and --csv a CSV table. Try: minusma troops --compare",
        "Feiten met bronnen over MINUSMA, de VN-stabilisatiemissie in Mali (2013-2023).\n\n"
        "Elke opdracht toont tabellen voor mensen; --json geeft één JSON-document voor scripts "
        "en --csv een CSV-tabel. Probeer: minusma troops --compare",
    ),
    "version": (
        "Show the tool version, the fact base schema version and its as-of date.",
        "Toon de versie van de tool, de schemaversie van het feitenbestand en de peildatum.",
    ),
    "data": (
        "Read another fact base of the same schema (default: the one shipped with minusma).",
        "Lees een ander feitenbestand met hetzelfde schema (standaard: het bestand dat bij minusma hoort).",
    ),
    "json": (
        "Print one JSON document (UTF-8) instead of tables.",
        "Geef één JSON-document (UTF-8) in plaats van tabellen.",
    ),
    "csv": ("Print CSV: a header row, then one row per record.", "Geef CSV: een kopregel, dan één regel per record."),
    "lang": (
        "Language of tables and messages: en or nl (default: from LC_ALL, LC_MESSAGES or LANG).",
        "Taal van tabellen en meldingen: en of nl (standaard: uit LC_ALL, LC_MESSAGES of LANG).",
    ),
    "from": (
        "Only events on or after DATE (YYYY, YYYY-MM or YYYY-MM-DD).",
        "Alleen gebeurtenissen op of na DATE (JJJJ, JJJJ-MM of JJJJ-MM-DD).",
    ),
    "to": (
        "Only events on or before DATE (a month or year counts to its end).",
        "Alleen gebeurtenissen op of vóór DATE (een maand of jaar telt tot het einde).",
    ),
    "category": (
        "Only this category; repeat for more. One of: {categories}.",
        "Alleen deze categorie; herhaal voor meer. Een van: {categories}.",
    ),
    "compare": (
        "Set each deployed figure against the ceiling in force, with fill rates.",
        "Zet elk sterktecijfer tegenover het geldende plafond, met vullingsgraad.",
    ),
    "chart": (
        "Draw deployed strength against the ceiling as bars.",
        "Teken de ingezette sterkte tegenover het plafond als balken.",
    ),
    "date": (
        "YYYY-MM-DD (or YYYY-MM / YYYY, read as its last day).",
        "JJJJ-MM-DD (of JJJJ-MM / JJJJ, gelezen als de laatste dag).",
    ),
    "text": (
        "Words to find, in English or Dutch; case and accents do not matter.",
        "Te zoeken woorden, in het Engels of Nederlands; hoofdletters en accenten tellen niet.",
    ),
    "limit": ("Show at most this many hits.", "Toon hoogstens zoveel treffers."),
    "source_id": ("Show one source and the facts that cite it.", "Toon één bron en de feiten die haar aanhalen."),
    "path": (
        "The fact base to check (default: --data, MINUSMA_DATA, or the shipped one).",
        "Het te controleren feitenbestand (standaard: --data, MINUSMA_DATA of het meegeleverde).",
    ),
    "schema_json": (
        "Accepted for uniformity: the schema is always JSON.",
        "Geaccepteerd voor de eenvormigheid: het schema is altijd JSON.",
    ),
    "about": (
        "What MINUSMA was: names, headquarters, key dates, status, first leaders.\n\nExample: minusma about --lang nl",
        "Wat MINUSMA was: namen, hoofdkwartier, belangrijke data, status, eerste leiding.\n\nVoorbeeld: minusma about --lang nl",
    ),
    "timeline": (
        "Dated events in order, from the 2012 crisis to the 2024 liquidation.\n\n"
        "Example: minusma timeline --from 2016 --to 2018-06 --category resolution",
        "Gedateerde gebeurtenissen op volgorde, van de crisis van 2012 tot de liquidatie in 2024.\n\n"
        "Voorbeeld: minusma timeline --from 2016 --to 2018-06 --category resolution",
    ),
    "troops": (
        "Authorised ceilings and deployed strength, each figure with its source.\n\nExample: minusma troops --compare",
        "Toegestane plafonds en ingezette sterkte, elk cijfer met zijn bron.\n\nVoorbeeld: minusma troops --compare",
    ),
    "mandate": (
        "The mandate: legal basis, use of force, the seven tasks, and every period and renewal.\n\n"
        "Example: minusma mandate",
        "Het mandaat: rechtsgrond, geweldgebruik, de zeven taken en elke periode en verlenging.\n\n"
        "Voorbeeld: minusma mandate",
    ),
    "dutch": (
        "The Netherlands' contribution: phases, units, numbers, deaths, withdrawal.\n\nExample: minusma dutch --lang nl",
        "De Nederlandse bijdrage: fases, eenheden, aantallen, doden, terugtrekking.\n\nVoorbeeld: minusma dutch --lang nl",
    ),
    "leaders": (
        "Heads of mission and force commanders, acting ones included, with their terms.\n\nExample: minusma leaders",
        "Missiehoofden en commandanten, waarnemers inbegrepen, met hun termijnen.\n\nVoorbeeld: minusma leaders",
    ),
    "casualties": (
        "Fatality and injury figures, each with the period it covers and its source.\n\nExample: minusma casualties",
        "Cijfers over doden en gewonden, elk met de periode en de bron.\n\nVoorbeeld: minusma casualties",
    ),
    "errata": (
        "Where widely read sources are wrong: what they say, what this tool says, and why.\n\nExample: minusma errata",
        "Waar veelgelezen bronnen fout zijn: wat zij zeggen, wat deze tool zegt, en waarom.\n\n"
        "Voorbeeld: minusma errata",
    ),
    "at": (
        "The mission on one date: mandate, ceiling, strength, leaders, Dutch part, events.\n\n"
        "Example: minusma at 2016-07-06",
        "De missie op één datum: mandaat, plafond, sterkte, leiding, Nederlandse bijdrage, gebeurtenissen.\n\n"
        "Voorbeeld: minusma at 2016-07-06",
    ),
    "search": (
        "Search every fact in both languages, best matches first.\n\nExample: minusma search menaka",
        "Zoek in alle feiten, in beide talen, beste treffers eerst.\n\nVoorbeeld: minusma search menaka",
    ),
    "sources": (
        "Every source with how many facts cite it, or one source and its facts.\n\n"
        "Example: minusma sources un-press-2690",
        "Alle bronnen met het aantal feiten dat ze aanhaalt, of één bron met haar feiten.\n\n"
        "Voorbeeld: minusma sources un-press-2690",
    ),
    "validate": (
        "Check a fact base against every rule and list all problems; exit 1 if any is an error.\n\n"
        "Example: minusma validate my-facts.json",
        "Controleer een feitenbestand op alle regels en toon alle problemen; exitcode 1 bij een fout.\n\n"
        "Voorbeeld: minusma validate my-facts.json",
    ),
    "schema": (
        "Print the fact base's JSON Schema (data/minusma.schema.json holds the same).\n\n"
        "Example: minusma schema > minusma.schema.json",
        "Toon het JSON Schema van het feitenbestand (data/minusma.schema.json bevat hetzelfde).\n\n"
        "Voorbeeld: minusma schema > minusma.schema.json",
    ),
}


def help_text(key: str, lang: Lang, **values: object) -> str:
    english, dutch = _HELP[key]
    return (dutch if lang == "nl" else english).format(**values)


_QUALIFIERS: dict[str, tuple[str, str]] = {
    "exact": ("{n}", "{n}"),
    "about": ("about {n}", "ongeveer {n}"),
    "nearly": ("nearly {n}", "bijna {n}"),
    "more_than": ("more than {n}", "meer dan {n}"),
    "at_least": ("at least {n}", "ten minste {n}"),
}


def label(key: str, lang: Lang, **values: object) -> str:
    english, dutch = _LABELS[key]
    template = dutch if lang == "nl" else english
    return template.format(**values)


def text(value: Text | Mapping[str, str] | None, lang: Lang) -> str:
    """A bilingual text in ``lang``; empty when the fact has none."""
    return value[lang] if value is not None else ""


def number(value: int, lang: Lang) -> str:
    """12,640 in English, 12.640 in Dutch."""
    formatted = f"{value:,}"
    return formatted.replace(",", ".") if lang == "nl" else formatted


def percent(value: float, lang: Lang) -> str:
    formatted = f"{value:.1f}%"
    return formatted.replace(".", ",") if lang == "nl" else formatted


def quantity(value: Quantity | None, lang: Lang) -> str:
    if value is None:
        return "-"
    english, dutch = _QUALIFIERS[value["qualifier"]]
    return (dutch if lang == "nl" else english).format(n=number(value["value"], lang))


def qualified_percent(percent_value: float, qualifier: str, lang: Lang) -> str:
    english, dutch = _QUALIFIERS[qualifier]
    return (dutch if lang == "nl" else english).format(n=percent(percent_value, lang))

"""GeoJSON (RFC 7946): the sites of ``bases`` as a FeatureCollection, for QGIS, geojson.io and Leaflet.

One Point per site, its position ``[longitude, latitude]`` (RFC 7946 section 3.1.1: longitude
first, WGS 84), its properties the site's record in the chosen language beside every language's
name, and the dataset rows the question selected. Every figure is an estimate and says so
(``estimate`` on each row, ``note`` on the collection). Written as the JSON writer writes: UTF-8,
indented on a terminal with nothing a terminal would act on.
"""

from __future__ import annotations

from typing import Any

from minusma.messages import Lang, say
from minusma.output import json
from minusma.output.view import View

MEDIA_TYPE = "application/geo+json"


def collection(result: dict[str, Any], lang: Lang) -> dict[str, Any]:
    """The FeatureCollection of a ``bases`` result."""
    rows_by_site: dict[str, list[dict[str, Any]]] = {}
    for row in result.get("rows", []):
        kept = {key: value for key, value in row.items() if key not in ("base", "name", "region")}
        rows_by_site.setdefault(row["base"], []).append(kept)
    features = []
    for site in result["sites"]:
        properties: dict[str, Any] = {
            "id": site["id"],
            "name": site["name"][lang],
            "names": site["name"],
            "spellings": site["spellings"],
            "region": site["region"][lang],
            "first": site["first"],
            "last": site["last"],
            "closed": site["closed"]["date"] if site["closed"] is not None else None,
            "troops_estimate": site["troops"],
            "countries": site["countries"],
            "sources": site["sources"],
        }
        if site["id"] in rows_by_site:
            properties["rows"] = rows_by_site[site["id"]]
        features.append(
            {
                "type": "Feature",
                "id": site["id"],
                "geometry": {"type": "Point", "coordinates": [site["longitude"], site["latitude"]]},
                "properties": properties,
            }
        )
    return {
        "type": "FeatureCollection",
        "features": features,
        "note": " ".join(
            [say("bases_note", lang)]
            + ([say("bases_after_withdrawal", lang, date=after)] if (after := result.get("after_withdrawal")) else [])
        ),
        "as_of": result["as_of"],
        "sources": result["sources"],
    }


def document(result: dict[str, Any], lang: Lang) -> bytes:
    """The FeatureCollection as a file's bytes, as the writer sends them down a pipe (``export DIR``)."""
    return b"".join(json.pieces(collection(result, lang)))


def write(view: View[Any], lang: Lang) -> None:
    json.write(View(collection(view.result, lang), None), lang)

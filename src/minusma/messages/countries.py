"""Countries: ISO 3166-1 alpha-3 codes and their names in each language.

The one list of countries: a fact base's ``country`` must be a code of this table (``validate``
checks it), and ``contributors --country`` finds a country by its code or by any of its names.
A language without a name here shows the English one. It is a table of facts about the world,
not the tool's own words, so it lives apart from the message catalogues.
"""

from __future__ import annotations

COUNTRIES: dict[str, dict[str, str]] = {
    "BDI": {"en": "Burundi", "nl": "Burundi", "fr": "Burundi"},
    "BEL": {"en": "Belgium", "nl": "België", "fr": "Belgique"},
    "BEN": {"en": "Benin", "nl": "Benin", "fr": "Bénin"},
    "BFA": {"en": "Burkina Faso", "nl": "Burkina Faso", "fr": "Burkina Faso"},
    "BGD": {"en": "Bangladesh", "nl": "Bangladesh", "fr": "Bangladesh"},
    "CAN": {"en": "Canada", "nl": "Canada", "fr": "Canada"},
    "CHL": {"en": "Chile", "nl": "Chili", "fr": "Chili"},
    "CHN": {"en": "China", "nl": "China", "fr": "Chine"},
    "CIV": {"en": "Côte d'Ivoire", "nl": "Ivoorkust", "fr": "Côte d’Ivoire"},
    "CMR": {"en": "Cameroon", "nl": "Kameroen", "fr": "Cameroun"},
    "DEU": {"en": "Germany", "nl": "Duitsland", "fr": "Allemagne"},
    "DNK": {"en": "Denmark", "nl": "Denemarken", "fr": "Danemark"},
    "EGY": {"en": "Egypt", "nl": "Egypte", "fr": "Égypte"},
    "FIN": {"en": "Finland", "nl": "Finland", "fr": "Finlande"},
    "FRA": {"en": "France", "nl": "Frankrijk", "fr": "France"},
    "GBR": {"en": "United Kingdom", "nl": "Verenigd Koninkrijk", "fr": "Royaume-Uni"},
    "GHA": {"en": "Ghana", "nl": "Ghana", "fr": "Ghana"},
    "GIN": {"en": "Guinea", "nl": "Guinee", "fr": "Guinée"},
    "ITA": {"en": "Italy", "nl": "Italië", "fr": "Italie"},
    "JOR": {"en": "Jordan", "nl": "Jordanië", "fr": "Jordanie"},
    "KHM": {"en": "Cambodia", "nl": "Cambodja", "fr": "Cambodge"},
    "LBR": {"en": "Liberia", "nl": "Liberia", "fr": "Liberia"},
    "LKA": {"en": "Sri Lanka", "nl": "Sri Lanka", "fr": "Sri Lanka"},
    "MRT": {"en": "Mauritania", "nl": "Mauritanië", "fr": "Mauritanie"},
    "NER": {"en": "Niger", "nl": "Niger", "fr": "Niger"},
    "NGA": {"en": "Nigeria", "nl": "Nigeria", "fr": "Nigeria"},
    "NLD": {"en": "Netherlands", "nl": "Nederland", "fr": "Pays-Bas"},
    "NOR": {"en": "Norway", "nl": "Noorwegen", "fr": "Norvège"},
    "RWA": {"en": "Rwanda", "nl": "Rwanda", "fr": "Rwanda"},
    "SEN": {"en": "Senegal", "nl": "Senegal", "fr": "Sénégal"},
    "SLE": {"en": "Sierra Leone", "nl": "Sierra Leone", "fr": "Sierra Leone"},
    "SWE": {"en": "Sweden", "nl": "Zweden", "fr": "Suède"},
    "TCD": {"en": "Chad", "nl": "Tsjaad", "fr": "Tchad"},
    "TGO": {"en": "Togo", "nl": "Togo", "fr": "Togo"},
    "USA": {"en": "United States", "nl": "Verenigde Staten", "fr": "États-Unis"},
    "GMB": {"en": "Gambia", "nl": "Gambia", "fr": "Gambie"},
}

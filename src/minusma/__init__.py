"""minusma: sourced facts about MINUSMA, the UN mission in Mali (2013-2023), on the command line."""

__version__ = "0.1.0"

"""Written readings assembled from chart facts, with all texts in the locale catalogs."""

from astralbot.reading.assemble import full_reading, major_aspects, short_reading
from astralbot.reading.model import THEMES, Reading, Section

__all__ = ["THEMES", "Reading", "Section", "full_reading", "major_aspects", "short_reading"]

"""Themes in free-text feedback: clusters by sentence vectors, named by c-TF-IDF top words,
with lexicon sentiment, example quotes and per-phase counts. See `themes`."""

from cocreate.engines.themes.clustering import MAX_THEMES, assign_themes
from cocreate.engines.themes.sentiment import label, sentiment, sentiments
from cocreate.engines.themes.themes import Theme, ThemeInputError, Themes, find_themes

__all__ = [
    "MAX_THEMES",
    "Theme",
    "ThemeInputError",
    "Themes",
    "assign_themes",
    "find_themes",
    "label",
    "sentiment",
    "sentiments",
]

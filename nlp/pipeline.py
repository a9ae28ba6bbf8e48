"""Build theodoi's spaCy pipeline from `config.cfg` (once per process)."""
from __future__ import annotations

from functools import lru_cache
from importlib import resources

import spacy
from spacy.language import Language
from spacy.util import load_model_from_config

import theodoi.nlp.components  # noqa: F401  (registers the factories)
from theodoi.nlp.extensions import register_extensions

CONFIG_FILE = "config.cfg"


def pipeline_config() -> spacy.Config:
    """The pipeline's configuration as shipped with the package."""
    text = resources.files("theodoi.nlp").joinpath(CONFIG_FILE).read_text(encoding="utf-8")
    return spacy.Config().from_str(text)


@lru_cache(maxsize=1)
def load_pipeline() -> Language:
    """The pipeline, built from config.cfg and cached: no model is downloaded."""
    register_extensions()
    nlp = load_model_from_config(pipeline_config(), auto_fill=True, validate=True)
    nlp.initialize()
    return nlp

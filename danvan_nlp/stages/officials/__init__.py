"""The officials stage: named people with their positions and roles."""

from danvan_nlp.stages.officials.ner_fallback import recover_names
from danvan_nlp.stages.officials.stage import find_officials

__all__ = ["find_officials", "recover_names"]

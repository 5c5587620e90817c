"""The officials stage: named people with their positions and roles."""

from danvan_nlp.stages.officials.stage import find_officials

__all__ = ["find_officials"]

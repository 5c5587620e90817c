"""The figures stage: counted results (how many, of what, achieved or planned)."""

from danvan_nlp.stages.figures.stage import find_figures

__all__ = ["find_figures"]

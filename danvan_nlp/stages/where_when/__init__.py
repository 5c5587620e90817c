"""The where-and-when stage: the place and the years each figure counts for."""

from danvan_nlp.stages.where_when.stage import locate_figures

__all__ = ["locate_figures"]

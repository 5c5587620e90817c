"""The models stage: named model campaigns ("mô hình") and their domains."""

from danvan_nlp.stages.models.stage import find_models, label_domains

__all__ = ["find_models", "label_domains"]

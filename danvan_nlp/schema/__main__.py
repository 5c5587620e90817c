"""``python -m danvan_nlp.schema``: rewrite the shipped result-line schema."""

from danvan_nlp.schema import write_result_schema

write_result_schema()

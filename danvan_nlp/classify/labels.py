"""The seven domain labels of ``shared/data/DOMAINS.md``, and their Vietnamese names."""

from __future__ import annotations

from danvan_nlp import lexicon

LABELS = (
    "kinh_te",
    "nong_thon_moi_moi_truong",
    "van_hoa_xa_hoi",
    "quoc_phong_an_ninh",
    "xay_dung_he_thong_chinh_tri",
    "chinh_quyen_cchc",
    "dan_toc_ton_giao",
)


def vietnamese_name(label: str) -> str:
    """The field's name as reports write it ("Quốc phòng - an ninh"), or the label."""
    return lexicon.mapping("domain_names.tsv").get(label, label)

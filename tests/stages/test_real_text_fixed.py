"""Patterns of real pages that were known misses and are now read right (moved here from
the ledger ``tests/test_known_misses.py`` when their fix landed). Every sentence is our own."""


from danvan_nlp import extract
from tests.stages.real_text_helpers import facts_of, positions_of


def test_former_chain_in_attendee_list() -> None:
    facts = facts_of("Dự buổi gặp mặt có các đồng chí: Hoàng Văn Lực, nguyên Ủy viên Trung ương "
                   "Đảng, nguyên Bí thư Tỉnh ủy Nam Định; Đỗ Thị Thu, Phó Chủ tịch UBND tỉnh.")
    retired = positions_of(facts, "Hoàng Văn Lực")
    assert [p["surface"] for p in retired] == ["Ủy viên Trung ương Đảng", "Bí thư Tỉnh ủy Nam Định"]
    assert [p.get("status") for p in retired] == ["former", "former"]
    assert [p.get("status") for p in positions_of(facts, "Đỗ Thị Thu")] == ["current"]


def test_ministry_name_with_commas() -> None:
    facts = facts_of("Cùng dự có ông Lương Minh Đạo, Thứ trưởng Bộ Lao động, Thương binh và Xã "
                   "hội, cùng lãnh đạo các sở, ngành của tỉnh.")
    surfaces = [p["surface"] for p in positions_of(facts, "Lương Minh Đạo")]
    assert surfaces == ["Thứ trưởng Bộ Lao động, Thương binh và Xã hội"]


def test_scale_word_van() -> None:
    facts = facts_of("Huyện vùng cao này có trên 12 vạn người, phần đông là đồng bào Mông.")
    assert [(f["value"], f["unit"], f["qualifier"]) for f in facts["figures"]] == [
        (120000, "người", "more_than")]


def test_cited_decision_date_is_not_the_publication_date() -> None:
    facts = facts_of("Thực hiện Quyết định số 88/QĐ-UBND ngày 14/3/2022 của UBND tỉnh, xã đã rà "
                   "soát lại 35 hộ nghèo trên địa bàn.")
    assert facts["published"] is None
    assert [(d["code"], d["date"]) for d in facts["documents"]] == [("88/QĐ-UBND", "2022-03-14")]


def test_an_author_byline_on_its_own_lines() -> None:
    text = "Bài viết của tác giả\nTiến sĩ Phan Văn Khải\nPhó Giám đốc Sở Nội vụ\n\nNội dung."
    found = {o.name: [p.surface for p in o.positions] for o in extract(text).officials}
    assert found == {"Phan Văn Khải": ["Phó Giám đốc Sở Nội vụ"]}


def test_prizes_handed_out_are_commended() -> None:
    assert [(f.value, f.unit, f.outcome.value) for f in extract(
        "Ban tổ chức đã trao 15 giải cho các đội thi xuất sắc.").figures] == [
        (15.0, "giải", "commended")]


def test_a_model_told_twice_in_other_words_is_kept_once() -> None:
    text = ("Xã phát triển mô hình nuôi bò vỗ béo với quy mô lớn. Nhờ vốn vay, nhiều hộ mở "
            "rộng mô hình nuôi bò tập trung quy mô lớn.")
    assert [model.title for model in extract(text).models] == [
        "nuôi bò vỗ béo với quy mô lớn"]


def test_a_named_method_after_nho_cach_lam() -> None:
    text = ('Cây cầu được làm xong nhờ cách làm "Cầu nối yêu thương" do chi hội khởi xướng.')
    assert [model.title for model in extract(text).models] == ["Cầu nối yêu thương"]
    assert extract("Nhờ cách làm bài bản đó, xã về đích sớm.").models == []


def test_a_quoted_list_item_without_its_closing_quote_at_the_end_of_the_text() -> None:
    text = ('Các mô hình tiêu biểu như: "Nuôi cá ruộng lúa", thu nhập cao; "Vườn ao chuồng"; '
            '"Gà thả vườn đồi')
    titles = [model.title for model in extract(text).models]
    assert titles == ["Nuôi cá ruộng lúa", "Vườn ao chuồng", "Gà thả vườn đồi"]
    cut_in_a_word = 'Các mô hình tiêu biểu như: "Nuôi cá ruộng lúa", "Vườn ao ch'
    assert [model.title for model in extract(cut_in_a_word).models] == ["Nuôi cá ruộng lúa"]

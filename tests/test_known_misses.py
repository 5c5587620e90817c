"""The ledger of known misses: patterns real pages show that the extractor still gets wrong.

Each case is a sentence of our own that paraphrases a pattern found in the blind real-text
batches (``benchmarks/real_text/MISSES.md``; never a copied sentence), and asserts what the
extractor SHOULD output. It is marked ``known_miss(reason)``, a strict xfail: while the miss
lasts the case fails quietly; the day a change fixes it, the case passes, strict mode turns
that into a failure, and whoever fixed it moves the case to the regular tests (dropping the
mark). So known misses stay visible and fixed ones cannot slip back unnoticed.

To add a miss: write a new ``test_miss_*`` function with ``@known_miss("<pattern>: <batch>")``.
"""

import sys
from collections.abc import Callable

import pytest

from danvan_nlp import extract
from tests.stages.real_text_helpers import facts_of

Case = Callable[[], None]


def known_miss(reason: str) -> pytest.MarkDecorator:
    """Mark a case as a known miss: a strict xfail with the pattern and where it was seen."""
    assert reason.strip(), "a known miss needs its reason"
    return pytest.mark.xfail(strict=True, reason=reason)




def _figures(text: str) -> list[tuple[float, str, str]]:
    return [(f.value, f.unit, f.outcome.value) for f in extract(text).figures]


@known_miss("figures: two facts with equal value and unit are kept once (batch 1)")
def test_miss_equal_value_and_unit_kept_once() -> None:
    facts = facts_of("Tổ tự quản của thôn có 6 người dân tộc Tày và 6 người dân tộc Nùng cùng "
                   "tham gia tuần tra.")
    assert [(f["value"], f["unit"]) for f in facts["figures"]] == [(6, "người"), (6, "người")]




@known_miss("figures: a range with the unit on both bounds ('từ 2m đến 4m') gives the upper "
            "bound as a figure of its own (batches 1-2)")
def test_miss_a_range_with_units_on_both_bounds() -> None:
    assert [(f.value, f.value_max) for f in extract(
        "Con đường được mở rộng từ 3m đến 5m.").figures] == [(3.0, 5.0)]


@known_miss("figures: a decimal comma followed by a space ('277, 556 km') is read as two "
            "numbers (batches 1-2)")
def test_miss_a_decimal_comma_followed_by_a_space() -> None:
    assert _figures("Tuyến biên giới dài 118, 25 km.") == [(118.25, "km", "other")]


@known_miss("figures: 'nửa' (half) before a scale word is not a number (batches 1-2)")
def test_miss_half_a_billion() -> None:
    assert _figures("Gia đình ông ủng hộ nửa tỷ đồng làm đường.") == [
        (500000000.0, "đồng", "mobilized")]


@known_miss("models: an activity naming a quoted model's words ('lắp đặt camera an ninh' "
            "after 'Camera an ninh') is taken as that model told twice (batch 4)")
def test_miss_an_activity_that_holds_a_models_name() -> None:
    text = ('Xã có các mô hình "Loa phát thanh thôn", "Đèn đường tự quản". Tiêu biểu như: '
            "Mô hình sửa cầu dân sinh; lắp đặt loa phát thanh thôn; trồng hoa ven đường.")
    titles = [model.title for model in extract(text).models]
    assert "lắp đặt loa phát thanh thôn" in titles





@known_miss("models: a model named only by its noun, as the object of building or "
            "contributing money to it, has no cue (batch 6)")
def test_miss_a_model_named_only_by_its_noun() -> None:
    text = ("Bà con xóm Đồi, phần đông làm thuê, vẫn góp gần 500 triệu đồng để xây dựng xóm du "
            "lịch xanh.")
    titles = [model.title for model in extract(text).models]
    assert titles == ["xóm du lịch xanh"]


@known_miss("models: a quoted name with no cue, told by who runs it ('\"A\" do Đoàn "
            "Thanh niên xã tổ chức') or where ('; \"B\" ở ấp ...'), is not found "
            "(tests/gold_blind)")
def test_miss_a_quoted_name_told_by_its_owner() -> None:
    text = ('Ở xã Tân Lập, "Bếp cháo yêu thương" do Hội Phụ nữ xã tổ chức đã nấu 300 suất '
            "cháo mỗi tuần.")
    titles = [model.title for model in extract(text).models]
    assert titles == ["Bếp cháo yêu thương"]


def _model_titles(text: str) -> list[str]:
    return [model.title for model in extract(text).models]


@known_miss("models: the practices a place praised in the campaign carried out, told after "
            "'vận động ... thực hiện tốt việc' with no cue (a list of farming practices), are "
            "not found; the same words elsewhere name duties, not models (batch 8)")
def test_miss_practices_a_place_carried_out_under_the_campaign() -> None:
    text = ('Năm 2023, Đảng ủy xã Hòa Lộc, nơi được tỉnh nêu gương trong thi đua "Dân vận '
            'khéo", vận động bà con thực hiện tốt việc gom ruộng nhỏ thành ô lớn, cơ giới hóa '
            "khâu gặt, mở thêm vùng rau an toàn.")
    assert any("gom ruộng nhỏ thành ô lớn" in title for title in _model_titles(text))


@known_miss("models: a practice someone built up in one sentence, unquoted, and called 'Mô "
            "hình này' in the next has no cue of its own (batch 8)")
def test_miss_a_model_pointed_back_to_by_mo_hinh_nay() -> None:
    text = ("Năm 2021, bà Phạm Thu Hà gây dựng thành công vườn ươm cà phê giống sạch bệnh. Mô "
            "hình này giúp 15 hộ trong buôn có cây giống tốt.")
    assert _model_titles(text) == ["vườn ươm cà phê giống sạch bệnh"]


@known_miss("models: an unquoted model opening a sentence as its subject ('Xây dựng ... được "
            "coi là ...') has no cue (batch 8)")
def test_miss_an_unquoted_model_as_a_sentence_subject() -> None:
    text = ("Xây dựng chợ quê không túi ni lông được coi là bước khởi đầu để lan tỏa phong trào "
            "ra cả xã.")
    assert _model_titles(text) == ["Xây dựng chợ quê không túi ni lông"]


@known_miss("models: a quoted name given by 'chủ trương' with no cue ('đưa ra chủ trương "
            "\"B\"') is not found (tests/gold_blind)")
def test_miss_a_quoted_name_after_chu_truong() -> None:
    assert _model_titles('Khi ấy, Chi bộ đưa ra chủ trương "Lúa sạch - giá cao", vận động 40 hộ '
                         "vào hợp tác xã.") == ["Lúa sạch - giá cao"]


@known_miss("models: a capitalised model name shaped like a motto ('Giữ nghề dệt, giữ bản "
            "sắc': two parts opened by one verb) is dropped as a motto (tests/gold)")
def test_miss_a_model_name_shaped_like_a_motto() -> None:
    text = ('Chị vận động 15 chị em lập tổ đan lát, với cách làm "Giữ nghề đan, giữ nếp nhà", '
            "mỗi chị có thêm thu nhập.")
    assert _model_titles(text) == ["Giữ nghề đan, giữ nếp nhà"]


@known_miss("outcome: a width told before a 'sau khi được vận động' clause takes that clause's "
            "verb (batch 1)")
def test_miss_a_width_before_a_clause_of_its_own() -> None:
    text = ("Trước kia, con đường vào bản chỉ rộng có 2m, sau khi được vận động bà con đã hiến "
            "hơn 800 m2 đất.")
    assert _figures(text)[0] == (2.0, "m", "other")


@known_miss("outcome: 'thực hiện loạt N bài viết' (journalism) read as implemented (batch 1)")
def test_miss_articles_written_are_not_works_done() -> None:
    assert _figures("Phóng viên báo tỉnh thực hiện loạt 4 bài viết về mô hình dân vận khéo.") == [
        (4.0, "bài viết", "other")]


@known_miss("outcome: the length of roads counted before ('N tuyến ... có chiều dài M km') does "
            "not take the roads' verb; the gold is split on it (batch 3)")
def test_miss_the_length_of_roads_made() -> None:
    text = "Năm qua, đường liên ấp được nhựa hóa 14 tuyến với chiều dài 52km."
    assert _figures(text) == [(14.0, "tuyến", "implemented"), (52.0, "km", "implemented")]


@known_miss("outcome: a headline count told again in the body with its verb keeps the "
            "headline's 'other' (batch 3)")
def test_miss_a_headline_count_told_again_in_the_body() -> None:
    text = ("Phường Tân Mai có 31 câu lạc bộ tự quản\n"
            "Sau khi xét duyệt, Ban Chỉ đạo phường Tân Mai cấp giấy chứng nhận 31 câu lạc bộ tự "
            "quản.")
    assert [f[2] for f in _figures(text)] == ["recognized", "recognized"]


@known_miss("outcome: a 'Trong đó' breakdown after a heading line does not find its total "
            "in the sentence before the heading (batch 4)")
def test_miss_a_breakdown_after_a_heading() -> None:
    text = ("Năm nay huyện có 146 vị được công nhận là người có uy tín thuộc 70/92 buôn.\n\n"
            "CA HUYEN CO 146 NGUOI UY TIN\n\nTrong đó có 58 già làng; số còn lại là người "
            "sản xuất giỏi.")
    assert _figures(text)[-1] == (58.0, "già làng", "recognized")


@known_miss("outcome: the object of the verb is a noun before 'của N' ('triển khai đại hội của "
            "7/15 chi bộ'): the owners take the verb (batch 5)")
def test_miss_owners_after_cua_are_not_the_object() -> None:
    text = ("Buổi làm việc đánh giá việc chuẩn bị và triển khai đại hội của 7/15 chi bộ được "
            "chọn làm điểm.")
    assert _figures(text) == [(7.0, "chi bộ", "other")]


@known_miss("outcome: people handed a decision after a list ('trao quyết định ... cho đồng chí "
            "A và 3 đồng chí ...') take the verb of the decision's subject (batch 4)")
def test_miss_recipients_of_a_decision_after_a_name() -> None:
    text = ("Thường trực Huyện ủy trao quyết định thành lập Phòng cho đồng chí Vũ Văn Khải và 3 "
            "đồng chí phó trưởng Phòng.")
    assert [f[2] for f in _figures(text)] == ["other"]


@known_miss("outcome: a count described by 'là' and a list of who they are before its verb "
            "('N gia đình là X, Y tự nguyện hiến') is read as other (batch 9)")
def test_miss_a_count_described_by_la_before_its_verb() -> None:
    text = ("Từ đầu nhiệm kỳ, cả thị trấn có chừng 170 gia đình là cựu chiến binh, giáo viên "
            "tự nguyện hiến 5.200 m2 đất mở hẻm.")
    assert _figures(text)[0] == (170.0, "gia đình", "mobilized")


@known_miss("outcome: an amount after 'với' that says how much a mobilising clause gave "
            "('hiến tiếp phần đất ven kênh, với hơn 100m2') is read as other; the gold says "
            "other for a work's size after 'với' ('với chiều ngang 3,5m') (batch 9)")
def test_miss_an_amount_given_told_after_voi() -> None:
    text = "Ông lại hiến tiếp phần đất sát bờ kênh, với hơn 90m2 cho xã làm cầu."
    assert _figures(text) == [(90.0, "m²", "mobilized")]


@known_miss("outcome: the width of a work told after 'với chiều ngang' takes the building verb "
            "before it (batch 9)")
def test_miss_the_width_of_a_bridge_built() -> None:
    text = "Xã bỏ vốn làm chiếc cầu qua rạch Cái Sơn với chiều ngang 2,8m."
    assert _figures(text) == [(2.8, "m", "other")]


@known_miss("outcome: things chosen to attend a ceremony ('chọn 03 LVH tiêu biểu tham dự Hội "
            "nghị') take the bare verb of the ceremony's name; the guidelines say other (batch 12)")
def test_miss_chosen_to_attend_is_other() -> None:
    text = ("Hội nghị đã chọn 06 tổ tự quản tiêu biểu dự Hội nghị tổng kết 10 năm xây dựng "
            "khu dân cư văn hóa.")
    assert _figures(text) == [(6.0, "tổ", "other")]


@known_miss("outcome: the area of a model in a ';' list after 'Xây dựng ...' ('mô hình A với quy "
            "mô 640,61 ha') does not take the list's building verb (batch 12)")
def test_miss_the_area_of_a_model_listed_after_a_building_verb() -> None:
    text = ("Cụ thể: xây dựng vườn mẫu với diện tích 12 ha ở xã Hòa Lạc; mô hình tưới nhỏ giọt "
            "trên diện tích 7,5 ha.")
    assert [f[2] for f in _figures(text)] == ["implemented", "implemented"]


@known_miss("figures: an equal count in a list of another sentence ('huyện A 2 giải' after "
            "'2 giải nhì' earlier) is merged as the same fact told twice (batch 9)")
def test_miss_an_equal_count_in_a_later_list_is_its_own_fact() -> None:
    text = ("Mỗi đợt có 2 giải nhì. Kết quả chung cuộc: huyện Tân Phú 4 giải, huyện Định Quán "
            "2 giải.")
    assert [f[0] for f in _figures(text)] == [2.0, 4.0, 2.0]


def _cases() -> dict[str, Case]:
    module = sys.modules[__name__]
    return {name: case for name, case in vars(module).items()
            if name.startswith("test_miss_") and callable(case)}


def test_every_case_of_the_ledger_is_a_strict_xfail_with_a_reason() -> None:
    cases = _cases()
    assert len(cases) >= 3
    for name, case in cases.items():
        marks = [m for m in getattr(case, "pytestmark", []) if m.name == "xfail"]
        assert len(marks) == 1, f"{name} is not marked known_miss(...)"
        assert marks[0].kwargs.get("strict") is True, f"{name}: the xfail must be strict"
        assert str(marks[0].kwargs.get("reason", "")).strip(), f"{name}: no reason"


def _posts(text: str) -> dict[str, list[str]]:
    return {o.name: [p.surface for p in o.positions] for o in extract(text).officials}


@known_miss("officials: a lower-case post told in a later sentence of a profile ('Bởi ông "
            "... mà còn là trưởng ấp') is not tied to the person (batch 5)")
def test_miss_a_lower_case_post_in_a_later_sentence_of_a_profile() -> None:
    text = ("Ở ấp Bình Lợi, ai cũng biết ông Phan Văn Sáu. Không chỉ nhiệt tình, ông còn là "
            "trưởng ấp gần dân, sát dân.")
    assert _posts(text) == {"Phan Văn Sáu": ["trưởng ấp"]}


@known_miss("models: groups founded and counted with no cue and no quotes ('Thành lập ... hai "
            "tổ bắc cầu nông thôn ở ...'), under a heading naming them, are not found (batch 11)")
def test_miss_groups_founded_and_counted_with_no_cue() -> None:
    text = ("Ra đời từ năm 2022, ba tổ đắp đê thủy lợi ở ấp Mỹ An đã vận động được 400 triệu "
            "đồng để gia cố 5 km bờ bao.")
    assert _model_titles(text) == ["tổ đắp đê thủy lợi"]


@known_miss("models: a quoted practice after an event noun, given as an example after 'Có thể "
            "kể đến' ('những buổi \"...\" tại phường X, nơi ...'), is read as an event (batch 12)")
def test_miss_a_quoted_practice_after_an_event_noun_given_as_an_example() -> None:
    text = ("Có thể kể đến những buổi “trà chiều cùng dân” tại phường Tân Định, nơi cán bộ và "
            "người dân trò chuyện cởi mở.")
    assert _model_titles(text) == ["trà chiều cùng dân"]


@known_miss("models: a campaign's model told by the unquoted work after the campaign name "
            "('mô hình \"Dân vận khéo\" giúp 19 bản ...') is missed (batch 12)")
def test_miss_the_work_after_a_campaign_name_is_the_model() -> None:
    text = ("Huyện ủy ban hành kế hoạch thực hiện mô hình “Dân vận khéo” giúp 12 thôn có đồng "
            "bào Pa Cô. Cán bộ hướng dẫn các hộ làm mô hình trồng trọt để tăng thu nhập.")
    assert _model_titles(text) == ["giúp 12 thôn có đồng bào Pa Cô"]


@known_miss("models: the first item of a 'Cụ thể như:' list has no cue when the items after it "
            "open with 'mô hình' ('Xây dựng cánh đồng lớn ...; mô hình ...') (batch 12)")
def test_miss_the_first_item_of_a_list_with_no_cue() -> None:
    text = ("Cụ thể như: Xây dựng vườn mẫu cây ăn trái với 20 hộ tham gia; mô hình nuôi ếch "
            "ở xã Phước Hà.")
    assert _model_titles(text) == ["Xây dựng vườn mẫu cây ăn trái", "nuôi ếch"]

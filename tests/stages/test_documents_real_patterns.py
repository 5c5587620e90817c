"""Documents as real pages cite them (issue 8), in our own sentences."""

from danvan_nlp import extract


def test_a_bare_number_with_a_letter_after_it() -> None:
    article = extract("Xã nằm trong vùng được hưởng Nghị quyết 30a của Chính phủ.")
    assert [(d.code, d.kind) for d in article.documents] == [("30a", "Nghị quyết")]


def test_a_bare_number_before_a_word_is_still_read() -> None:
    article = extract("Thực hiện Nghị quyết 57 của Bộ Chính trị, tỉnh đã làm nhiều việc.")
    assert [(d.code, d.kind) for d in article.documents] == [("57", "Nghị quyết")]


def test_a_letter_suffixed_number_before_a_comma() -> None:
    article = extract("Dự án dùng vốn theo Nghị quyết 30a, vốn xây dựng nông thôn mới.")
    assert [d.code for d in article.documents] == ["30a"]


def test_the_date_of_a_sentence_that_issues_the_document() -> None:
    text = ("Tỉnh coi trọng công tác dân vận.\nNgày 12/3/2024, Ban Thường vụ Tỉnh ủy đã ban "
            "hành Chỉ thị số 15-CT/TU về công tác dân vận.")
    assert [(d.code, d.date) for d in extract(text).documents] == [("15-CT/TU", "2024-03-12")]
    text = "Ngày 12/3/2024, tỉnh sơ kết Chỉ thị số 15-CT/TU."
    assert [(d.code, d.date) for d in extract(text).documents] == [("15-CT/TU", None)]


def test_a_plan_of_arrangement_and_an_urgent_dispatch_are_documents() -> None:
    text = ("Theo Phương án số 27/PA-UBND ngày 8/2/2024 của UBND tỉnh, hai xã sáp nhập. "
            "Sau Công điện 05/CĐ-UBND, các xã ra quân phòng chống bão.")
    assert [(d.code, d.kind, d.date) for d in extract(text).documents] == [
        ("27/PA-UBND", "Phương án", "2024-02-08"), ("05/CĐ-UBND", "Công điện", None)]


def test_a_date_written_in_words_and_a_party_circular() -> None:
    text = ("Thực hiện Chỉ thị số 21-CT/TU ngày 9 tháng 5 năm 2023 của Ban Thường vụ Tỉnh ủy "
            "và Thông tri số 07-TT/HU ngày 4/6/2023 của Huyện ủy, xã ra quân.")
    assert [(d.code, d.kind, d.date) for d in extract(text).documents] == [
        ("21-CT/TU", "Chỉ thị", "2023-05-09"), ("07-TT/HU", "Thông tri", "2023-06-04")]


def test_a_kind_with_its_abbreviation_in_brackets() -> None:
    refs = extract("Huyện sơ kết 5 năm thực hiện Chỉ thị (CT) 05 về học tập và làm theo Bác.")
    assert [(d.code, d.kind) for d in refs.documents] == [("05", "Chỉ thị")]


def test_a_lower_case_kind_with_so_and_a_bare_number_before_a_comma() -> None:
    refs = extract("Theo tờ trình số 41, ngày 2/5/2025 của UBND tỉnh, tỉnh giữ lại 65 xã.")
    assert [(d.code, d.kind, d.date) for d in refs.documents] == [("41", "Tờ trình", "2025-05-02")]


def test_a_lower_case_kind_without_so_is_a_common_noun() -> None:
    assert extract("Theo kế hoạch 5 năm của huyện, các xã làm đường.").documents == []


def test_a_year_after_a_kind_is_no_document_code() -> None:
    assert extract("Theo Kế hoạch 2025, xã làm 3 km đường.").documents == []
    assert extract("Quy hoạch 2030, tầm nhìn đến 2050 được phê duyệt.").documents == []


def test_a_code_of_number_and_year_only() -> None:
    refs = extract("Đại biểu nghe công bố Nghị quyết số 210/2025 của Quốc hội về sáp nhập.")
    assert [(d.code, d.kind) for d in refs.documents] == [("210/2025", "Nghị quyết")]
    # a month and year after a kind's number is no part of the code
    assert extract("Kế hoạch số 12 tháng 5/2025 được triển khai.").documents[0].code == "12"
    # and a number and year with more parts stays one full code
    assert extract("Kế hoạch 5/2025/KH-UBND được ban hành.").documents[0].code == "5/2025/KH-UBND"


def test_a_spaced_dash_before_the_first_part_of_a_code() -> None:
    refs = extract("Tỉnh ủy thực hiện Chỉ thị số 49 – CT/TW về xây dựng gia đình.").documents
    assert [(d.code, d.kind) for d in refs] == [("49-CT/TW", "Chỉ thị")]
    # a dash before a body's name is no code part
    assert [d.code for d in extract("Theo Kế hoạch 12 – Ban Dân vận xây dựng.").documents] == [
        "12"]


def test_a_number_and_year_without_so_is_a_month() -> None:
    assert extract("Báo cáo 12/2025 cho thấy xã có 5 mô hình.").documents == []
    assert extract("Kế hoạch 10/2025 của xã được triển khai.").documents == []


def test_a_plans_span_of_years_is_no_code() -> None:
    assert extract("Xã thực hiện Kế hoạch 5 năm 2026 – 2030 về giao thông.").documents == []
    # a code written with its zero, or after "số", stays a code
    assert [d.code for d in extract("Thực hiện Chỉ thị 03 năm 2022 của Huyện ủy.").documents] == [
        "03"]
    assert [d.code for d in extract("Theo Kế hoạch số 7 năm 2024 của xã.").documents] == ["7"]


def test_bare_numbers_listed_after_one_kind_are_documents_each() -> None:
    refs = extract("Tỉnh thực hiện Kết luận số 45, 46 và 52 của Ban Bí thư.").documents
    assert [(d.code, d.kind) for d in refs] == [
        ("45", "Kết luận"), ("46", "Kết luận"), ("52", "Kết luận")]
    # a count after the comma is no document
    assert [d.code for d in extract("Theo Kế hoạch số 08, 4 thôn đã làm xong.").documents] == [
        "08"]

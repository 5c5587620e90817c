"""Models as real pages present them (issue 8): each case a pattern, in our own sentences."""

import pytest

from danvan_nlp import extract


def _titles(text: str) -> list[str]:
    return [model.title for model in extract(text).models]


@pytest.mark.parametrize(
    ("text", "titles"),
    [
        ('Nhiều mô hình hay được nhân rộng. Tiêu biểu như: "Tổ liên gia tự quản"; '
         '"Camera an ninh"; "Thắp sáng đường quê".',
         ["Tổ liên gia tự quản", "Camera an ninh", "Thắp sáng đường quê"]),
        ('Các hội đoàn thể có nhiều mô hình như: "Ngõ phố văn minh", "Tủ sách cộng đồng".',
         ["Ngõ phố văn minh", "Tủ sách cộng đồng"]),
        ('Huyện duy trì các mô hình "Ngôi nhà xanh", "Vườn mẫu nông thôn" ở nhiều bản.',
         ["Ngôi nhà xanh", "Vườn mẫu nông thôn"]),
        ('Cán bộ xã thực hiện "Ngày thứ Bảy cùng dân" để giúp bà con gặt lúa.',
         ["Ngày thứ Bảy cùng dân"]),
        ('Mô hình "Dân vận khéo 1+10" giúp mỗi đảng viên phụ trách mười hộ gia đình.',
         ["Dân vận khéo 1+10"]),
        ('Xã làm theo mô hình "4 quản" trong quản lý đất đai.', ["4 quản"]),
    ],
)
def test_model_titles(text: str, titles: list[str]) -> None:
    assert _titles(text) == titles


@pytest.mark.parametrize(
    "text",
    [
        'Phong trào "Dân vận khéo" năm 2024 được triển khai ở mọi thôn.',
        "Phong trào được làm sâu rộng, bám sát thực tiễn, 85% mô hình duy trì hiệu quả.",
        'Ông được tôn vinh tại chương trình "Vầng sáng bản làng" năm 2024.',
        'Tỉnh thực hiện "Năm dân vận chính quyền" trong toàn hệ thống.',
    ],
)
def test_campaigns_fragments_and_ceremonies_are_no_models(text: str) -> None:
    assert _titles(text) == []


@pytest.mark.parametrize(
    "text",
    [
        'Chi bộ xây dựng mô hình "Dân vận khéo" vận động nhân dân tổ 5, phường Tân Hà quét '
        "dọn đường phố vào sáng Chủ nhật hằng tuần.",
        'Chi ủy làm mô hình "Dân vận khéo" vận động nhân dân phố Hòa Bình, phường Tân Thành '
        "(thành phố Hà Nam) quét dọn đường phố vào sáng Chủ nhật hằng tuần.",
    ],
)
def test_the_title_is_the_activity_after_whom_and_where(text: str) -> None:
    assert _titles(text) == ["quét dọn đường phố vào sáng Chủ nhật hằng tuần"]


def test_a_mobilising_title_without_a_place_stays_whole() -> None:
    assert _titles("Chi bộ xây dựng mô hình vận động nhân dân hiến đất làm đường.") == [
        "vận động nhân dân hiến đất làm đường"]

"""Small literal training data, so estimator tests train in well under a second."""

import pytest

TINY = {
    "kinh_te": [
        "Tổ hợp tác nuôi bò sinh sản giúp hội viên tăng thu nhập",
        "Liên kết trồng chè sạch, bao tiêu sản phẩm cho nông dân",
        "Vay vốn phát triển chăn nuôi lợn, gà thả vườn",
        "Hợp tác xã trồng rau an toàn bán cho siêu thị",
    ],
    "nong_thon_moi_moi_truong": [
        "Hiến đất mở rộng đường liên thôn",
        "Phân loại rác thải tại hộ gia đình",
        "Đường hoa, hàng cây xanh trước cổng nhà",
        "Góp tiền lắp đèn chiếu sáng đường làng",
    ],
    "van_hoa_xa_hoi": [
        "Hũ gạo tình thương giúp học sinh nghèo",
        "Xây nhà nhân ái cho hộ khó khăn",
        "Câu lạc bộ dân ca giữ gìn văn hóa truyền thống",
        "Khám bệnh miễn phí cho người cao tuổi",
    ],
    "quoc_phong_an_ninh": [
        "Tổ tự quản an ninh trật tự ở khu dân cư",
        "Camera giữ bình yên thôn xóm, phòng chống tội phạm",
        "Giúp người lầm lỗi tái hòa nhập cộng đồng",
        "Tuần tra bảo vệ đường biên, cột mốc",
    ],
    "xay_dung_he_thong_chinh_tri": [
        "Đảng viên phụ trách hộ gia đình",
        "Nâng cao chất lượng sinh hoạt chi bộ",
        "Kết nạp đoàn viên, hội viên mới",
        "Thực hiện dân chủ ở cơ sở, dân biết, dân bàn",
    ],
    "chinh_quyen_cchc": [
        "Bộ phận một cửa thân thiện với người dân",
        "Hướng dẫn nộp hồ sơ dịch vụ công trực tuyến",
        "Chủ tịch xã đối thoại với nhân dân",
        "Giải quyết đơn thư, kiến nghị ngay tại cơ sở",
    ],
    "dan_toc_ton_giao": [
        "Người có uy tín vận động đồng bào bỏ hủ tục",
        "Giáo xứ sống tốt đời đẹp đạo",
        "Chức sắc tôn giáo đồng hành cùng chính quyền",
        "Đoàn kết các dân tộc ở bản vùng cao",
    ],
}


@pytest.fixture
def tiny_data() -> tuple[list[str], list[str]]:
    """28 short descriptions, four per domain, written for these tests."""
    texts = [text for rows in TINY.values() for text in rows]
    labels = [label for label, rows in TINY.items() for _ in rows]
    return texts, labels

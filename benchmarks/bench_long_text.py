"""Benchmark: extraction time on long generated texts (is it linear in the length?).

Run by hand (not in the tests):

    .venv/bin/python benchmarks/bench_long_text.py [--copies 500,1000,2000] [--shape NAME]

Each shape repeats one or a few figure sentences ``copies`` times (values vary, so no two
figures merge) and prints the size, the time and the figures found. Time that doubles
with the copies is linear; time that quadruples means some stage rescans the text.
"""

from __future__ import annotations

import argparse
import time

from danvan_nlp import extract
from danvan_nlp.checks import MAX_CHARS

SHAPES = {
    "full_stops": "Hội Nông dân xã đã vận động xây dựng {n} căn nhà. ",
    "commas": "Hội Nông dân xã đã vận động xây dựng {n} căn nhà, ",
    "lines": "Hội Nông dân xã đã vận động xây dựng {n} căn nhà.\n",
    "bullets": "- Thôn {n}: hiến {n} m2 đất, trong đó {n} hộ được công nhận;\n",
    "parts": "Toàn tỉnh có {n} mô hình được công nhận, trong đó kinh tế {n}, văn hóa 2, ",
    "money": "Vận động được {n},5 tỷ đồng, xây dựng {n} nhà đại đoàn kết với kinh phí 2 tỷ, ",
    "models": 'mô hình "Nhà sạch vườn đẹp số {n}" được duy trì, vận động bà con hiến đất làm '
              "đường, cách làm {n} hộ nuôi ong của gia đình anh A, ",
    "subjects": "số mô hình đăng ký là {n}, năm 2023 có {n} hộ; giai đoạn 2020 - 2025 có "
                "{n} tổ: ",
}


def long_text(shape: str, copies: int) -> str:
    """A title line, then ``copies`` sentences of ``shape`` numbered 1, 2, ..."""
    return "Dân vận khéo ở cơ sở\n" + "".join(
        SHAPES[shape].format(n=n) for n in range(1, copies + 1))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", default="500,1000,2000")
    parser.add_argument("--shape", choices=sorted(SHAPES), action="append")
    args = parser.parse_args()
    for shape in args.shape or list(SHAPES):
        for copies in (int(n) for n in args.copies.split(",")):
            text = long_text(shape, copies)
            size = len(text.encode()) // 1024
            if len(text) > MAX_CHARS:
                print(f"{shape:<11} {copies:>6} copies {size:>6} KB  over the input limit")
                continue
            start = time.perf_counter()
            article = extract(text)
            took = time.perf_counter() - start
            print(f"{shape:<11} {copies:>6} copies {size:>6} KB {took:7.2f} s "
                  f"{len(article.figures):>6} figures {len(article.models):>5} models",
                  flush=True)


if __name__ == "__main__":
    main()

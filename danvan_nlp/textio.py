"""Decoding article bytes: UTF-8 (with or without a BOM) or a clear error.

Shared by the command line's file inputs and the batch runner's folder inputs.
"""

from __future__ import annotations

from danvan_nlp.errors import InputError

UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


def decode_text(data: bytes) -> str:
    """UTF-8 text (a BOM is dropped); UTF-16 and other bytes raise :class:`InputError`."""
    if data.startswith(UTF16_BOMS):
        raise InputError("UTF-16: re-save the file as UTF-8 (it starts with a UTF-16 "
                         "byte-order mark)")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise InputError(
            f"not valid UTF-8 (byte {error.start}); re-save the file as UTF-8"
        ) from error

"""Turn the caller's input into a ``str``: UTF-8 when valid, else a real charset detector."""

from __future__ import annotations

__all__ = ["decode"]

# Short texts often fit several code pages equally well; then the ones most used on
# the web win (Windows-1252 above all), in this order.
_WEB_PREFERENCE = {
    name: rank
    for rank, name in enumerate(
        ["cp1252", "latin_1", "iso8859_15", "cp1251", "gb18030", "gb2312", "big5",
         "shift_jis", "cp932", "euc_jp", "euc_kr", "cp949", "cp1250", "iso8859_2", "koi8_r",
         "cp1256", "cp1254", "cp1253", "cp1255", "cp874", "cp1257", "cp1258"]
    )
}
# Two detector results this close in chaos and coherence are treated as a tie.
_TIE = 0.01


def decode(data: str | bytes | bytearray | memoryview) -> tuple[str, str | None]:
    """Return ``(text, encoding)``; ``encoding`` is None when ``data`` was already a ``str``.

    Bytes that are not valid UTF-8 go to charset-normalizer; when it has no answer
    they are read as Latin-1, which maps every byte to one character and so loses
    nothing.

    Raises:
        TypeError: ``data`` is neither ``str`` nor bytes-like.
    """
    if isinstance(data, str):
        return data, None
    if not isinstance(data, (bytes, bytearray, memoryview)):
        raise TypeError(f"expected str or bytes, not {type(data).__name__}")
    raw = bytes(data)
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    # imported here, for bytes that are not UTF-8: it (and the logging it imports) is a twentieth
    # of the package's import, which text given as str or UTF-8 never needs
    import charset_normalizer

    try:
        matches = list(charset_normalizer.from_bytes(raw))
        if matches:
            top = (matches[0].chaos, -matches[0].coherence)
            tied = [m for m in matches if (m.chaos, -m.coherence) <= (top[0] + _TIE, top[1] + _TIE)]
            best = min(tied, key=lambda m: _WEB_PREFERENCE.get(m.encoding, len(_WEB_PREFERENCE)))
            return str(best), str(best.encoding)
    except Exception:  # a detector failure must not fail the split; Latin-1 loses nothing
        pass
    return raw.decode("latin-1"), "latin-1"

"""Bytes to text, through a fallback chain in a fixed order.

:data:`DECODE_ORDER` names the steps; the first that succeeds wins:

1. ``bom``: a UTF-8, UTF-16 or UTF-32 byte-order mark. After a UTF-16 or UTF-32 mark the text must read
   as text (:func:`text_share` at least :data:`MIN_UTF16_READABLE`), else the bytes are refused
   (:class:`~kaidan.errors.DecodeFailed`): a mark followed by other bytes decodes, pair by pair, into rare
   ideographs and symbols that no later step should take for a document.
2. ``declared``: the charset given by the caller (HTTP header), then one
   declared in the bytes (``<meta charset>``, ``<meta http-equiv>``, XML
   declaration), decoded strictly. Skipped when the bytes are valid UTF-8
   with non-ASCII characters: a page saved as UTF-8 under a stale
   declaration is common, valid multi-byte UTF-8 by chance is not.
3. ``iso-2022-jp``: only if its escape sequences are present. This comes
   before UTF-8 because ISO-2022-JP is 7-bit and always valid UTF-8.
4. ``utf-16``: UTF-16 without a byte-order mark (:func:`utf16_endianness`):
   the zero bytes of ASCII characters all fall on even offsets (big-endian)
   or all on odd ones (little-endian); text with no ASCII at all (Japanese
   only) is taken as UTF-16 when it is not UTF-8 and one byte order decodes
   it strictly to text that looks Japanese (:data:`MIN_UTF16_PLAUSIBILITY`).
   Before UTF-8, because ASCII in UTF-16 is valid UTF-8 with NULs.
5. ``utf-8``: strict.
6. ``japanese-legacy``: strict CP932 (superset of Shift_JIS) and strict
   EUC-JP; short texts can decode both ways, so the candidate that looks
   most like Japanese (:func:`japanese_plausibility`) wins, and only if it
   reaches :data:`MIN_JAPANESE_PLAUSIBILITY`.
7. ``detected``: charset-normalizer's best guess.
8. ``lossy-utf-8``: UTF-8 with U+FFFD replacements, if fewer than
   :data:`MAX_REPLACEMENT_RATE` of the characters are replaced.

Otherwise :class:`~kaidan.errors.DecodeFailed`.
"""
from __future__ import annotations

import codecs
import re

import charset_normalizer

from kaidan.errors import DecodeFailed

DECODE_ORDER = ("bom", "declared", "iso-2022-jp", "utf-16", "utf-8", "japanese-legacy", "detected", "lossy-utf-8")

# Longest BOMs first: the UTF-32-LE mark starts with the UTF-16-LE one.
BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Strict decoders tried for Japanese legacy bytes, in order of preference on a tie.
JAPANESE_LEGACY = ("cp932", "euc_jp")
ISO_2022_JP = ("iso2022_jp", "iso2022_jp_ext", "iso2022_jp_2", "iso2022_jp_2004")

# A legacy decode is accepted when its plausibility reaches this. Calibrated
# on the seed documents re-encoded as CP932 and EUC-JP, sentence by sentence
# and in 6-character pieces (~8,800 samples): right decodes of Japanese
# score >= 0.91, wrong strict decodes (EUC-JP read as CP932 and vice versa)
# <= 0.25; whole documents read with the wrong codec score <= 0.03.
MIN_JAPANESE_PLAUSIBILITY = 0.6

# Lossy UTF-8 is accepted below this share of replaced characters (0.5 %):
# a stray byte in a long text, not a file in an unknown encoding.
MAX_REPLACEMENT_RATE = 0.005

# UTF-16 without a BOM, by its zero bytes: at least this share of the 16-bit units of one parity hold a zero
# byte (ASCII letters, digits, spaces, newlines: a Japanese text has some on most lines) ...
MIN_UTF16_ZERO_SHARE = 0.05
# ... and the other parity at most this share as many (ideographic space U+3000 and 一 U+4E00 have a zero
# byte there; binary data has its zero bytes on both parities alike).
MAX_UTF16_OTHER_ZERO_RATIO = 0.25
# Without zero bytes (no ASCII at all), a byte order is taken when its decode is this Japanese-looking
# (japanese_plausibility): legacy Japanese bytes read as UTF-16 give Hangul, Yi, private-use characters
# and lone surrogates, far below.
MIN_UTF16_PLAUSIBILITY = 0.9
# With zero bytes, the decode must be this readable (readable_share): English and Japanese text in UTF-16 is
# readable throughout; binary data with its zero bytes on one parity decodes to rare ideographs and symbols.
MIN_UTF16_READABLE = 0.9

# Declared charsets are looked up in the first bytes only.
SNIFF_BYTES = 4096

# Labels that browsers read as a superset (WHATWG Encoding Standard).
_SUPERSETS = {"shift_jis": "cp932", "iso8859-1": "cp1252", "ascii": "cp1252"}
_ALIASES = {"x-sjis": "cp932", "windows-31j": "cp932", "x-euc-jp": "euc_jp"}

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.IGNORECASE)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9._:-]+)["']""")
_ISO_2022_JP_ESCAPE = re.compile(rb"\x1b\$[@B]|\x1b\$\(D|\x1b\(J|\x1b\(I")

# Non-ASCII characters common in Japanese text, besides level-1 kanji: CJK
# punctuation, hiragana, full-width katakana, general punctuation, Latin-1
# symbols (©, °, ±), ×, ÷, full-width ASCII, geometric shapes, circled numbers.
_COMMON_JA = re.compile(r"[\u3000-\u30ff\u2010-\u206f\u00a0-\u00bf\u00d7\u00f7\uff01-\uff60\u25a0-\u25ff\u2460-\u24ff]")
_CJK = re.compile(r"[\u4e00-\u9fff]")


def decode_bytes(data: bytes, declared: str | None = None) -> tuple[str, str]:
    """Decode ``data`` by the steps of :data:`DECODE_ORDER`; return (text, codec name)."""
    for mark, codec in BOMS:
        if data.startswith(mark):
            text = _lossy(data[len(mark):], codec)
            if codec.startswith(("utf-16", "utf-32")) and text and text_share(text) < MIN_UTF16_READABLE:
                raise DecodeFailed(
                    f"the bytes after the {codec} byte-order mark are not {codec} text ({text_share(text):.0%} of "
                    f"the characters read as text); convert the file to UTF-8 and ingest it again")
            return text, codec
    utf8 = _strict(data, "utf-8")
    if utf8 is None or data.isascii():
        for label in (declared, declared_charset(data)):
            codec = _codec(label)
            if codec and (text := _strict(data, codec)) is not None:
                return text, codec
    if _ISO_2022_JP_ESCAPE.search(data):
        for codec in ISO_2022_JP:
            if (text := _strict(data, codec)) is not None:
                return text, codec
    if (found := _utf16(data, utf8 is not None)) is not None:
        return found
    if utf8 is not None:
        return utf8, "utf-8"
    if found := _most_japanese(data):
        return found
    if (best := charset_normalizer.from_bytes(data).best()) is not None:
        return str(best), best.encoding
    return _lossy(data, "utf-8"), "utf-8"


def utf16_endianness(data: bytes) -> str | None:
    """``"utf-16-le"`` or ``"utf-16-be"`` when the zero bytes of ``data`` fall as those of UTF-16 text, else None."""
    if len(data) < 4:
        return None
    sample = data[:65536]
    units = len(sample) // 2
    even, odd = sample[0:units * 2:2].count(0), sample[1:units * 2:2].count(0)
    if odd >= MIN_UTF16_ZERO_SHARE * units and even <= MAX_UTF16_OTHER_ZERO_RATIO * odd:
        return "utf-16-le"
    if even >= MIN_UTF16_ZERO_SHARE * units and odd <= MAX_UTF16_OTHER_ZERO_RATIO * even:
        return "utf-16-be"
    return None


def utf16_text(data: bytes) -> tuple[str, str] | None:
    """(text, codec) when BOM-less ``data`` is UTF-16 by its zero bytes and decodes strictly to readable text
    (:func:`readable_share` at least :data:`MIN_UTF16_READABLE`), else None. Binary data whose zero bytes
    happen to fall on one parity decodes to rare ideographs and symbols, and is refused."""
    if len(data) % 2 or (codec := utf16_endianness(data)) is None:
        return None
    text = _strict(data, codec)
    if text is None or _has_controls(text) or readable_share(text) < MIN_UTF16_READABLE:
        return None
    return text, codec


def readable_share(text: str) -> float:
    """Share of the characters of ``text`` that are ASCII, Latin-1 or Latin Extended-A letters, or common
    in Japanese (as :func:`japanese_plausibility` counts them, kanji of the main CJK block included)."""
    if not text:
        return 0.0
    readable = sum(1 for ch in text if ch.isascii() or "\u00a0" <= ch <= "\u017f")
    readable += len(_COMMON_JA.findall(text)) + len(_CJK.findall(text))
    return readable / len(text)


def text_share(text: str) -> float:
    """Share of the characters of ``text`` that read as text: ASCII, Latin-1 and Latin Extended-A letters,
    characters common in Japanese and JIS level-1 kanji count 1, other CJK ideographs 1/2 (as in
    :func:`japanese_plausibility`); U+FFFD is left out (a lossy decode's are bounded by
    :data:`MAX_REPLACEMENT_RATE`). Texts of the corpora score 0.99 and more; ASCII read as UTF-16 about 0.6,
    UTF-8 Japanese read as UTF-16 about 0.27, random bytes 0.2."""
    chars = text.replace("\ufffd", "")
    if not chars:
        return 1.0
    score = 0.0
    for ch in chars:
        if ch.isascii() or "\u00a0" <= ch <= "\u017f" or _COMMON_JA.match(ch):
            score += 1
        elif _CJK.match(ch):
            score += 1 if _is_jis_level1(ch) else 0.5
    return score / len(chars)


def _utf16(data: bytes, valid_utf8: bool) -> tuple[str, str] | None:
    """The UTF-16 decode of BOM-less bytes, when their zero bytes or their look say they are UTF-16."""
    if len(data) % 2:
        return None
    if utf16_endianness(data):
        return utf16_text(data)
    if valid_utf8:
        return None
    for codec in ("utf-16-le", "utf-16-be"):
        text = _strict(data, codec)
        if text and not _has_controls(text) and japanese_plausibility(text) >= MIN_UTF16_PLAUSIBILITY:
            return text, codec
    return None


_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f\ud800-\udfff]")


def _has_controls(text: str) -> bool:
    return _CONTROLS.search(text) is not None


def declared_charset(data: bytes) -> str | None:
    """The charset named by an XML declaration or HTML ``<meta>`` near the start, if any."""
    head = data[:SNIFF_BYTES]
    match = _XML_ENCODING.search(head) or _META_CHARSET.search(head)
    return match.group(1).decode("ascii") if match else None


def japanese_plausibility(text: str) -> float:
    """Share of the non-ASCII characters of ``text`` that are common in Japanese.

    Hiragana, katakana, punctuation, symbols, full-width forms and JIS
    level-1 kanji count 1; other CJK ideographs (rare kanji, typical of a
    wrong decode) count 1/2; half-width katakana, private-use characters and
    accented Latin letters count 0. Text without non-ASCII characters scores 1.
    """
    non_ascii = sum(1 for ch in text if ord(ch) > 0x7F)
    if not non_ascii:
        return 1.0
    common = len(_COMMON_JA.findall(text))
    kanji = _CJK.findall(text)
    level1 = sum(1 for ch in kanji if _is_jis_level1(ch))
    return (common + level1 + 0.5 * (len(kanji) - level1)) / non_ascii


def _is_jis_level1(ch: str) -> bool:
    """True for the ~3,000 common kanji of JIS X 0208 level 1 (Shift_JIS 889F-9872)."""
    try:
        code = int.from_bytes(ch.encode("cp932"), "big")
    except UnicodeEncodeError:
        return False
    return 0x889F <= code <= 0x9872


def _codec(label: str | None) -> str | None:
    """Python codec for a charset label, or None when unknown or unusable without a BOM."""
    if not label:
        return None
    label = label.strip().lower()
    try:
        name = _ALIASES.get(label) or codecs.lookup(label).name
    except LookupError:
        return None
    if name.startswith(("utf-16", "utf-32")):  # only meaningful with a BOM (step 1)
        return None
    return _SUPERSETS.get(name, name)


def _strict(data: bytes, codec: str) -> str | None:
    try:
        return data.decode(codec)
    except (UnicodeDecodeError, LookupError):
        return None


def _most_japanese(data: bytes) -> tuple[str, str] | None:
    """The strict legacy Japanese decode that looks most like Japanese, if plausible enough."""
    best: tuple[float, str, str] | None = None
    for codec in JAPANESE_LEGACY:  # on a tie the earlier codec stays
        if (text := _strict(data, codec)) is not None:
            score = japanese_plausibility(text)
            if best is None or score > best[0]:
                best = (score, text, codec)
    if best and best[0] >= MIN_JAPANESE_PLAUSIBILITY:
        return best[1], best[2]
    return None


def _lossy(data: bytes, codec: str) -> str:
    """Decode with U+FFFD replacements, or raise DecodeFailed when too many are needed (a text that decodes
    strictly needs none, whatever U+FFFD characters it holds itself)."""
    if (strict := _strict(data, codec)) is not None:
        return strict
    text = data.decode(codec, errors="replace")
    replaced = text.count("\ufffd")
    if replaced > MAX_REPLACEMENT_RATE * len(text):
        raise DecodeFailed(
            f"cannot decode the bytes as text ({codec} leaves {replaced} of {len(text)} characters unreadable; "
            f"tried {', '.join(DECODE_ORDER)}); convert the file to UTF-8 and ingest it again"
        )
    return text

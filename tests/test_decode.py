"""Every encoding a report arrives in decodes to the same stored text (CODEBOOK §1)."""
import codecs

import pytest

from app.core.decode import DecodeError, decode_bytes
from conftest import SEEDS

SEED_FILES = sorted(SEEDS.glob("*.txt"))
TRADITIONAL = (
    "臺北市政府法務局關於二零二四年法治政府建設情形的報告\n"
    "本局堅持依法行政，全面推動法規整理與行政程序透明化。\n"
    "全年辦理法律諮詢共計一百二十件，舉辦講座三場，參與人數逾五百人次。\n"
)


def seed_text(path):
    return path.read_bytes().decode("utf-8")


@pytest.fixture(params=SEED_FILES, ids=lambda path: path.name)
def seed(request):
    return seed_text(request.param)


ENCODINGS = {
    "gb18030": lambda text: text.encode("gb18030"),
    "gbk": lambda text: text.encode("gbk"),
    "utf16le-bom": lambda text: codecs.BOM_UTF16_LE + text.encode("utf-16-le"),
    "utf16be-bom": lambda text: codecs.BOM_UTF16_BE + text.encode("utf-16-be"),
    "utf32le-bom": lambda text: codecs.BOM_UTF32_LE + text.encode("utf-32-le"),
    "utf8-bom": lambda text: codecs.BOM_UTF8 + text.encode("utf-8"),
    "crlf": lambda text: text.replace("\n", "\r\n").encode("utf-8"),
    "cr-gb18030": lambda text: text.replace("\n", "\r").encode("gb18030"),
    "utf16le-no-bom": lambda text: text.encode("utf-16-le"),  # no BOM: recognised by its NUL bytes
    "utf16be-no-bom": lambda text: text.encode("utf-16-be"),
}


def _writable(name: str, path) -> bool:
    try:
        ENCODINGS[name](seed_text(path))
        return True
    except UnicodeEncodeError:
        return False


# GBK has no en space or no-break space: a seed that keeps them (from HTML) has no GBK form
CASES = [(path, name) for path in SEED_FILES for name in ENCODINGS if _writable(name, path)]


@pytest.mark.parametrize("path, encoding", CASES, ids=[f"{path.name[:3]}-{name}" for path, name in CASES])
def test_every_encoding_of_a_seed_gives_the_utf8_text(path, encoding):
    seed = seed_text(path)
    data = ENCODINGS[encoding](seed)
    decoded = decode_bytes(data)
    assert decoded.text == seed
    assert not decoded.damaged
    assert decoded.warning is None


def test_seed_files_are_plain_utf8_without_bom_or_crlf(seed):
    decoded = decode_bytes(seed.encode("utf-8"))
    assert (decoded.encoding, decoded.confidence) == ("utf-8", 1.0)
    assert decoded.text == seed and "\r" not in seed


def test_bom_and_line_endings_are_the_only_changes(tmp_path):
    text = "\ufeff第一行\r\n第二行\r第三行\n\u3000\u3000全角空格和 ＡＢＣ１２３ 保留。"
    decoded = decode_bytes(text.encode("utf-8"))
    assert decoded.text == "第一行\n第二行\n第三行\n\u3000\u3000全角空格和 ＡＢＣ１２３ 保留。"


def test_encoding_and_confidence_are_recorded():
    gbk = decode_bytes(seed_text(SEED_FILES[0]).encode("gbk"))
    assert gbk.encoding == "gb18030" and 0.7 <= gbk.confidence <= 1.0
    bom = decode_bytes(codecs.BOM_UTF16_BE + "法治".encode("utf-16-be"))
    assert (bom.encoding, bom.confidence) == ("utf-16-be", 1.0)


def test_big5_traditional_chinese_decodes_correctly():
    decoded = decode_bytes(TRADITIONAL.encode("big5"))
    assert decoded.text == TRADITIONAL
    assert decoded.encoding == "big5hkscs"
    assert not decoded.damaged


def test_short_gbk_snippet_decodes_but_warns_of_low_confidence():
    snippet = "重庆市渝北区卫生健康委员会关于2024年法治政府建设情况的报告。全年开展普法宣传活动36场。"
    decoded = decode_bytes(snippet.encode("gbk"))
    assert decoded.text == snippet
    assert decoded.confidence < 0.7
    assert "GB18030" in decoded.warning and "low confidence" in decoded.warning


def test_utf8_with_a_few_invalid_bytes_is_kept_but_marked_damaged():
    text = seed_text(SEED_FILES[0])
    damaged = (text[:100].encode("utf-8") + b"\xff\x80" + text[100:700].encode("utf-8")
               + b"\xfe" + text[700:].encode("utf-8"))
    decoded = decode_bytes(damaged)
    assert decoded.damaged
    assert decoded.encoding == "utf-8"
    assert "damaged" in decoded.warning and "replaced" in decoded.warning
    assert decoded.text.count("\ufffd") == 3
    assert decoded.text.replace("\ufffd", "") == text


def test_gb18030_with_a_stray_byte_is_kept_as_gb18030_and_damaged():
    text = seed_text(SEED_FILES[1])
    data = text.encode("gb18030")
    decoded = decode_bytes(data[:301] + b"\xff" + data[301:])
    assert decoded.damaged and decoded.encoding == "gb18030"
    assert decoded.text.count("\ufffd") <= 3
    assert text[400:600] in decoded.text


def test_override_decodes_with_the_chosen_codec_and_flags_loss():
    data = TRADITIONAL.encode("big5")
    assert decode_bytes(data, encoding="big5").text == TRADITIONAL
    wrong = decode_bytes("法治政府".encode("gb18030") + b"\x81", encoding="utf-8")
    assert wrong.damaged and "UTF-8" in wrong.warning
    assert wrong.encoding == "utf-8"


def test_override_removes_a_bom_and_unknown_codec_is_a_clear_error():
    assert decode_bytes(codecs.BOM_UTF8 + b"abc\r\n", encoding="utf-8").text == "abc\n"
    with pytest.raises(DecodeError, match="Unknown encoding 'klingon'"):
        decode_bytes(b"abc", encoding="klingon")


def test_bytes_that_are_no_known_text_raise_decode_error():
    noise = b"\x80\xff" * 500  # invalid in UTF-8 and in GB18030 alike
    with pytest.raises(DecodeError, match="encoding could not be recognised"):
        decode_bytes(noise)


@pytest.mark.parametrize("text, encoding", [
    ("Le café est très réputé. Über die Brücke gehen Mädchen. Ça coûte cher. " * 20, "latin-1"),
    ("日本語のテキストです。東京都の天気は晴れ。ひらがなとカタカナ。" * 20, "shift_jis"),
    ("한국어 텍스트입니다. 서울의 날씨는 맑음. " * 20, "euc-kr"),
    ("Привет, как дела? Это русский текст. " * 20, "cp1251"),
])
def test_text_in_a_non_chinese_codec_is_never_taken_silently_for_chinese(text, encoding):
    """chardet is first asked among the Chinese and Unicode codecs only (it is faster): a file
    in another codec must still come out warned about or refused, never quietly as GB18030."""
    try:
        decoded = decode_bytes(text.encode(encoding))
    except DecodeError:
        return
    assert decoded.damaged or decoded.warning_key == "decode:low_confidence"
    assert decoded.confidence < 0.3

import pytest

from kaidan.errors import NoMainText
from kaidan.ingest.pdf import extract_pdf_text

from .helpers import blank_pdf, make_pdf

LINES = ["The two leaders reaffirmed the alliance.", "They agreed to meet again next year."]


def test_text_layer_is_extracted_line_by_line():
    assert extract_pdf_text(make_pdf(LINES)).text == "\n".join(LINES)


@pytest.mark.parametrize(("data", "reason"), [
    (blank_pdf(), "no text layer"),
    (make_pdf(LINES)[:200], "corrupt PDF"),  # truncated download
    (b"%PDF-1.4\n" + bytes(range(256)) * 4, "corrupt PDF"),
])
def test_pdf_without_text_raises(data, reason):
    with pytest.raises(NoMainText, match=reason):
        extract_pdf_text(data)

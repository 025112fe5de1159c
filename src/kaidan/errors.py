"""One exception tree for the whole library.

    KaidanError                 base: every error Kaidan raises on purpose
    ├── IngestError             a source could not be turned into a document
    │   ├── EmptyInput          nothing in the file / response
    │   ├── BinaryInput         not text, HTML or a PDF
    │   ├── TooLarge            above the size limit (see config.MAX_BYTES)
    │   ├── DecodeFailed        no encoding decodes it
    │   ├── NoMainText          an HTML page or PDF with no extractable text
    │   ├── FetchFailed         a URL (or a path) that could not be read
    │   └── ExtractionFailed    the text was stored but fact extraction raised
    ├── StoreError              the database could not be opened or written
    ├── DataFileError           a bundled or user data file (people, lexicons) is invalid
    ├── EvalError               gold or document folders for `kaidan eval` are unusable
    └── UsageError              a bad option or argument

Every message is one line that says what went wrong and what to do next;
the CLI prints it as ``Error: <message>`` and exits 1 without a traceback.
"""
from __future__ import annotations


class KaidanError(Exception):
    """Base class of every error Kaidan raises on purpose."""

    code = "K000"

    def __str__(self) -> str:  # one line, always
        return " ".join(super().__str__().split())


class IngestError(KaidanError):
    code = "K100"


class EmptyInput(IngestError):
    code = "K101"


class BinaryInput(IngestError):
    code = "K102"


class TooLarge(IngestError):
    code = "K103"


class DecodeFailed(IngestError):
    code = "K104"


class NoMainText(IngestError):
    code = "K105"


class FetchFailed(IngestError):
    code = "K106"


class ExtractionFailed(IngestError):
    code = "K107"


class StoreError(KaidanError):
    code = "K200"


class DataFileError(KaidanError):
    code = "K300"


class EvalError(KaidanError):
    code = "K400"


class UsageError(KaidanError):
    code = "K500"

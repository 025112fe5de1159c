"""The public API of kaidan.ingest is exactly __all__."""
import kaidan.ingest as ingest

PUBLIC = {
    "DECODE_ORDER", "USER_AGENT", "RawDocument", "canonical_text", "decode_bytes", "detect_language",
    "document_id", "iter_sources", "language_of", "load",
}


def test_all_is_the_public_api():
    assert set(ingest.__all__) == PUBLIC
    assert all(hasattr(ingest, name) for name in ingest.__all__)


def test_user_agent():
    assert ingest.USER_AGENT == "kaidan/0.1"

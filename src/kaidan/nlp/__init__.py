"""The NLP layer: sentences, Sudachi tokens, and (for trigger sentences only) the GiNZA parse.

Nothing outside this package touches a SudachiPy morpheme or a spaCy Doc:
they are turned into the frozen :class:`Sentence` and :class:`Token` records here.
"""
from .segment import Sentence, split_sentences, script_lang
from .ja import Token, tokenize

__all__ = ["Sentence", "Token", "split_sentences", "script_lang", "tokenize"]

"""The NLP layer: sentences, Sudachi tokens, English tokens and token-pattern matches (spaCy's rules, without spaCy).

Nothing outside this package touches a SudachiPy morpheme: morphemes and English tokens are turned
into the frozen :class:`Sentence`, :class:`Token`, :class:`EnToken` and :class:`EnMatch` records here
(``nlp.en_tokenizer`` loads its rules only when an English sentence is read).
"""
from .segment import Sentence, split_sentences, script_lang
from .ja import Token, tokenize
from .en import EnMatch, EnRules, EnToken

__all__ = ["Sentence", "Token", "split_sentences", "script_lang", "tokenize", "EnMatch", "EnRules", "EnToken"]

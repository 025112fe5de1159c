"""Japanese morphology with SudachiPy (split mode C), as frozen tokens.

SudachiPy tokenises several hundred thousand characters a second, ~100x the
full ja_ginza pipeline, so every Japanese sentence gets Sudachi tokens and
only the sentences that carry a trigger predicate are worth a parse. Input is
fed one sentence at a time: a single SudachiPy call fails above 49,149 bytes.
"""
from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple


class Token(NamedTuple):
    text: str
    lemma: str        # dictionary form (述べ → 述べる)
    pos: str          # coarse POS: 名詞, 動詞, 助詞, 助動詞, 補助記号 ...
    pos2: str         # second level: 固有名詞, 格助詞, 係助詞, 数詞 ...
    pos3: str         # third level: 人名, 地名 ...
    form: str         # conjugation form: 終止形-一般, 連用形-一般 ... ("*" for words that do not inflect)
    start: int        # offsets into the document
    end: int


@lru_cache(maxsize=1)
def _tokenizer():
    from sudachipy import dictionary, tokenizer  # imported lazily: English-only runs never pay for it

    mode = tokenizer.Tokenizer.SplitMode.C
    # only the fields a Token reads (surface is always there): the reading, split and synonym fields of
    # every word are not decoded. The normalised form is decoded though no Token keeps it: without it,
    # SudachiPy answers an empty dictionary form for many words
    return dictionary.Dictionary().create(mode, fields={"pos", "dictionary_form", "normalized_form"}), mode


MAX_CHUNK = 4000  # characters per Sudachi call; far below its 49,149-byte input limit


_POS: dict[int, tuple[str, str, str, str]] = {}   # Sudachi part-of-speech id -> (pos, pos2, pos3, form)


def _pos(m) -> tuple[str, str, str, str]:
    pid = m.part_of_speech_id()
    p = _POS.get(pid)
    if p is None:
        pos = m.part_of_speech()
        p = _POS[pid] = (pos[0], pos[1], pos[2], pos[5])
    return p


def tokenize(text: str, offset: int = 0) -> list[Token]:
    """Tokens of one sentence (or any short text), offsets shifted by ``offset``."""
    tok, mode = _tokenizer()
    out: list[Token] = []
    new = tuple.__new__
    for base in range(0, len(text), MAX_CHUNK):
        chunk = text[base:base + MAX_CHUNK]
        start = offset + base
        for m in tok.tokenize(chunk, mode):
            p = _POS.get(m.part_of_speech_id())
            pos, pos2, pos3, form = p if p is not None else _pos(m)
            # the fields a frozen Token's __init__ would set, without its per-field object.__setattr__ calls;
            # morphemes cover the text end to end and a surface is the text between begin() and end()
            surface = m.surface()
            end = start + len(surface)
            out.append(new(Token, (surface, m.dictionary_form(), pos, pos2, pos3, form,
                                   start, end)))
            start = end
    return out

"""One warm pass of the extraction over a corpus, for an instruction count under callgrind.

Instruction counts do not drift with the load of a shared machine as times do. The process extracts every
document twice (imports, data, caches and the compiled patterns are then warm), switches callgrind's
instrumentation on, extracts every document once more and switches it off, so the count is one steady pass:

    PYTHONHASHSEED=0 PYTHONPATH=src valgrind --tool=callgrind --instr-atstart=no \\
        --callgrind-out-file=/tmp/cg.out .venv/bin/python benchmarks/callgrind_pass.py [CORPUS]
    grep totals /tmp/cg.out

CORPUS defaults to ``../shared/corpus/seeds``. Outside valgrind ``callgrind_control`` finds no process to
switch and the script stops with its error.
"""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from bench_extract import DEFAULT_CORPUS, read_corpus


def main(argv: list[str]) -> None:
    docs = read_corpus(Path(argv[0]) if argv else DEFAULT_CORPUS)
    from kaidan.pipeline import extract_text

    for _ in range(2):
        for name, text in docs:
            extract_text(text, name)
    switch = ["callgrind_control", "-i"]
    subprocess.run(switch + ["on", str(os.getpid())], check=True, capture_output=True)
    for name, text in docs:
        extract_text(text, name)
    subprocess.run(switch + ["off", str(os.getpid())], check=True, capture_output=True)


if __name__ == "__main__":
    main(sys.argv[1:])

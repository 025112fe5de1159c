"""Hypothesis strategies shared by the normalize tests: text that mixes real summit expressions with noise."""
from __future__ import annotations

from hypothesis import strategies as st

FRAGMENTS = [
    "5500億ドル", "約84兆円", "1兆5300億円", "5,500億ドル", "およそ10億ドル", "3000億ドル以上", "8000億ドル近く",
    "1000億ドルを超えている", "国内総生産比2パーセント", "約70パーセント", "9分野", "1ドル153円", "令和7年10月28日",
    "2025年度中", "180日以内", "午前9時45分から計約1時間30分間", "午前2時半前", "約40分間", "現地時間2月7日、",
    "午前11時55分(日本時間2月8日、午前1時55分)", "第5条", "250周年", "1期目", "80歳", "2人目", "三千人", "十二",
    "$550 billion", "US$1 trillion", "2% of GDP", "more than 10,000 jobs", "by FY 2027", "within 180 days",
    "at 3:30 p.m. (EDT)", "for about 40 minutes", "February 7, 2025", "7日", "来週", "きょう", "０", "１５時",
    "、", "。", " ", "\n", "(", ")", "約", "以上", "超", "万", "億", "兆", "年", "月", "日", "時", "分", "間", "%",
    "ドル", "円", "人", "1", "12", "2025", ",", ".", ":", "-", "a.m.", "one", "a", "hour", "minutes", "of GDP",
]

mixed_text = st.one_of(
    st.text(max_size=60),
    st.lists(st.sampled_from(FRAGMENTS), max_size=12).map("".join),
    st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=3)), max_size=12).map("".join),
)

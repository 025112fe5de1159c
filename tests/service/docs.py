"""Small readouts written for the service tests (original sentences in the style of summit readouts),
and hostile documents whose text tries to run script in the web page."""
from __future__ import annotations

JA_AU = """日豪首脳会談

令和7年9月12日

9月12日、午前11時から約50分間、石破茂内閣総理大臣は、アンソニー・アルバニージー豪州首相と日豪首脳会談を行いました。

両首脳は、防衛費の増額を含む防衛協力を一層強化していくことで一致しました。
石破総理大臣から、日本は2027年度までに総額2000億円の防衛装備品の共同開発を進める考えを伝えました。
両首脳は、重要鉱物の供給網の強靱化に向けて緊密に連携していくことを確認しました。
アルバニージー首相は、日本との防衛協力を高く評価する旨述べました。
"""

EN_IN = """Japan-India Summit Telephone Talk

March 3, 2025

On March 3, commencing at 5:00 p.m. for approximately 40 minutes, Mr. ISHIBA Shigeru, Prime Minister of Japan, held a telephone talk with Mr. Narendra Modi, Prime Minister of India.

The two leaders confirmed that they would strengthen cooperation in critical minerals and clean energy.
The two leaders welcomed the launch of a new dialogue on economic security.
Prime Minister Ishiba stated that Japan would provide 300 million US dollars to support infrastructure in the region.
"""

# Each payload sets window.__pwned and opens a dialog if it ever runs.
PAYLOADS = [
    "<script>window.__pwned=1;alert('script')</script>",
    "<img src=x onerror=\"window.__pwned=1;alert('img')\">",
    "javascript:window.__pwned=1;alert('link')",
    "\"><svg onload=\"window.__pwned=1;alert('svg')\">",
]

HOSTILE_JA = f"""日英首脳電話会談{PAYLOADS[0]}

令和7年11月5日

11月5日、午後3時から約20分間、高市早苗内閣総理大臣は、キア・スターマー英国首相と日英首脳電話会談を行いました。

両首脳は、{PAYLOADS[0]}サイバー分野での協力を一層強化していくことで一致しました。
高市総理大臣から、日本は{PAYLOADS[1]}総額300億円の支援を行う考えを伝えました。
スターマー首相は、{PAYLOADS[2]}日本との協力を高く評価する旨述べました。
両首脳は、{PAYLOADS[3]}防衛費に関する対話を続けていくことを確認しました。
"""

HOSTILE_EN = f"""🎌 Japan-France Summit Meeting 𠮷 {PAYLOADS[3]}

December 2, 2025

On December 2, commencing at 10:00 a.m. for approximately 30 minutes, Ms. TAKAICHI Sanae, Prime Minister of Japan, held a summit meeting with Mr. Emmanuel Macron, President of the French Republic.

The two leaders confirmed that they would strengthen cooperation in space {PAYLOADS[1]} and cyber security.
Prime Minister Takaichi stated that Japan would provide 50 million US dollars {PAYLOADS[2]} to support the Pacific islands.
The two leaders welcomed {PAYLOADS[0]} the launch of a new dialogue on critical minerals.
"""

OWN = {"ja_au.txt": JA_AU, "en_in.txt": EN_IN, "hostile_ja.txt": HOSTILE_JA, "hostile_en.txt": HOSTILE_EN}

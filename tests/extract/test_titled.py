"""People the people data does not know, found by their title, and what the stages after do with them.

The names below are invented for these tests: none is in data/people.json."""
from __future__ import annotations

from kaidan.extract import titled
from kaidan.extract.context import DocContext
from kaidan.pipeline import extract_text

JA = ("日・ケニア首脳会談\n\n令和7年5月1日\n\n5月1日、午後4時から約30分間、芹沢征爾内閣総理大臣は、ケニアのウィリアム・ルト大統領と"
      "首脳会談を行いました。\n\n芹沢総理から、エネルギー分野での協力を強化していきたい旨述べました。"
      "ルト大統領は、日本との協力を高く評価する旨述べました。")
EN = ("Prime Minister Rado Vetoza held talks with Kenyan President William Ruto on May 1, 2025.\n\n"
      "The two leaders agreed to strengthen cooperation in energy. Ruto said that Kenya would deepen its trade "
      "ties with Japan.")


def found(text: str, lang: str) -> dict[str, titled.TitledPerson]:
    return {p.name: p for p in titled.discover(DocContext("t", text, lang))}


def test_japanese_name_with_title_and_country_before_it():
    people = found(JA, "ja")
    assert set(people) == {"芹沢征爾", "ウィリアム・ルト"}       # 芹沢総理 is the same person, not another
    pm, pres = people["芹沢征爾"], people["ウィリアム・ルト"]
    assert (pm.office, pm.country, pm.aliases) == ("prime_minister", "JP", ("芹沢征爾", "芹沢"))
    assert (pres.office, pres.country, pres.aliases) == ("president", "KE", ("ウィリアム・ルト", "ルト"))
    assert pm.rule == titled.rule_id("ja_name_title")


def test_country_between_name_and_title():
    people = found("同日、褚光耀ケニア大統領は声明を発表した。", "ja")
    assert [(p.name, p.country, p.office) for p in people.values()] == [("褚光耀", "KE", "president")]


def test_a_country_before_a_title_is_no_person():
    assert found("ケニア大統領は声明を発表した。ポーランド首相も述べた。", "ja") == {}


def test_known_people_are_not_found_again():
    assert found("石破茂内閣総理大臣は、トランプ大統領と会談した。President Donald Trump spoke.", "ja") == {}


def test_english_title_before_name_with_demonym():
    people = found(EN, "en")
    assert people["William Ruto"].country == "KE" and people["William Ruto"].aliases == ("William Ruto", "Ruto")
    assert people["Rado Vetoza"].office == "prime_minister" and people["Rado Vetoza"].country is None


def test_english_apposition_and_of_country():
    people = found("Zano Kive, the Chilean president, arrived. President Lena Maroto of Peru spoke. "
                   "He also called the Prime Minister of New Zealand Rado Vetoza.", "en")
    assert people["Zano Kive"].country == "CL" and people["Zano Kive"].rule == titled.rule_id("en_name_apposition")
    assert people["Lena Maroto"].country == "PE"
    assert (people["Rado Vetoza"].country, people["Rado Vetoza"].office) == ("NZ", "prime_minister")


def test_demonyms_come_from_country_names():
    d = titled._demonyms()
    assert (d["Kenyan"], d["Chilean"], d["Senegalese"], d["Hungarian"], d["Ghanaian"]) == ("KE", "CL", "SN", "HU", "GH")


def test_unknown_leaders_become_participants_speakers_and_event_countries():
    rec = extract_text(JA, "t.txt", "ja", None).to_dict()
    assert rec["event"]["countries"] == ["JP", "KE"]
    assert rec["meetings"][0]["participants"] == ["芹沢征爾", "ウィリアム・ルト"]
    # 芹沢総理から / ルト大統領は: the family name with a title is the person named in full before
    assert [s["speaker"] for s in rec["statements"]] == ["芹沢征爾", "ウィリアム・ルト"]


def test_former_leader_is_a_person_without_office_and_kanji_shusho_is_japanese():
    people = found("会談には芹沢征爾元首相も同席した。鷲尾蒼一首相は述べた。", "ja")
    assert (people["芹沢征爾"].office, people["芹沢征爾"].country) == (None, "JP")
    assert people["芹沢征爾"].entry()["terms"] == []
    assert (people["鷲尾蒼一"].office, people["鷲尾蒼一"].country) == ("prime_minister", "JP")
    assert found("ザトレキ首相は述べた。", "ja")["ザトレキ"].country is None


def test_english_family_name_in_capitals_and_name_particles():
    people = found("Prime Minister SERIZAWA Seiji met President Lena von der Maroto in Tokyo.", "en")
    assert people["SERIZAWA Seiji"].aliases == ("SERIZAWA Seiji", "Serizawa")
    assert people["Lena von der Maroto"].aliases == ("Lena von der Maroto", "Maroto")


def test_kanji_name_between_country_and_title_and_one_kanji_family():
    people = found("韓国・慶州を訪問中の檜山征爾首相は、中国の芮承煥国家主席と会談した。芮氏は述べた。", "ja")
    assert people["檜山征爾"].country == "JP"          # 訪問中の: 中 inside a word is no country
    assert (people["芮承煥"].country, people["芮承煥"].office, people["芮承煥"].aliases) == \
        ("CN", "president", ("芮承煥", "芮"))


def test_dotted_katakana_name_cut_by_the_tokenizer_is_one_name_and_a_country_after_it_is_not_part():
    people = found("芹沢総理は、カンボジアのトザ・ルヴェ首相と会談した。ルヴェ首相は謝意を述べた。", "ja")
    assert (people["トザ・ルヴェ"].country, people["トザ・ルヴェ"].aliases) == ("KH", ("トザ・ルヴェ", "ルヴェ"))
    assert "ルヴェ" not in people
    # MOFA writes the country between the name and the title after a middle dot
    people = found("芹沢総理は、グリ・ナミコ・ケニア大統領と会談した。", "ja")
    assert (people["グリ・ナミコ"].country, people["グリ・ナミコ"].office) == ("KE", "president")


def test_transcript_speaker_label_in_capitals():
    text = ("Press conference\nZANO KIVE, PRIME MINISTER OF KENYA: I am delighted to welcome you here today.\n"
            "LENA MAROTO, PRESIDENT OF CHILE: Thank you, it is good to be here in Nairobi.\nJOURNALIST: A question.")
    people = found(text, "en")
    assert [(p.name, p.office, p.country, p.rule) for p in people.values()] == [
        ("Zano Kive", "prime_minister", "KE", titled.rule_id("en_speaker_label")),
        ("Lena Maroto", "president", "CL", titled.rule_id("en_speaker_label"))]
    rec = extract_text(text, "t.txt", "en", None).to_dict()
    assert {s["speaker"] for s in rec["statements"]} == {"Zano Kive", "Lena Maroto"}


def test_full_name_then_honorific_and_surname():
    text = ("Zano Kive and his Chilean counterpart Lena Maroto signed a treaty in Nairobi on Monday.\n"
            "Mr Kive greeted Ms Maroto at the State House. Sir Rado Vetoza also attended. "
            "Mr Kive said the treaty was “a landmark for our two nations”.")
    people = found(text, "en")
    assert people["Zano Kive"].aliases == ("Zano Kive", "Kive") and people["Zano Kive"].country is None
    assert people["Lena Maroto"].country == "CL" and people["Lena Maroto"].rule == titled.rule_id("en_honorific_surname")
    assert people["Rado Vetoza"].aliases == ("Rado Vetoza", "Rado")     # Sir goes with the given name
    assert found("Mr Kive said the treaty was a landmark. Kive Street was closed.", "en") == {}   # no full name
    rec = extract_text(text, "t.txt", "en", None).to_dict()
    assert [s["speaker"] for s in rec["statements"]] == ["Zano Kive"]


def test_the_word_of_a_name_written_alone_after_a_title_is_an_alias_at_either_end():
    text = ("On May 1, 2025, Yunoki Shohei, Prime Minister of Japan, held a summit meeting with H.E. Mr. Zano Kive, "
            "President of Kenya. At the outset, President Zano welcomed Prime Minister Yunoki’s visit.")
    people = found(text, "en")
    assert people["Yunoki Shohei"].aliases == ("Yunoki Shohei", "Shohei", "Yunoki")
    assert people["Zano Kive"].aliases == ("Zano Kive", "Kive", "Zano")
    rec = extract_text(text, "t.txt", "en", None).to_dict()
    assert [s["speaker"] for s in rec["statements"]] == ["Zano Kive"]


def test_a_readout_names_its_own_leader_in_full_once_and_the_bare_title_is_that_person():
    text = ("Telephone Conversation between PM and the President of Chile\n\nApril 04, 2020\n\n"
            "Prime Minister Shri Zano Kive had a telephonic conversation today with H.E. Lena Maroto, President of "
            "Chile.\n\nThe Prime Minister conveyed deep condolences for the loss of lives in Chile.\n\n"
            "The Prime Minister reiterated India’s solidarity with Chile in overcoming this crisis. India and Chile "
            "agreed to stay in touch.")
    rec = extract_text(text, "t.txt", "en", None).to_dict()
    assert {s["speaker"] for s in rec["statements"]} == {"Zano Kive"}
    # the named prime minister with no country stands for India, not the data's holder on that date
    assert rec["event"]["countries"] == ["CL", "IN"]
    assert sorted(rec["meetings"][0]["participants"]) == ["Lena Maroto", "Zano Kive"]


def test_a_kanji_name_with_its_reading_in_parentheses_before_country_and_title():
    people = found("芹沢征爾内閣総理大臣は、褚光耀(チョ・グァンヨ)韓国大統領と電話会談を行った。褚大統領からも発言があった。", "ja")
    assert (people["褚光耀"].country, people["褚光耀"].office, people["褚光耀"].aliases) == ("KR", "president", ("褚光耀", "褚"))


def test_middle_initial_suffix_and_pm_in_capitals():
    people = found("Mr. SERIZAWA Seiji, Prime Minister of Japan, met H.E. Zano R. Kive, Jr., President of Kenya. "
                   "President Kive welcomed him. PM Rado Vetoza also spoke. The talks ended at 5 pm Tokyo time.", "en")
    assert people["Zano R. Kive, Jr."].aliases == ("Zano R. Kive, Jr.", "Kive")
    assert people["Rado Vetoza"].office == "prime_minister"
    assert not any(n.startswith("Tokyo") for n in people)
    people = found("鷲尾蒼一内閣総理大臣は、甄海東(チン・ヘドン)韓国大統領と電話会談を行った。甄大統領からは期待が表明された。", "ja")
    assert (people["甄海東"].country, people["甄海東"].aliases) == ("KR", ("甄海東", "甄"))   # Sudachi: 甄海 / 東


def test_a_two_kana_name_is_a_person_only_when_written_with_a_title_more_than_once():
    assert found("インドを訪問中の芹沢首相は、ラコ首相と会談した。ラコ首相から評価が示された。", "ja")["ラコ"].office == \
        "prime_minister"
    assert "ラコ" not in found("インドを訪問中の芹沢首相は、ラコ首相と会談した。", "ja")
    # a use inside a longer katakana word (ナラコ首相) or after a middle dot (ノ・ラコ首相) is not the word's own
    assert "ラコ" not in found("ナラコ首相は、ラコ首相と会談した。ノ・ラコ首相も同席した。", "ja")


def test_two_kana_words_before_a_title_are_counted_in_one_pass_as_a_pass_per_word_counts_them():
    import re
    from kaidan.people import gazetteer

    title_re = titled._titles(gazetteer())[0]
    text = "ラコ首相と会談した。ラコ大統領、ナラコ首相、ノ・ラコ首相、ベモ外相、ベモ首相、ラコ。ベモ"
    counts = titled._short_kata_uses(text, title_re)
    for w in ("ラコ", "ベモ", "ナラ", "ノ"):
        assert counts.get(w, 0) == len(re.findall(rf"(?<![ァ-ヴー・＝]){w}(?:{title_re.pattern})", text))
    assert (counts["ラコ"], counts["ベモ"]) == (2, 2)


def test_rule_ids_are_data():
    assert titled.rule_id("ja_name_title") == "kaidan.person.ja_name_title.v3"
    assert all(r["id"].startswith("kaidan.person.") for r in titled._data()["rules"].values())


def test_english_of_country_comma_and_styles_before_the_name():
    people = found("The Prime Minister of Kenya, Shri Rado Vetoza, and the President of the Chilean Republic "
                   "H.E. Mr. Zano Kive met. US President Lena Maroto called.", "en")
    assert (people["Rado Vetoza"].country, people["Rado Vetoza"].office) == ("KE", "prime_minister")
    assert (people["Zano Kive"].country, people["Zano Kive"].office) == ("CL", "president")
    assert people["Lena Maroto"].country == "US"


def test_english_counterpart_holds_the_office_of_the_titled_person_before():
    people = found("Prime Minister Rado Vetoza and his Kenyan counterpart Zano Kive discussed trade.", "en")
    p = people["Zano Kive"]
    assert (p.office, p.country, p.rule) == ("prime_minister", "KE", titled.rule_id("en_counterpart"))
    # no title before: a counterpart of nobody named is no office
    assert "Zano Kive" not in found("Talks with his Kenyan counterpart Zano Kive went well.", "en")


def test_english_one_word_after_a_title_needs_a_country_or_a_second_mention():
    people = found("President Vetoza of Kenya welcomed President Kive. President Kive thanked him. "
                   "President Maroto spoke.", "en")
    assert (people["Vetoza"].country, people["Vetoza"].office) == ("KE", "president")
    assert people["Kive"].rule == titled.rule_id("en_title_surname")
    assert "Maroto" not in people                    # once, with no country: could be any capitalised word
    # the word of a name found in full is that person's
    assert set(found("President Zano Kive spoke. President Kive thanked him. President Kive left.", "en")) \
        == {"Zano Kive"}


def test_japanese_party_between_country_and_title():
    people = found("芹沢首相は、ノザ・マゾ・ペモナ・ケニア共産党中央委員会書記長と会談した。ペモナ書記長は述べた。", "ja")
    p = people["ノザ・マゾ・ペモナ"]
    assert (p.office, p.country, p.aliases) == ("general_secretary", "KE", ("ノザ・マゾ・ペモナ", "ペモナ"))


def test_a_later_mention_gives_the_country_the_first_did_not():
    people = found("芹沢総理は、ペモナ首相と会談した。会談後、ケニアのペモナ首相は謝意を述べた。", "ja")
    assert (people["ペモナ"].country, people["ペモナ"].office) == ("KE", "prime_minister")
    people = found("Prime Minister Rado Vetoza spoke. Later, Kenya's Prime Minister Rado Vetoza left.", "en")
    assert people["Rado Vetoza"].country == "KE"


def test_english_given_name_then_family_name_in_capitals():
    text = ("Joint statement with Mr. Rado VETOZA, Prime Minister of the Republic of Kenya\n"
            "I thank Prime Minister Vetoza for his visit. Prime Minister Vetoza leaves tomorrow.")
    people = found(text, "en")
    assert list(people) == ["Rado VETOZA"]                 # "Prime Minister Vetoza" is the same person
    p = people["Rado VETOZA"]
    assert (p.office, p.aliases, p.rule) == ("prime_minister", ("Rado VETOZA", "Vetoza"),
                                             titled.rule_id("en_name_apposition"))
    # the given name before the capitals is not written alone: no alias of its own
    assert "Rado" not in p.aliases


def test_an_honorific_person_holds_the_office_of_a_title_before_their_surname():
    text = ("Zano Kive and his Chilean counterpart Lena Maroto signed a treaty on Monday.\n"
            "Mr Kive greeted Ms Maroto at the State House.\n"
            "“Thank you, Prime Minister Kive,” she said.")
    people = found(text, "en")
    assert people["Zano Kive"].office == "prime_minister"
    # the counterpart of a prime minister is one too
    assert (people["Lena Maroto"].office, people["Lena Maroto"].country) == ("prime_minister", "CL")
    rec = extract_text(text + "\nThe two leaders held a summit meeting in Santiago on 5 May 2025.", "t.txt", "en",
                       None).to_dict()
    assert {"Zano Kive", "Lena Maroto"} <= {n for m in rec["meetings"] for n in m["participants"]}


def test_a_former_title_before_a_surname_gives_no_office():
    text = ("Zano Kive met Lena Maroto in Lima. Mr Kive greeted Ms Maroto. "
            "The former Prime Minister Kive smiled; ex-President Maroto waved.")
    people = found(text, "en")
    assert (people["Zano Kive"].office, people["Lena Maroto"].office) == (None, None)


def test_japanese_family_name_that_is_also_a_place_name_before_shusho():
    # 霧島 is tagged as a place (Sudachi 地名); the press writes its own prime minister as family name + 首相
    text = "ケニアを訪問中の霧島首相は1日、首都で大統領と会談した。霧島首相は協力を強化したいと述べた。"
    people = found(text, "ja")
    assert [(p.name, p.office, p.country) for p in people.values()] == [("霧島", "prime_minister", "JP")]
    # written once it could be the place's own office holder, and a country name is never a family name
    assert found("霧島首相は述べた。", "ja") == {}
    assert found("ケニア首相は述べた。ケニア首相は語った。", "ja") == {}
    rec = extract_text(text, "t.txt", "ja", None).to_dict()
    assert {s["speaker"] for s in rec["statements"]} == {"霧島"}

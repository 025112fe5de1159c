"""English joint statements, readouts and news: agreements, commitments and statements."""
from __future__ import annotations

import pytest

from kaidan.pipeline import extract_text

HEAD = ("Japan-Australia Summit Meeting\nOn March 3, 2025, Prime Minister Ishiba Shigeru held a summit meeting "
        "with Prime Minister Anthony Albanese of Australia in Canberra.\n")


def facts(body: str, head: str = HEAD):
    return extract_text(head + body, "t.txt").to_dict()


@pytest.mark.parametrize("sentence, verb, text", [
    ("The two leaders reaffirmed that the partnership is the cornerstone of regional stability.", "confirmed",
     "the partnership is the cornerstone of regional stability"),
    ("Both leaders agreed to launch a dialogue on critical minerals.", "agreed",
     "launch a dialogue on critical minerals"),
    ("The leaders shared views on the situation in the South China Sea.", "shared_view",
     "the situation in the South China Sea"),
    ("The two leaders reiterated their strong opposition to any unilateral attempts to change the status quo by force.",
     "opposed", "any unilateral attempts to change the status quo by force"),
    ("The two leaders welcomed progress on the reciprocal access agreement.", "welcomed",
     "progress on the reciprocal access agreement"),
    ("Japan and Australia intend to deepen cooperation on hydrogen supply chains.", "agreed",
     "deepen cooperation on hydrogen supply chains"),
])
def test_agreement_sentences(sentence, verb, text):
    out = facts(sentence)["agreements"]
    assert [(a["verb"], a["text"]) for a in out] == [(verb, text)]


def test_coordinated_predicates_give_one_agreement_each():
    out = facts("The two leaders expressed serious concern over North Korea's missile launches and reaffirmed "
                "their commitment to the complete denuclearization of North Korea.")["agreements"]
    assert [a["verb"] for a in out] == ["shared_view", "confirmed"]
    assert out[1]["text"] == "the complete denuclearization of North Korea"


def test_single_country_commitment_with_amount_and_deadline():
    out = facts("Japan reiterated its commitment to provide 500 million dollars for regional infrastructure by 2030.")
    (c,) = out["commitments"]
    assert "Japan" in c["actor"]
    assert c["amount"] == {"value": 500000000, "unit": "USD"}
    assert c["deadline"] == "2030-12-31"


def test_welcomed_another_countrys_commitment_is_that_countrys_commitment():
    out = facts("Australia welcomed Japan's commitment, backed by a new budget, to expanding defense exports.")
    assert [(c["actor"], c["text"]) for c in out["commitments"]] == [("Japan", "expanding defense exports")]


def test_reported_statement_of_a_named_leader():
    out = facts("Prime Minister Albanese stated that Australia values Japan as a special strategic partner.")
    assert [(s["mode"], s["text"]) for s in out["statements"]] == [
        ("reported", "Australia values Japan as a special strategic partner")]
    assert "Albanese" in out["statements"][0]["speaker"]


@pytest.mark.parametrize("body", [
    "\u201cOur partnership has never been stronger,\u201d Albanese said.",
    "Albanese said: \u201cOur partnership has never been stronger.\u201d",
    "The Prime Minister praised the talks. \u201cOur partnership has never been stronger,\u201d he said.",
])
def test_direct_quotations_with_attribution_before_or_after(body):
    out = facts(body)["statements"]
    direct = [s for s in out if s["mode"] == "direct"]
    assert [s["text"] for s in direct] == ["Our partnership has never been stronger"]
    assert "Albanese" in direct[0]["speaker"] or "Ishiba" in direct[0]["speaker"]


def test_white_house_readout_title_dates_and_possessive_commitments():
    text = ("Readout of President Joseph R. Biden, Jr.'s Meeting with Prime Minister Fumio Kishida of Japan\n"
            "May 18, 2023\n"
            "President Joseph R. Biden, Jr. met today with Prime Minister Fumio Kishida of Japan in Hiroshima. "
            "The leaders reaffirmed the strength of the U.S.-Japan Alliance and discussed the situation in Ukraine. "
            "The President reiterated the United States' ironclad commitment to the defense of Japan.")
    out = extract_text(text, "t.txt").to_dict()
    assert out["event"] == {"date": "2023-05-18", "countries": ["JP", "US"]}     # not Ukraine, not Theresa May
    assert [a["verb"] for a in out["agreements"]] == ["confirmed"]              # "discussed" agrees nothing
    (c,) = out["commitments"]
    assert c["actor"] == "United States" or "Biden" in c["actor"]
    assert c["text"] == "the defense of Japan"
    assert all("Biden" in s["speaker"] for s in out["statements"])


def test_every_english_fact_names_its_rule_and_version():
    import json
    from pathlib import Path
    rules = set()
    for name in ("en_agreements", "en_commitments", "en_statements"):
        data = json.loads((Path(__file__).parents[2] / "src/kaidan/data/rules" / f"{name}.json").read_text())
        for r in data["rules"]:
            assert r["example"] and r["construction"] and r["note"]
            rules.add(f"{r['id']}.v{r['version']}")
    out = facts("The two leaders condemned the missile launches. Japan will provide 5 billion yen for ports by 2027. "
                "Prime Minister Albanese stressed the need for calm in the region.")
    used = {f["rule"] for k in ("agreements", "commitments", "statements") for f in out[k]}
    assert used == {"kaidan.en.agreement.oppose.v1", "kaidan.en.commitment.will.v1", "kaidan.en.statement.stress.v1"}
    assert used <= rules


def test_joint_we_in_a_joint_statement_is_both_sides():
    out = extract_text("Japan-Australia Joint Statement\nWe, the leaders of Japan and Australia, met in Tokyo on "
                       "3 March 2025.\n1. We reaffirm our commitment to a free and open Indo-Pacific.\n"
                       "2. We condemn the missile launches by North Korea.\n", "t.txt").to_dict()
    assert [(a["verb"], a["text"]) for a in out["agreements"]] == [
        ("confirmed", "a free and open Indo-Pacific"), ("opposed", "the missile launches by North Korea")]


def test_a_leaders_own_statement_is_direct_speech_sentence_by_sentence():
    out = extract_text("Press statement | Prime Minister of Australia\n"
                       "ANTHONY ALBANESE, PRIME MINISTER OF AUSTRALIA: I am pleased to welcome the Prime Minister "
                       "of Japan to Canberra today.\nOur talks focused on three pillars of our relationship:\n"
                       "Trade and investment;\nDefence cooperation.\n"
                       "We agreed to hold a ministerial dialogue every year from now on.\n", "t.txt").to_dict()
    st = out["statements"]
    assert {s["speaker"] for s in st} == {"Anthony Albanese"} and {s["mode"] for s in st} == {"direct"}
    assert [s["text"][:20] for s in st] == ["I am pleased to welc", "Our talks focused on", "We agreed to hold a "]
    assert [a["text"] for a in out["agreements"]] == ["hold a ministerial dialogue every year from now on"]


def test_lines_under_here_is_what_x_said_are_xs_words():
    out = facts("Here's what Prime Minister Albanese said:\n\n1. Our partnership has never been stronger than it is "
                "today.\n\n2. We will keep working on clean energy with our Japanese friends.\n")
    st = [(s["speaker"], s["text"]) for s in out["statements"] if s["rule"] == "kaidan.en.statement.own_words.v1"]
    assert st == [("Anthony Albanese", "Our partnership has never been stronger than it is today."),
                  ("Anthony Albanese", "We will keep working on clean energy with our Japanese friends.")]


def test_what_a_speaker_reports_both_sides_agreed_is_an_agreement():
    out = facts("\"We agreed to coordinate closely on energy,\" Albanese told reporters. Chief Cabinet Secretary "
                "Hayashi said the two leaders had agreed to expand joint exercises.")
    assert sorted(a["text"] for a in out["agreements"]) == ["coordinate closely on energy", "expand joint exercises"]
    assert ("Anthony Albanese", "direct") in {(s["speaker"], s["mode"]) for s in out["statements"]}


def test_content_then_they_agreed():
    out = facts("A trade war between the two economies is in no one's interest, they agreed.")
    assert [(a["verb"], a["text"]) for a in out["agreements"]] == [
        ("agreed", "A trade war between the two economies is in no one's interest")]


def test_commitments_of_organisations_and_not_of_courtesies_or_past_deeds():
    out = facts("SkyWings agreed to buy 12 new aircraft for its regional routes. The Australian Agency for International "
                "Development on Monday pledged more than $15 million in emergency aid. Prime Minister Albanese said he "
                "would like to thank his host for the warm welcome. Prime Minister Ishiba announced that the Japanese "
                "government had provided medical equipment worth 2 billion yen.")
    assert [(c["actor"], c["text"]) for c in out["commitments"]] == [
        ("SkyWings", "buy 12 new aircraft for its regional routes"),
        ("Australian Agency for International Development", "more than $15 million in emergency aid")]


def test_the_united_states_of_america_is_not_a_speech_verb():
    out = facts("Prime Minister Ishiba spoke with the President of the United States of America on the telephone.")
    assert out["statements"] == []


@pytest.mark.parametrize("sentence, actor, text", [
    # a news dateline and a time adverbial between the subject and the verb
    ("Canberra: Japanese Prime Minister Ishiba Shigeru on Monday (March 3) announced a 2 trillion yen investment "
     "in Australia over the next decade.", "Ishiba", "a 2 trillion yen investment in Australia over the next decade"),
    # a fronted adverbial set off by a comma, and an organisation the people data does not know
    ("In the biggest deal of the visit, SkyJet agreed to buy 12 Airbus A350 aircraft.", "SkyJet",
     "buy 12 Airbus A350 aircraft"),
])
def test_subject_after_dateline_or_fronted_phrase(sentence, actor, text):
    (c,) = facts(sentence)["commitments"]
    assert actor in c["actor"] and c["text"] == text


def test_fronted_phrase_with_a_finite_verb_is_not_stripped():
    # "Japan has signed three agreements, Prime Minister Ishiba said": the clause before the comma is the content
    out = facts("Japan has signed three agreements with Australia, Prime Minister Ishiba said.")
    assert [(s["speaker"], s["text"]) for s in out["statements"]] == [
        ("Ishiba Shigeru", "Japan has signed three agreements with Australia")]


def test_quotation_after_adding_is_the_same_speakers():
    out = facts('Prime Minister Albanese said, "Japan is our closest partner in Asia and a friend of long standing," '
                'adding, "Our two navies will train together in the Coral Sea next year."')
    assert [(s["speaker"], s["mode"]) for s in out["statements"]][:2] == [("Anthony Albanese", "direct")] * 2
    assert out["statements"][1]["text"] == "Our two navies will train together in the Coral Sea next year"


def test_progressive_of_sending_is_a_commitment_of_one_actor():
    (c,) = facts("And the U.S. military is sending two hospital ships to help with the relief effort.")["commitments"]
    assert c["actor"] == "United States"
    assert c["text"] == "two hospital ships to help with the relief effort"
    assert c["rule"] == "kaidan.en.commitment.sending.v1"


@pytest.mark.parametrize("sentence", [
    "According to a Japanese official, further agreements are expected to be signed on Friday.",
    "Prime Minister Ishiba expressed his desire to continue to work together to realize a peaceful region.",
    "Prime Minister Albanese expressed his intention to further develop the relationship between the two countries.",
])
def test_passive_future_and_general_stance_are_no_commitments(sentence):
    assert facts(sentence)["commitments"] == []


def test_intention_with_a_concrete_action_stays_a_commitment():
    (c,) = facts("Prime Minister Ishiba expressed his intention to open a consulate in Perth by 2027.")["commitments"]
    assert c["text"] == "open a consulate in Perth by 2027" and c["deadline"] == "2027-12-31"


@pytest.mark.parametrize("sentence, text, amount", [
    ("Negotiators struggled over the financing of a $40 billion Japanese investment pledge to Australia.",
     "$40 billion Japanese investment pledge to Australia", {"value": 40e9, "unit": "USD"}),
    ("Officials discussed Japan's ¥2 trillion aid package for the Pacific Islands.",
     "¥2 trillion aid package for the Pacific Islands", {"value": 2e12, "unit": "JPY"}),
])
def test_pledge_named_as_a_noun_phrase_is_its_owners_commitment(sentence, text, amount):
    (c,) = facts(sentence)["commitments"]
    assert (c["actor"], c["text"], c["amount"], c["rule"]) == ("Japan", text, amount,
                                                                 "kaidan.en.commitment.noun_pledge.v1")


def test_pledge_noun_without_amount_or_owner_is_no_commitment():
    assert facts("The pledge was discussed at length, and a $3 billion package was mentioned.")["commitments"] == []


def test_sentiment_echoed_by_a_second_speaker_is_his_statement_too():
    out = facts("Mr Albanese said it was “a proud day for both of our nations” – a sentiment that Mr Ishiba echoed.")
    got = [(s["speaker"], s["text"]) for s in out["statements"]]
    assert ("Ishiba Shigeru", "a proud day for both of our nations") in got
    assert ("Anthony Albanese", "it was “a proud day for both of our nations”") in got
    assert len(got) == 2


def test_declared_attributes_a_quotation():
    out = facts("“We commit ourselves to a new chapter of our partnership,” Mr Albanese declared at a press conference.")
    assert [(s["speaker"], s["mode"]) for s in out["statements"]] == [("Anthony Albanese", "direct")]


def test_taking_office_is_no_commitment():
    out = facts("Prime Minister Ishiba, a former defence minister, is set to take office again on October 1.")
    assert out["commitments"] == [] and out["statements"] == []


def test_noun_pledge_in_a_clause_after_an_unrelated_verb():
    # "agreed" belongs to the first clause; the pledge after ", as …" is read on its own
    (c,) = facts("Officials said the two sides agreed on the outline of a deal, as negotiators struggled to finance "
                 "a $25 billion Korean investment pledge to Australia.")["commitments"]
    assert (c["actor"], c["text"], c["amount"]) == ("Republic of Korea", "$25 billion Korean investment pledge to "
                                                    "Australia", {"value": 25e9, "unit": "USD"})


def test_a_leader_telling_what_his_country_will_do_is_the_leaders_commitment():
    out = facts("Prime Minister Ishiba stated that Japan would provide 30 patrol boats to the Pacific Islands. "
                "Prime Minister Albanese said the United States would open a new base in Darwin.")
    got = [(c["actor"], c["text"]) for c in out["commitments"]]
    assert got == [("Ishiba Shigeru", "provide 30 patrol boats to the Pacific Islands"),
                   ("United States", "open a new base in Darwin")]


def test_what_an_institution_reports_one_side_will_do():
    # the White House is no speaker, but the two that-clauses it reports are two commitments
    out = facts("The White House said in a statement that NASA would fly an Australian payload to the Moon, while "
                "Australia would build a lunar rover.")
    assert [(c["actor"], c["text"]) for c in out["commitments"]] == [
        ("NASA", "fly an Australian payload to the Moon"), ("Australia", "build a lunar rover")]
    assert out["statements"] == []


def test_relative_that_after_a_noun_is_not_reported_speech():
    out = facts("Prime Minister Albanese said he had invited Ishiba to the forum that Australia will host in Perth.")
    assert out["commitments"] == []


def test_acronym_defined_in_the_text_names_the_organisation():
    out = facts("Joint Maritime Board (JMB): The two governments set up a JMB. The JMB will meet twice a year in Tokyo.")
    assert [(c["actor"], c["text"]) for c in out["commitments"]] == [("Joint Maritime Board (JMB)",
                                                                     "meet twice a year in Tokyo")]


def test_reported_words_with_their_own_named_subject():
    out = facts("A government spokesperson said Albanese looked forward to hosting Ishiba in Perth next year.")
    assert [(c["actor"], c["text"]) for c in out["commitments"]] == [("Anthony Albanese",
                                                                     "hosting Ishiba in Perth next year")]


def test_an_act_done_or_a_habit_is_no_commitment():
    out = facts("Prime Minister Albanese noted that Australia has committed more than $2 billion in aid to the region "
                "since 2020. He has repeatedly urged talks to end the war and pledged Australia's support in doing so.")
    assert out["commitments"] == []


def test_adverb_between_subject_and_verb_and_i_in_a_quotation():
    out = facts('Prime Minister Albanese said, "I hope to open a consulate in Fukuoka." He said he especially hoped '
                'to open a trade office in Sapporo.')
    assert [(c["actor"], c["text"]) for c in out["commitments"]] == [
        ("Anthony Albanese", "open a consulate in Fukuoka"), ("Anthony Albanese", "open a trade office in Sapporo")]


def test_a_countrys_leader_named_by_description():
    out = facts("The Australian leader also stressed that both countries share a duty to keep the sea lanes open.")
    assert [(s["speaker"], s["text"]) for s in out["statements"]] == [
        ("Anthony Albanese", "both countries share a duty to keep the sea lanes open")]


def test_coordinated_verbs_share_the_first_ones_subject():
    out = facts("Albanese called Japan a “special partner” and said Australia would double its LNG exports to Japan.")
    assert [(s["speaker"], s["text"]) for s in out["statements"]] == [
        ("Anthony Albanese", "Australia would double its LNG exports to Japan")]
    assert [(c["actor"], c["text"]) for c in out["commitments"]] == [
        ("Anthony Albanese", "double its LNG exports to Japan")]


def test_a_verb_coordinated_with_a_habitual_one_is_background():
    out = facts("He has repeatedly urged talks to end the war and pledged Australia's support in doing so.")
    assert out["commitments"] == [] and out["statements"] == []


def test_a_joint_document_as_subject_and_a_series_of_its_verbs():
    out = facts("The two leaders issued a joint statement. The document pledges closer ties between the coast guards, "
                "calls for regular talks on energy security, and confirms joint work on quantum computing.")
    assert [(a["verb"], a["text"]) for a in out["agreements"]] == [
        ("agreed", "closer ties between the coast guards"), ("other", "regular talks on energy security"),
        ("confirmed", "joint work on quantum computing")]


def test_a_statement_not_told_as_joint_is_no_agreement():
    out = facts("The statement calls for regular talks on energy security.")
    assert out["agreements"] == []


def test_participle_scheduled_to_takes_the_noun_phrase_before_it():
    out = facts("With two destroyers of the Japanese navy scheduled to visit Sydney, and a squadron of the Royal "
                "Australian Air Force scheduled to train in Hokkaido this autumn, the two leaders welcomed the new "
                "agreement.")
    assert [(c["actor"], c["text"], c["rule"]) for c in out["commitments"]] == [
        ("Japan", "two destroyers of the Japanese navy scheduled to visit Sydney", "kaidan.en.commitment.scheduled.v1"),
        ("Australia", "a squadron of the Royal Australian Air Force scheduled to train in Hokkaido this autumn",
         "kaidan.en.commitment.scheduled.v1")]


def test_scheduled_without_an_actor_or_after_were_is_no_commitment():
    out = facts("With the talks scheduled to end at noon, the leaders met the press. Japanese ships were scheduled "
                "to visit Darwin.")
    assert out["commitments"] == []


def test_that_clause_subject_and_an_adverb_before_committed():
    out = facts("Here, I would like to reiterate that Australia is firmly committed to net zero emissions by 2050.")
    assert [(c["actor"], c["text"], c["rule"]) for c in out["commitments"]] == [
        ("Australia", "net zero emissions by 2050", "kaidan.en.commitment.pledge.v2")]


def test_parts_of_a_pledge_named_before_are_its_owners_commitments():
    out = facts("Negotiators discussed the financing of a $90 billion Japanese investment pledge to Australia. "
                "An official said the package includes $60 billion in loans and $30 billion in equity. "
                "Tokyo set a yearly limit of $9 billion toward this pledge.")
    got = [(c["actor"], c["text"], c["amount"]["value"]) for c in out["commitments"]]
    assert got == [("Japan", "$90 billion Japanese investment pledge to Australia", 90e9),
                   ("Japan", "$60 billion in loans", 60e9), ("Japan", "$30 billion in equity", 30e9),
                   ("Japan", "Tokyo set a yearly limit of $9 billion toward this pledge", 9e9)]


def test_amounts_a_package_includes_need_a_pledge_before():
    assert facts("The package includes $60 billion in loans and $30 billion in equity.")["commitments"] == []


def test_agreement_text_keeps_a_relative_clause_and_stops_at_an_adverbial_one():
    out = facts("The two leaders reaffirmed the strength of the alliance, which is the bedrock of peace in the region. "
                "The two sides agreed on the \u201cframework of a supply deal,\u201d as negotiators had struggled for weeks.")
    assert [a["text"] for a in out["agreements"]] == [
        "the strength of the alliance, which is the bedrock of peace in the region", "the \u201cframework of a supply deal"]


def test_countries_beyond_the_usual_summit_pairs_make_a_joint_subject():
    out = facts("Poland and Mongolia agreed to open direct flights between their capitals.",
                head="Warsaw, 4 June 2025\nPresident Andrzej Duda received his Mongolian counterpart on 4 June 2025.\n")
    assert [(a["verb"], a["text"]) for a in out["agreements"]] == [
        ("agreed", "open direct flights between their capitals")]


def test_a_relative_pronoun_is_the_subject_of_its_own_clause():
    out = facts("Ishiba and Albanese witnessed the signing of terms for a hydrogen taskforce, which will bring together engineers "
                "from both countries.")
    assert out["agreements"] == []


def test_one_leader_telling_what_both_countries_will_do_is_his_statement_not_an_agreement():
    out = facts("Prime Minister Albanese said the two countries will expand student exchanges next year.")
    assert out["agreements"] == []
    assert [(s["speaker"], s["mode"]) for s in out["statements"]] == [("Anthony Albanese", "reported")]


def test_a_group_subject_with_an_irregular_past_verb_is_not_the_subject_of_a_later_clause():
    out = facts("The two leaders held talks in Canberra, where Prime Minister Albanese said the partnership is "
                "rooted in shared values.")
    assert out["agreements"] == []
    kept = facts("The two leaders, who met in Canberra, reiterated their commitment to concluding a trade agreement.")
    assert [a["verb"] for a in kept["agreements"]] == ["confirmed"]


def test_a_joint_document_as_subject_of_a_verb_of_content_states_an_agreement():
    out = facts("The two leaders signed a joint declaration on maritime security. The main pillars of the joint "
                "declaration are to share radar data in real time and to hold annual naval exercises. The "
                "declaration also includes a hotline between the two coast guards.")
    assert [(a["verb"], a["text"]) for a in out["agreements"]] == [
        ("other", "share radar data in real time and to hold annual naval exercises"),
        ("other", "a hotline between the two coast guards")]


def test_a_verb_of_content_needs_a_document_and_its_role_is_not_its_content():
    out = facts("The two leaders signed a joint declaration on maritime security. The joint declaration is to serve "
                "as a guideline for the next decade. The leaders are to meet again in Tokyo.")
    assert [a["rule"] for a in out["agreements"] if "contents" in a["rule"]] == []


def test_a_named_official_the_people_data_does_not_know_speaks_by_the_title_written_with_the_name():
    out = facts("Australia has two research vessels in the strait, Deputy Secretary Maria Olsen said at a briefing. She also "
                "said that the two navies will train together. Olsen said the vessels would arrive in May.")
    got = [(s["speaker"], s["text"]) for s in out["statements"]]
    assert got == [("Maria Olsen", "Australia has two research vessels in the strait"),
                   ("Maria Olsen", "the two navies will train together"),
                   ("Maria Olsen", "the vessels would arrive in May")]


def test_an_official_named_before_an_appositive_title():
    out = facts("Tom Reyes, the presidential chief of staff for policy, said that the talks went well.")
    assert [(s["speaker"], s["text"]) for s in out["statements"]] == [("Tom Reyes", "the talks went well")]


def test_an_assertion_of_a_joint_statement_is_both_sides_shared_view():
    out = extract_text("Japan-Australia Joint Statement\nWe, the leaders of Japan and Australia, met in Tokyo on "
                       "3 March 2025.\n1. Maritime security and economic resilience are closely interlinked.\n"
                       "2. Disputes should be settled through dialogue, and we support the peaceful resolution of "
                       "differences.\n3. This is the fifth visit by an Australian leader.\n", "t.txt").to_dict()
    got = [(a["verb"], a["text"], a["rule"]) for a in out["agreements"]]
    assert ("shared_view", "Maritime security and economic resilience are closely interlinked",
            "kaidan.en.agreement.joint_assertion.v1") in got
    assert ("shared_view", "Disputes should be settled through dialogue", "kaidan.en.agreement.joint_assertion.v1") in got
    assert not any("fifth visit" in t for _, t, _ in got)


def test_an_assertion_in_news_is_not_an_agreement():
    out = extract_text("TOKYO, March 3 (Reuters) - Prime Minister Ishiba Shigeru met Prime Minister Anthony Albanese "
                       "on Monday.\nMaritime security and economic resilience are closely interlinked.\n",
                       "t.txt").to_dict()
    assert not any(a["rule"].startswith("kaidan.en.agreement.joint_assertion") for a in out["agreements"])


NEWS = "SYDNEY, March 3 (Reuters) - Prime Minister Anthony Albanese met Prime Minister Ishiba Shigeru on Monday.\n"


def test_a_quotation_paragraph_after_an_attributed_one_is_the_same_speakers():
    out = extract_text(NEWS + "“We are building a partnership for the next decade,” Mr Albanese declared at the press "
                       "conference.\n“This partnership makes both of our nations stronger and safer.”\n", "t.txt").to_dict()
    said = {(s["speaker"], s["text"]) for s in out["statements"] if s["mode"] == "direct"}
    assert ("Anthony Albanese", "This partnership makes both of our nations stronger and safer") in said


def test_a_quotation_left_open_runs_on_into_the_next_paragraph():
    out = extract_text(NEWS + "“Thank you for this welcome,” Mr Ishiba said.\n“Our two peoples share a long history."
                       "\n“We will write its next chapter together.”\n", "t.txt").to_dict()
    said = [(s["speaker"], s["text"]) for s in out["statements"] if s["mode"] == "direct"]
    assert ("Ishiba Shigeru", "Our two peoples share a long history. We will write its next chapter together.") in said
    assert not any(t == "We will write its next chapter together." for _, t in said)


def test_content_as_a_person_noted_is_that_persons_reported_statement():
    out = extract_text(NEWS + "The pact is modelled on earlier defence treaties, as Mr Albanese noted in his "
                       "remarks.\n", "t.txt").to_dict()
    assert [(s["speaker"], s["text"], s["mode"]) for s in out["statements"]] == [
        ("Anthony Albanese", "The pact is modelled on earlier defence treaties", "reported")]


def test_he_after_a_quotation_naming_someone_else_is_the_speaker_before():
    out = extract_text("SYDNEY, March 3 (Reuters) - Japan's Ishiba Shigeru arrived in Sydney on Monday.\n“I thank Prime "
                       "Minister Albanese for his hospitality today,” he said.\n", "t.txt").to_dict()
    assert ("Ishiba Shigeru", "I thank Prime Minister Albanese for his hospitality today") in {
        (s["speaker"], s["text"]) for s in out["statements"]}


def test_a_quotation_over_several_sentences_of_a_paragraph_is_one_statement():
    out = extract_text(NEWS + 'The minister briefed reporters. He said, "Both sides signed five accords today. '
                       'The leaders also opened a new consulate." Officials left soon after.\n'
                       '"Our trade is growing fast. Investment follows it", noted Mr Albanese.\n', "t.txt").to_dict()
    said = {(s["speaker"], s["text"]) for s in out["statements"] if s["mode"] == "direct"}
    assert ("Anthony Albanese", "Our trade is growing fast. Investment follows it") in said
    assert not any(s["text"].startswith('"') for s in out["statements"])


def test_a_korean_official_named_once_is_then_called_by_the_family_name():
    out = extract_text("SEOUL, March 3 (Yonhap) - President Lee Jae-myung met Prime Minister Ishiba Shigeru on "
                       "Monday.\nPark Min-soo, the presidential chief of staff, briefed reporters on the talks.\n"
                       "Park said in a briefing that the two sides will expand exchanges of students.\n",
                       "t.txt").to_dict()
    assert ("Park Min-soo", "the two sides will expand exchanges of students") in {
        (s["speaker"], s["text"]) for s in out["statements"]}


def test_in_a_leaders_own_readout_the_title_he_does_not_hold_is_the_counterparts():
    out = extract_text("Japan-Korea Summit Meeting\nOn August 23, 2025, Prime Minister Ishiba Shigeru held a summit "
                       "meeting with President Lee Jae-myung of the Republic of Korea in Tokyo.\nThe President stated "
                       "that the two countries are partners who should look to the future together.\n",
                       "t.txt").to_dict()
    assert [(s["speaker"], s["mode"]) for s in out["statements"]] == [("Lee Jae-myung", "reported")]


def test_a_curly_quotation_closed_by_a_straight_mark_in_a_later_sentence():
    out = extract_text(NEWS + "“Our ties have never been closer. We will keep building them,\" Mr Ishiba said.\n",
                       "t.txt").to_dict()
    assert ("Ishiba Shigeru", "Our ties have never been closer. We will keep building them") in {
        (s["speaker"], s["text"]) for s in out["statements"] if s["mode"] == "direct"}


def test_sir_and_a_given_name_is_the_knighted_event_leader():
    out = extract_text("LONDON, July 24 (Reuters) - Prime Minister Keir Starmer met Prime Minister Narendra Modi at "
                       "Chequers on Thursday.\nSir Keir said the agreement would create thousands of jobs in both "
                       "countries.\n", "t.txt").to_dict()
    assert [(s["speaker"], s["text"]) for s in out["statements"]] == [
        ("Keir Starmer", "the agreement would create thousands of jobs in both countries")]


def test_a_relative_clause_with_its_own_subject_answers_the_first_clause():
    out = extract_text(HEAD + "Prime Minister Ishiba announced a new programme of student exchanges, to which Prime "
                       "Minister Albanese expressed his appreciation.\n", "t.txt").to_dict()
    got = {(s["speaker"], s["text"]) for s in out["statements"]}
    assert ("Anthony Albanese", "his appreciation") in got
    assert not any("to which" in t for _, t in got)


@pytest.mark.parametrize("adjunct", ["on Thursday", "on Nov. 14", "today", "on Monday evening"])
def test_a_time_adjunct_after_the_verb_is_not_part_of_what_was_agreed_said_or_pledged(adjunct):
    facts = extract_text(f"November 14, 2024\nThe two leaders agreed {adjunct} to deepen security cooperation. "
                         f"Prime Minister Narendra Modi said {adjunct} that India welcomed investment in chips. "
                         f"Prime Minister Narendra Modi pledged {adjunct} to provide 500 million dollars for a metro line.",
                         "t.txt")
    assert [a.text for a in facts.agreements] == ["deepen security cooperation"]
    assert [s.text for s in facts.statements] == ["India welcomed investment in chips",
                                                  "provide 500 million dollars for a metro line"]
    assert [c.text for c in facts.commitments] == ["provide 500 million dollars for a metro line"]

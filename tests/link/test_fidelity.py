"""The telling checks: figures and attributions a translation keeps, on sentences in the
shape of real releases and of the other versions real pages hold (an abridged broadcast,
the speech a release reports)."""

from __future__ import annotations

from datetime import date

from mee_archive.link.features import chinese_text
from mee_archive.link.fidelity import chinese_telling, covered_chars, english_telling, retold
from mee_archive.link.numbers import chinese_dates_and_numbers

RELEASE = ("On the afternoon of May 15, 2017, Premier Li Keqiang met with UN Secretary-General António "
           "Guterres, who was in China for the Belt and Road Forum.\n\n"
           "Li Keqiang noted that China will make unremitting efforts for the implementation of the 2030 "
           "Agenda for Sustainable Development.\n\nAntónio Guterres said that the UN is willing to enhance "
           "cooperation with China.")


def _retold(english: str, chinese: str, published: date = date(2017, 5, 15)):
    text = chinese_text(chinese)
    return retold(english_telling(english, published), chinese_telling(text),
                  frozenset(chinese_dates_and_numbers(text)[1]))


def test_a_figure_the_english_states_and_the_candidate_never_does_is_missing() -> None:
    abridged = ("国务院总理李克强15日下午在人民大会堂会见来华出席“一带一路”国际合作高峰论坛的联合国秘书长古特雷斯。"
                "李克强表示，中国愿为促进世界和平稳定与发展繁荣作出不懈努力。古特雷斯表示，联合国愿同中国加强合作。") * 2
    original = abridged.replace("作出不懈努力", "落实2030年可持续发展议程作出不懈努力")
    assert _retold(RELEASE, abridged).missing_figures == ("2030",)
    assert _retold(RELEASE, original).missing_figures == ()


def test_the_publication_year_brackets_and_digits_in_words_are_not_figures_to_find() -> None:
    english = ("In 2016, the 13th Five-Year Plan (2016-2020) set PM2.5 targets of 35 μg/m3; CO2 fell, the "
               "G20 met on COVID-19 and the 2018-2020 plan covers 80 percent of 10,000 firms (2019-06-28).\n"
               "Updated 2017-06-28 15:30")
    telling = english_telling(english, date(2017, 3, 1))
    assert {figure for _, figure, _, _ in telling.figures} == {"13", "35", "80", "1e+04"}
    assert chinese_dates_and_numbers("“十三五”规划")[1] == {"13"} and chinese_dates_and_numbers("十四五期间")[1] == {"14"}
    assert {"80", "1e+04"} <= chinese_dates_and_numbers("近八成的上万家企业")[1]
    assert {"1e+12", "1e+06", "5000"} <= chinese_dates_and_numbers("超万亿元，近百万吨，约5千名")[1]
    assert english_telling("At about 9:30 am, 1" + "1" * 400 + " cases.", date(2017, 3, 1)).figures == ()


def test_rounded_figures_are_the_same_figure() -> None:
    english = "Fines of 142.45 million yuan were imposed on 1,593 enterprises."
    assert _retold(english, "立案处罚1593家，罚款14245.1万元。" * 40).missing_figures == ()
    assert _retold(english, "立案处罚1593家，罚款12245.1万元。" * 40).missing_figures == ("1.424e+08",)
    assert _retold("About 1.2 million people took part.", "约117.8万人参与。" * 40).missing_figures == ()
    assert _retold("About 1.2 million people took part.", "约110.8万人参与。" * 40).missing_figures == ("1.2e+06",)
    assert _retold("The 2030 Agenda.", "2035年议程。" * 40).missing_figures == ("2030",)


def test_only_the_english_a_candidate_could_cover_is_read() -> None:
    # A 40-character excerpt covers about 100 English characters: the 2030 is after them.
    excerpt = "国务院总理李克强15日下午在人民大会堂会见来华出席高峰论坛的联合国秘书长古特雷斯。"
    assert covered_chars(excerpt) < RELEASE.index("2030")
    assert _retold(RELEASE, excerpt).missing_figures == ()


def test_a_speech_transcript_attributes_nothing_a_report_of_it_does() -> None:
    english = ("On April 22, Vice Premier Zhang Gaoli attended the signing ceremony and delivered a speech.\n\n"
               "In his speech, Zhang Gaoli said that the agreement is a milestone.\n\n"
               "Zhang Gaoli pointed out that China played an active role.\n\nZhang Gaoli stressed that China "
               "honours its commitments.")
    speech = ("编辑：母曼晔 | 时间：2016-04-23 11:31:02 | 来源：新华网\n尊敬的秘书长，女士们，先生们：我作为中国国家主席习近平的特使，很高兴出席会议。《巴黎协定》是人类气候治理史上的"
              "里程碑。中国积极推动达成《巴黎协定》。中国是负责任的发展中大国，中国人民崇尚言必信、行必果。") * 2
    report = ("4月22日，国务院副总理张高丽出席签署仪式并发表讲话。张高丽表示，协定是里程碑。张高丽指出，中国发挥了积极作用。"
              "张高丽强调，中国言必信、行必果。") * 2
    transcript = "4月22日，签署仪式举行。\n刘友宾：协定是里程碑。\n记者：中国发挥了什么作用？\n" * 8
    quoted = ("4月22日，国务院副总理张高丽出席签署仪式。“协定是里程碑。”张高丽说。“中国发挥了积极作用。”他表示。"
              "他强调要言必信、行必果。") * 2
    assert not _retold(english, quoted, date(2016, 4, 27)).speech_untold
    assert _retold(english, speech, date(2016, 4, 27)).speech_untold
    assert not _retold(english, report, date(2016, 4, 27)).speech_untold
    assert not _retold(english, transcript, date(2016, 4, 27)).speech_untold


def test_a_broadcast_or_a_speech_addresses_its_audience_a_report_does_not() -> None:
    english = "On November 30 local time, President Xi Jinping attended the opening ceremony in Paris."
    broadcast = "各位观众，这里是位于法国首都巴黎北部的布尔热会展中心，当地时间11月30号上午，气候变化巴黎大会在这里开幕。" * 3
    report = "国家主席习近平30日在巴黎出席气候变化巴黎大会开幕式，并发表重要讲话。" * 3
    assert _retold(english, broadcast, date(2015, 11, 30)).audience_addressed
    assert not _retold(english, report, date(2015, 11, 30)).audience_addressed
    speech = "Ladies and gentlemen, dear friends, it gives me great pleasure to attend the conference in Paris."
    assert not _retold(speech, "女士们、先生们，朋友们：很高兴出席巴黎大会。" * 3, date(2015, 11, 30)).audience_addressed

"""Foreign visitors: heads of international bodies and ministers, in characters and in their spelling.

Chinese writes a Western name by its sounds (英格丽德·安德森, later just 安德森) and a Korean or
Japanese name in its own characters read the Chinese way (李慧珍 for Lee Hye-jin, 山田裕子 for
Yuko Yamada); the English prints the visitor's own spelling. Pinyin of the characters does not
give the English: a linker must know transliteration. The people are invented.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class Visitor:
    """A foreign official: full name and the short form later sentences use, in both scripts."""

    zh: str
    en: str
    short_zh: str
    short_en: str


@dataclass(frozen=True)
class Post:
    """An office a visitor holds: ``联合国环境规划署执行主任`` / ``Executive Director of UNEP``."""

    org_zh: str  # the body: 联合国环境规划署
    title_zh: str  # the office in it: 执行主任
    en: str
    holders: tuple[tuple[date, Visitor], ...]  # who holds it from which day

    @property
    def zh(self) -> str:
        return self.org_zh + self.title_zh

    def holder(self, day: date) -> Visitor:
        current = self.holders[0][1]
        for start, person in self.holders:
            if start <= day:
                current = person
        return current


def western(zh: str, en: str) -> Visitor:
    """A Western name: 名·姓 in Chinese, "Given Surname" in English; the surname alone later."""
    return Visitor(zh, en, zh.rsplit("·", 1)[-1], en.rsplit(" ", 1)[-1])


def east_asian(zh: str, en: str, surname_first: bool) -> Visitor:
    """A Korean (``Lee Hye-jin``) or Japanese (``Yuko Yamada``) name, written in characters in Chinese."""
    surname_zh = zh[:2] if len(zh) == 4 else zh[0]
    surname_en = en.split(" ")[0] if surname_first else en.split(" ")[-1]
    return Visitor(zh, en, surname_zh, surname_en)


def _post(zh: str, en: str, *holders: tuple[str, Visitor]) -> Post:
    """``zh`` is ``body|office``."""
    org, title = zh.split("|")
    return Post(org, title, en, tuple((date.fromisoformat(d), v) for d, v in holders))


POSTS: tuple[Post, ...] = (
    _post("联合国环境规划署|执行主任", "Executive Director of the UN Environment Programme",
          ("2000-01-01", western("英格丽德·安德森", "Ingrid Andersen")),
          ("2019-06-01", western("马蒂亚斯·霍夫曼", "Matthias Hoffmann"))),
    _post("联合国开发计划署|署长", "Administrator of the UN Development Programme",
          ("2000-01-01", western("奥拉夫·林奎斯特", "Olaf Lindqvist")),
          ("2021-03-01", western("阿曼达·布鲁克斯", "Amanda Brooks"))),
    _post("全球环境基金|首席执行官", "CEO of the Global Environment Facility",
          ("2000-01-01", western("卡洛斯·门多萨", "Carlos Mendoza")),
          ("2020-09-01", western("伊莎贝尔·莫罗", "Isabelle Moreau"))),
    _post("世界自然基金会|总干事", "Director General of WWF International",
          ("2000-01-01", western("玛丽亚·桑托斯", "Maria Santos"))),
    _post("亚洲开发银行|副行长", "Vice-President of the Asian Development Bank",
          ("2000-01-01", western("斯蒂芬·格雷厄姆", "Stephen Graham")),
          ("2018-10-01", east_asian("中村和也", "Kazuya Nakamura", surname_first=False))),
    _post("世界银行|副行长", "Vice President of the World Bank",
          ("2000-01-01", western("维克多·奥卡福", "Victor Okafor"))),
    _post("联合国气候变化框架公约秘书处|执行秘书", "Executive Secretary of the UNFCCC",
          ("2000-01-01", western("帕特里夏·鲁伊斯", "Patricia Ruiz")),
          ("2022-08-01", western("西蒙·韦斯特伍德", "Simon Westwood"))),
    _post("韩国环境部|长官", "Minister of Environment of the Republic of Korea",
          ("2000-01-01", east_asian("李慧珍", "Lee Hye-jin", surname_first=True)),
          ("2018-11-01", east_asian("朴成浩", "Park Sung-ho", surname_first=True)),
          ("2021-05-01", east_asian("郑美英", "Jung Mi-young", surname_first=True))),
    _post("日本环境省|大臣", "Minister of the Environment of Japan",
          ("2000-01-01", east_asian("山田裕子", "Yuko Yamada", surname_first=False)),
          ("2019-09-01", east_asian("铃木浩二", "Koji Suzuki", surname_first=False)),
          ("2022-01-01", east_asian("小林直树", "Naoki Kobayashi", surname_first=False))),
    _post("韩国环境部|次官", "Vice Minister of Environment of the Republic of Korea",
          ("2000-01-01", east_asian("韩在贤", "Han Jae-hyun", surname_first=True)),
          ("2020-02-01", east_asian("赵明淑", "Cho Myung-sook", surname_first=True))),
    _post("欧盟委员会环境总司|司长", "Director-General for Environment of the European Commission",
          ("2000-01-01", western("弗洛里安·施特劳斯", "Florian Strauss"))),
    _post("德国联邦环境部|国务秘书", "State Secretary of the German Federal Environment Ministry",
          ("2000-01-01", western("约阿希姆·施泰纳特", "Joachim Steinert"))),
)

"""Provinces, cities and partner countries with the names an English release gives them."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Province:
    """A provincial-level region: short name (河北), full name (河北省) and English name."""

    zh: str
    suffix: str  # "省", "市", "自治区"...
    en: str

    @property
    def zh_full(self) -> str:
        return self.zh + self.suffix


@dataclass(frozen=True)
class City:
    zh: str
    en: str
    province: str  # short Chinese name of its province


@dataclass(frozen=True)
class Country:
    """A partner country and the invented counterpart minister the ministry meets."""

    zh: str
    en: str
    title_zh: str
    title_en: str
    minister_zh: str
    minister_en: str


def _provinces(spec: str) -> tuple[Province, ...]:
    rows = (line.split("|") for line in spec.strip().splitlines())
    return tuple(Province(zh, suffix, en) for zh, suffix, en in rows)


PROVINCES = _provinces("""
北京|市|Beijing
天津|市|Tianjin
河北|省|Hebei
山西|省|Shanxi
内蒙古|自治区|Inner Mongolia
辽宁|省|Liaoning
吉林|省|Jilin
黑龙江|省|Heilongjiang
上海|市|Shanghai
江苏|省|Jiangsu
浙江|省|Zhejiang
安徽|省|Anhui
福建|省|Fujian
江西|省|Jiangxi
山东|省|Shandong
河南|省|Henan
湖北|省|Hubei
湖南|省|Hunan
广东|省|Guangdong
广西|壮族自治区|Guangxi
海南|省|Hainan
重庆|市|Chongqing
四川|省|Sichuan
贵州|省|Guizhou
云南|省|Yunnan
西藏|自治区|Tibet
陕西|省|Shaanxi
甘肃|省|Gansu
青海|省|Qinghai
宁夏|回族自治区|Ningxia
新疆|维吾尔自治区|Xinjiang
""")

CITIES = tuple(City(zh, en, prov) for zh, en, prov in (
    ("石家庄", "Shijiazhuang", "河北"), ("唐山", "Tangshan", "河北"), ("邯郸", "Handan", "河北"),
    ("保定", "Baoding", "河北"), ("邢台", "Xingtai", "河北"), ("太原", "Taiyuan", "山西"),
    ("临汾", "Linfen", "山西"), ("沈阳", "Shenyang", "辽宁"), ("大连", "Dalian", "辽宁"),
    ("长春", "Changchun", "吉林"), ("哈尔滨", "Harbin", "黑龙江"), ("南京", "Nanjing", "江苏"),
    ("苏州", "Suzhou", "江苏"), ("杭州", "Hangzhou", "浙江"), ("宁波", "Ningbo", "浙江"),
    ("丽水", "Lishui", "浙江"), ("合肥", "Hefei", "安徽"), ("黄山", "Huangshan", "安徽"),
    ("福州", "Fuzhou", "福建"), ("厦门", "Xiamen", "福建"), ("南昌", "Nanchang", "江西"),
    ("济南", "Jinan", "山东"), ("青岛", "Qingdao", "山东"), ("郑州", "Zhengzhou", "河南"),
    ("安阳", "Anyang", "河南"), ("武汉", "Wuhan", "湖北"), ("长沙", "Changsha", "湖南"),
    ("广州", "Guangzhou", "广东"), ("深圳", "Shenzhen", "广东"), ("南宁", "Nanning", "广西"),
    ("海口", "Haikou", "海南"), ("成都", "Chengdu", "四川"), ("贵阳", "Guiyang", "贵州"),
    ("昆明", "Kunming", "云南"), ("拉萨", "Lhasa", "西藏"), ("西安", "Xi'an", "陕西"),
    ("咸阳", "Xianyang", "陕西"), ("兰州", "Lanzhou", "甘肃"), ("西宁", "Xining", "青海"),
    ("银川", "Yinchuan", "宁夏"), ("乌鲁木齐", "Urumqi", "新疆"), ("呼和浩特", "Hohhot", "内蒙古"),
))

COUNTRIES = tuple(Country(*row) for row in (
    ("挪威", "Norway", "气候与环境大臣", "Minister of Climate and Environment", "卡丽·伦德", "Kari Lunde"),
    ("德国", "Germany", "环境部国务秘书", "State Secretary for the Environment", "马库斯·凯勒", "Markus Keller"),
    ("法国", "France", "生态转型部部长", "Minister for the Ecological Transition", "克莱尔·杜布瓦", "Claire Dubois"),
    ("日本", "Japan", "环境大臣", "Minister of the Environment", "佐藤健二", "Kenji Sato"),
    ("韩国", "the Republic of Korea", "环境部长官", "Minister of Environment", "朴敏智", "Park Min-ji"),
    ("芬兰", "Finland", "环境部长", "Minister of the Environment", "米科·维尔塔宁", "Mikko Virtanen"),
    ("荷兰", "the Netherlands", "基础设施与水管理大臣", "Minister of Infrastructure and Water Management", "扬·德弗里斯", "Jan de Vries"),
    ("英国", "the United Kingdom", "环境、食品和农村事务部国务大臣", "Minister of State for the Environment", "埃玛·克拉克", "Emma Clarke"),
    ("加拿大", "Canada", "环境与气候变化部部长", "Minister of Environment and Climate Change", "劳拉·贝内特", "Laura Bennett"),
    ("意大利", "Italy", "环境部部长", "Minister of the Environment", "马可·罗西", "Marco Rossi"),
    ("俄罗斯", "Russia", "自然资源与生态部部长", "Minister of Natural Resources and Environment", "伊万·彼得罗夫", "Ivan Petrov"),
    ("巴西", "Brazil", "环境部部长", "Minister of the Environment", "安娜·科斯塔", "Ana Costa"),
    ("新加坡", "Singapore", "可持续发展与环境部部长", "Minister for Sustainability and the Environment", "陈伟良", "Tan Wei Liang"),
    ("埃及", "Egypt", "环境部部长", "Minister of Environment", "阿米拉·法希姆", "Amira Fahim"),
    ("新西兰", "New Zealand", "环境部长", "Minister for the Environment", "汤姆·哈珀", "Tom Harper"),
    ("智利", "Chile", "环境部部长", "Minister of the Environment", "卡洛斯·维加", "Carlos Vega"),
    ("瑞典", "Sweden", "环境大臣", "Minister for the Environment", "安娜·林德贝里", "Anna Lindberg"),
    ("丹麦", "Denmark", "环境部部长", "Minister of Environment", "拉斯·尼尔森", "Lars Nielsen"),
    ("西班牙", "Spain", "生态转型部国务秘书", "Secretary of State for Environment", "哈维尔·莫雷诺", "Javier Moreno"),
    ("葡萄牙", "Portugal", "环境与气候行动部部长", "Minister of Environment and Climate Action", "若昂·席尔瓦", "Joao Silva"),
    ("希腊", "Greece", "环境与能源部副部长", "Deputy Minister of Environment and Energy", "尼科斯·帕帕斯", "Nikos Pappas"),
    ("波兰", "Poland", "气候与环境部部长", "Minister of Climate and Environment", "托马斯·诺瓦克", "Tomasz Nowak"),
    ("匈牙利", "Hungary", "农业部国务秘书", "State Secretary of the Ministry of Agriculture", "佐尔坦·纳吉", "Zoltan Nagy"),
    ("澳大利亚", "Australia", "环境部长", "Minister for the Environment", "萨拉·米切尔", "Sarah Mitchell"),
    ("墨西哥", "Mexico", "环境和自然资源部部长", "Secretary of Environment and Natural Resources", "玛丽亚·洛佩斯", "Maria Lopez"),
    ("阿根廷", "Argentina", "环境与可持续发展部部长", "Minister of Environment and Sustainable Development", "迭戈·费尔南德斯", "Diego Fernandez"),
    ("南非", "South Africa", "林业、渔业和环境部部长", "Minister of Forestry, Fisheries and the Environment", "塔博·恩科西", "Thabo Nkosi"),
    ("肯尼亚", "Kenya", "环境与林业部部长", "Cabinet Secretary for Environment and Forestry", "格雷丝·瓦姆布伊", "Grace Wambui"),
    ("越南", "Viet Nam", "自然资源与环境部部长", "Minister of Natural Resources and Environment", "阮文雄", "Nguyen Van Hung"),
    ("泰国", "Thailand", "自然资源与环境部部长", "Minister of Natural Resources and Environment", "颂猜·瓦塔纳", "Somchai Wattana"),
    ("蒙古国", "Mongolia", "环境与旅游部部长", "Minister of Environment and Tourism", "巴特尔·额尔登", "Baatar Erdene"),
    ("哈萨克斯坦", "Kazakhstan", "生态与自然资源部部长", "Minister of Ecology and Natural Resources", "阿斯兰·努尔兰", "Aslan Nurlan"),
    ("巴基斯坦", "Pakistan", "气候变化部部长", "Minister for Climate Change", "阿里·汗", "Ali Khan"),
    ("印度尼西亚", "Indonesia", "环境与林业部部长", "Minister of Environment and Forestry", "普特丽·桑蒂卡", "Putri Santika"),
))

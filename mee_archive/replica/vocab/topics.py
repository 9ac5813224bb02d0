"""Subjects the ministry's news talks about, each as a Chinese phrase and its English rendering.

The Chinese uses ordinary content words (大气, 土壤, 排放, 标准...) whose dictionary senses contain
the English word chosen, the way a human translator's choice usually overlaps a dictionary.
"""

from __future__ import annotations

from random import Random

Pair = tuple[str, str]

# Work areas: what meetings hear reports on, what campaigns and visits are about.
WORK_AREAS: tuple[Pair, ...] = (
    ("打赢蓝天保卫战", "winning the battle for blue skies"),
    ("黑臭水体治理", "the treatment of black and odorous water bodies"),
    ("长江保护修复", "the protection and restoration of the Yangtze River"),
    ("渤海综合治理", "the comprehensive treatment of the Bohai Sea"),
    ("柴油货车污染治理", "the control of pollution from diesel trucks"),
    ("饮用水水源地保护", "the protection of drinking water sources"),
    ("农业农村污染治理", "the control of agricultural and rural pollution"),
    ("固体废物进口管理制度改革", "the reform of the solid waste import system"),
    ("自然保护区监督检查", "the supervision and inspection of nature reserves"),
    ("排污许可制度改革", "the reform of the pollutant discharge permit system"),
    ("核与辐射安全监管", "nuclear and radiation safety regulation"),
    ("生态保护红线划定", "the delineation of ecological conservation red lines"),
    ("全国碳排放权交易市场建设", "the building of the national carbon emissions trading market"),
    ("应对气候变化", "the response to climate change"),
    ("臭氧层保护", "the protection of the ozone layer"),
    ("生物多样性保护", "biodiversity conservation"),
    ("土壤污染防治", "the prevention and control of soil pollution"),
    ("地下水污染防治", "the prevention and control of groundwater pollution"),
    ("海洋生态环境保护", "the protection of the marine environment"),
    ("环境影响评价改革", "the reform of environmental impact assessment"),
    ("生态环境监测网络建设", "the building of the eco-environmental monitoring network"),
    ("生态环境执法", "eco-environmental law enforcement"),
    ("危险废物专项整治", "the special rectification of hazardous waste"),
    ("挥发性有机物治理", "the control of volatile organic compounds"),
    ("重污染天气应对", "the response to heavy air pollution"),
    ("城市污水处理", "urban sewage treatment"),
    ("塑料污染治理", "the control of plastic pollution"),
    ("噪声污染防治", "the prevention and control of noise pollution"),
)

# Industries that emission standards and inspections name.
INDUSTRIES: tuple[Pair, ...] = (
    ("水泥", "Cement"), ("钢铁", "Iron and Steel"), ("玻璃", "Glass"), ("制药", "Pharmaceutical"),
    ("陶瓷", "Ceramics"), ("火电", "Thermal Power"), ("石油化学", "Petrochemical"),
    ("农药", "Pesticide"), ("电镀", "Electroplating"), ("造纸", "Paper"), ("纺织", "Textile"),
    ("铸造", "Foundry"), ("涂料", "Paint"), ("制糖", "Sugar"), ("煤炭", "Coal"),
)

POLLUTANTS: tuple[Pair, ...] = (("大气污染物", "Air Pollutants"), ("水污染物", "Water Pollutants"))

# Measures the ministry adopts: 《...》 in Chinese, "the ..." in English.
MEASURES: tuple[Pair, ...] = (
    ("排污许可管理办法", "Measures for the Administration of Pollutant Discharge Permits"),
    ("环境影响评价公众参与办法", "Measures for Public Participation in Environmental Impact Assessment"),
    ("生态环境标准管理办法", "Measures for the Administration of Eco-environmental Standards"),
    ("危险废物经营许可证管理办法", "Measures for the Administration of Hazardous Waste Business Licenses"),
    ("污染地块土壤环境管理办法", "Measures for the Soil Environment Management of Contaminated Sites"),
    ("农用地土壤环境管理办法", "Measures for the Soil Environment Management of Agricultural Land"),
    ("环境监测数据弄虚作假行为处理办法", "Measures for Handling the Falsification of Environmental Monitoring Data"),
    ("碳排放权交易管理办法", "Measures for the Administration of Carbon Emissions Trading"),
    ("生态环境行政处罚办法", "Measures for Eco-environmental Administrative Penalties"),
    ("突发环境事件应急管理办法", "Measures for the Emergency Management of Environmental Incidents"),
    ("新化学物质环境管理登记办法", "Measures for the Environmental Registration of New Chemical Substances"),
    ("固体废物进口管理办法", "Measures for the Administration of Solid Waste Imports"),
    ("生态环境损害赔偿管理规定", "Provisions on Compensation for Eco-environmental Damage"),
    ("核安全设备监督管理条例实施细则", "Implementing Rules of the Regulations on Nuclear Safety Equipment"),
    ("环境信息依法披露管理办法", "Measures for the Mandatory Disclosure of Environmental Information"),
    ("生态环境统计管理办法", "Measures for the Administration of Eco-environmental Statistics"),
)

PLANS: tuple[Pair, ...] = (
    ("打赢蓝天保卫战三年行动计划", "Three-year Action Plan for Winning the Battle for Blue Skies"),
    ("长江保护修复攻坚战行动计划", "Action Plan for the Protection and Restoration of the Yangtze River"),
    ("渤海综合治理攻坚战行动计划", "Action Plan for the Comprehensive Treatment of the Bohai Sea"),
    ("柴油货车污染治理攻坚战行动计划", "Action Plan for the Control of Pollution from Diesel Trucks"),
    ("农业农村污染治理攻坚战行动计划", "Action Plan for the Control of Agricultural and Rural Pollution"),
    ("重点行业挥发性有机物综合治理方案", "Plan for the Control of Volatile Organic Compounds in Key Industries"),
    ("地下水污染防治实施方案", "Implementation Plan for the Prevention and Control of Groundwater Pollution"),
    ("生态环境监测规划纲要", "Outline of the Eco-environmental Monitoring Plan"),
)

# Departments of the ministry: 司 in Chinese, "Department of ..." in English.
DEPARTMENTS: tuple[Pair, ...] = (
    ("大气环境司", "Department of Atmospheric Environment"),
    ("水生态环境司", "Department of Water Ecology and Environment"),
    ("土壤生态环境司", "Department of Soil Ecology and Environment"),
    ("固体废物与化学品司", "Department of Solid Waste and Chemicals"),
    ("应对气候变化司", "Department of Climate Change"),
    ("生态环境监测司", "Department of Eco-environmental Monitoring"),
    ("海洋生态环境司", "Department of Marine Ecology and Environment"),
    ("自然生态保护司", "Department of Nature and Ecology Conservation"),
    ("环境影响评价与排放管理司", "Department of Environmental Impact Assessment and Emission Management"),
    ("生态环境执法局", "Bureau of Eco-environmental Law Enforcement"),
    ("国际合作司", "Department of International Cooperation"),
    ("法规与标准司", "Department of Regulations and Standards"),
)

# Places a minister visits on a field trip.
SITES: tuple[Pair, ...] = (
    ("污水处理厂", "a sewage treatment plant"),
    ("工业园区", "an industrial park"),
    ("饮用水水源地", "a drinking water source"),
    ("危险废物处置中心", "a hazardous waste disposal center"),
    ("垃圾焚烧发电厂", "a waste incineration power plant"),
    ("空气质量监测站", "an air quality monitoring station"),
    ("湿地公园", "a wetland park"),
    ("自然保护区", "a nature reserve"),
    ("钢铁企业", "an iron and steel enterprise"),
    ("农村污水处理设施", "a rural sewage treatment facility"),
    ("入河排污口", "a sewage outlet into the river"),
    ("尾矿库", "a tailings pond"),
)

# Areas of bilateral cooperation.
COOPERATION: tuple[Pair, ...] = (
    ("应对气候变化", "climate change"),
    ("生物多样性保护", "biodiversity conservation"),
    ("海洋塑料垃圾治理", "marine plastic litter"),
    ("大气污染防治", "air pollution control"),
    ("水污染防治", "water pollution control"),
    ("土壤污染防治", "soil pollution control"),
    ("固体废物管理", "solid waste management"),
    ("化学品环境管理", "the environmental management of chemicals"),
    ("环境技术交流", "environmental technology exchange"),
    ("绿色低碳发展", "green and low-carbon development"),
)

# Regions of the air quality bulletins.
REGIONS: tuple[Pair, ...] = (
    ("京津冀及周边地区", "the Beijing-Tianjin-Hebei region and its surrounding areas"),
    ("长三角地区", "the Yangtze River Delta"),
    ("汾渭平原", "the Fenwei Plain"),
    ("珠三角地区", "the Pearl River Delta"),
    ("成渝地区", "the Chengdu-Chongqing region"),
)


def choose(rng: Random, table: tuple[Pair, ...], k: int = 1) -> list[Pair]:
    """``k`` distinct rows of a table."""
    return rng.sample(table, k)

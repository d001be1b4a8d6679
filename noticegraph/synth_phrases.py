"""Phrase pools for the synthetic corpus (synth.py): problems per type, measures, names, figures.

Contract: ``PROBLEMS[type_id]`` holds ``(cores, phrases)``: a *core* takes one of ``DEFECTS``
after it (落实意识形态工作责任制 + 不到位), a *phrase* stands alone; each may take one of
``QUALIFIERS`` in front. Every combination classifies (loaders/classify.py) to exactly its
type and nothing else: tests/test_synth.py holds that. ``MEASURES[type_id]`` are measure
sentences with ``{org}`` (the body's short name) that cite (执行/学习《…》) or issue
(制定/修订《…》) documents; ``GENERIC_MEASURES`` fit any type. The rest are name parts.
"""
from __future__ import annotations

DEFECTS = ("不到位", "存在薄弱环节", "不够严格", "有差距", "存在短板", "不够有力")
QUALIFIERS = ("", "", "部分单位", "个别部门", "有的科室")

PROBLEMS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "theory-study": (("理论中心组学习", "党的创新理论学习", "理论学习制度执行"),
                     ("理论联系实际不深入、学用脱节", "理论中心组学习制度不健全、从严治学不够")),
    "ideology": (("落实意识形态工作责任制", "意识形态工作责任制落实", "网络意识形态阵地管理"),
                 ("意识形态领域风险研判不及时",)),
    "decision-implementation": (("推进重点任务落实", "落实改革任务"),
                                ("推动深化改革主动性不强", "发展定位不清晰,战略目标不明确")),
    "new-development": (("践行新发展理念", "推动高质量发展"), ("产业集聚效应不明显,推动高质量发展有短板",)),
    "risk-prevention": (("防范化解重大风险", "政府隐性债务化解"), ("政府债务风险较高",)),
    "eco-environment": (("落实生态环境保护责任", "中央环保督察反馈问题整改"), ("环境保护意识薄弱",)),
    "land-resources": (("耕地保护", "土地集约利用"), ("违规出让土地", "批而未供土地处置缓慢")),
    "work-safety": (("安全生产隐患排查治理", "落实安全生产责任制"), ("隐患排查治理不到位",)),
    "business-environment": (("优化营商环境", "清理拖欠企业账款"), ("重招商轻兑现,营商环境建设亟待增强",)),
    "main-responsibility": (("履行全面从严治党主体责任", "落实一岗双责"),
                            ("管党治党意识不强,责任落实层层递减",)),
    "supervision-responsibility": (("派驻纪检监察组履行监督责任", "履行监督职责"), ()),
    "eight-rules": (("执行中央八项规定精神",),
                    ("违反中央八项规定精神问题屡禁不止", "违规发放津补贴", "超标准公务接待", "违规收送礼品礼金")),
    "formalism-bureaucratism": (("整治形式主义官僚主义",), ("文山会海问题依然存在", "督查检查考核过多过频")),
    "inaction": ((), ("责任意识不强,不担当不作为问题突出", "庸懒散拖、推诿扯皮现象仍然存在")),
    "integrity-risk": (("重点领域廉政风险防控", "关键岗位廉政风险排查"), ("重点领域存在较大廉政风险",)),
    "funds-assets": (("财务管理", "国有资产管理"), ("预算收支和核算不规范",)),
    "construction-bidding": (("工程项目招投标管理", "政府采购管理"), ("围标串标问题突出", "政府采购程序不规范")),
    "mass-interests": (("解决群众急难愁盼问题",), ("信访积案化解不力", "侵害群众利益问题整治力度不够")),
    "leadership-team": (("领导班子建设",), ("党组领导核心作用发挥不充分",)),
    "democratic-centralism": (("贯彻执行民主集中制", "三重一大决策制度执行"), ("决策不规范职责职能混淆",)),
    "party-political-life": (("民主生活会质量", "组织生活制度执行"), ("党内政治生活不严肃",)),
    "cadre-selection": (("执行干部选拔任用政策", "选人用人工作"), ("干部档案审核不严",)),
    "cadre-oversight": (("干部日常监督管理",), ("存在个人事项报告瞒报漏报情形",)),
    "grassroots-party": (("抓基层党建", "基层党组织标准化建设"), ("基层党组织软弱涣散",)),
    "member-recruitment": (("党员发展程序",), ("发展党员不规范",)),
    "member-management": (("教育管理监督党员职责落实",), ("党员组织关系应转未转",)),
    "inspection-rectification": (("落实巡视反馈意见", "巡察反馈问题整改"), ("巡视反馈问题整改不彻底",)),
    "audit-rectification": (("审计发现问题整改", "审计整改工作"), ()),
}

MEASURES: dict[str, tuple[str, ...]] = {
    "theory-study": ("制定《{org}理论学习中心组学习规则》,每月开展集中学习",
                     "认真学习《中国共产党党委(党组)理论学习中心组学习规则》,建立学习台账"),
    "ideology": ("修订《{org}意识形态工作责任制实施细则》,每半年专题研判一次",
                 "严格落实《党委(党组)意识形态工作责任制实施办法》,开展网络阵地排查"),
    "decision-implementation": ("制定《{org}重大决策部署落实工作方案》,建立督办台账",),
    "new-development": ("制定《{org}高质量发展三年行动方案》,明确年度目标",),
    "risk-prevention": ("制定《{org}债务风险化解方案》,逐笔落实化解措施",),
    "eco-environment": ("严格执行《中华人民共和国环境保护法》,完成问题点位整治",
                        "制定《{org}生态环境问题排查整治方案》,建立问题清单"),
    "land-resources": ("严格执行《中华人民共和国土地管理法》,清理批而未供土地",),
    "work-safety": ("认真贯彻《中华人民共和国安全生产法》,开展隐患排查",
                    "制定《{org}安全生产责任清单》,压实各方责任"),
    "business-environment": ("严格落实《优化营商环境条例》,清理拖欠账款",),
    "main-responsibility": ("制定《{org}落实全面从严治党主体责任清单》,逐项明确责任人",
                            "认真落实《中国共产党问责条例》,层层传导压力"),
    "supervision-responsibility": ("严格执行《中国共产党党内监督条例》,开展专项监督检查",),
    "eight-rules": ("严格执行《中共中央八项规定实施细则》,开展专项检查",
                    "认真落实《党政机关厉行节约反对浪费条例》,修订《{org}公务接待管理办法》"),
    "formalism-bureaucratism": ("制定《{org}精文简会实施办法》,压减会议文件",),
    "inaction": ("制定《{org}干部担当作为激励办法》,开展作风专项整治",),
    "integrity-risk": ("制定《{org}廉政风险防控手册》,排查风险点",),
    "funds-assets": ("修订《{org}财务管理制度》,规范预算收支",
                     "严格执行《行政事业性国有资产管理条例》,开展资产清查"),
    "construction-bidding": ("严格执行《中华人民共和国招标投标法》,规范招标程序",),
    "mass-interests": ("制定《{org}信访积案化解工作方案》,逐件销号",),
    "leadership-team": ("认真落实《中国共产党党组工作条例》,健全议事规则",),
    "democratic-centralism": ("修订《{org}三重一大事项集体决策实施办法》,规范决策程序",),
    "party-political-life": ("严格落实《县以上党和国家机关党员领导干部民主生活会若干规定》,开好民主生活会",),
    "cadre-selection": ("严格执行《党政领导干部选拔任用工作条例》,开展干部档案专项审核",),
    "cadre-oversight": ("严格执行《领导干部报告个人有关事项规定》,开展个人事项抽查",),
    "grassroots-party": ("严格执行《中国共产党支部工作条例(试行)》,建立支部工作台账",),
    "member-recruitment": ("组织学习《中国共产党发展党员工作细则》,逐一核查发展党员档案",),
    "member-management": ("认真学习《党章》,开展党员组织关系集中排查",),
    "inspection-rectification": ("认真落实《中国共产党巡视工作条例》,建立整改台账",),
    "audit-rectification": ("制定《{org}审计整改工作办法》,逐项对账销号",),
}
GENERIC_MEASURES = (
    "严格执行《中国共产党纪律处分条例》,对相关责任人进行批评教育",
    "认真学习《中国共产党章程》,召开专题会议研究整改",
    "建立长效机制,定期开展督导检查",
    "举一反三,对同类问题开展全面排查",
)

PLACE_HEADS = "东西南北中青白金云安长永新平宁清丰德兴泰"
PLACE_TAILS = "山湖岭川原阳河江林峰桥溪塘城港宁和兴丰"
PLACE_KINDS = (("县", "县委"), ("区", "区委"), ("市", "市委"))
DEPARTMENTS = (
    "交通运输局", "财政局", "教育局", "卫生健康局", "自然资源局", "生态环境局", "住房和城乡建设局",
    "农业农村局", "水利局", "商务局", "文化和旅游局", "市场监督管理局", "应急管理局", "统计局",
    "民政局", "司法局", "人力资源和社会保障局", "审计局", "医疗保障局", "林业局",
)
SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗"
GIVEN = "建国志强明华伟军海波丽红平安文斌晓东"
TEAM_NUMBERS = "一二三四五六"
CATEGORY_HEADINGS = {
    "decisions": "贯彻落实党中央决策部署方面",
    "strict-governance": "全面从严治党方面",
    "organisational-line": "落实新时代党的组织路线方面",
    "rectification": "整改落实方面",
}

"""The problem-type scheme and the classifier, held against real notice phrasing."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from rdflib import Graph
from rdflib.namespace import SKOS

from noticegraph.loaders.classify import TypeMatch, broader_closure, classify, prepare
from noticegraph.loaders.taxonomy import (
    DEFAULT_PATH, SCHEME, TREE_END, TREE_START, load_taxonomy, render_tree,
)

ROOT = Path(__file__).resolve().parents[1]
ACCEPTANCE = ROOT / "tests" / "acceptance"
TAX = load_taxonomy()

TOP_CONCEPTS = {
    "decisions": "落实党中央决策部署",
    "strict-governance": "全面从严治党",
    "organisational-line": "新时代党的组织路线",
    "rectification": "巡视整改",
}
REQUIRED_LABELS = [
    "违反中央八项规定精神", "四风", "形式主义官僚主义", "意识形态工作责任制", "主体责任", "监督责任",
    "民主集中制", "选人用人", "干部监督管理", "基层党组织建设", "党员发展", "理论学习", "廉政风险",
    "资金资产管理", "工程建设与招投标", "土地资源管理", "生态环境保护", "安全生产", "营商环境", "群众利益",
    "巡视巡察整改不到位", "审计整改不到位", "新发展理念与高质量发展", "风险防范",
]

# (phrase, expected concept): problem headings, category headings and measure sentences of
# the two sample notices (data/samples), and typical central/provincial feedback phrasing.
POSITIVES = [
    ("高效推动上级决策部署在新区落地生根", "decisions"),
    ("贯彻党的路线方针政策不到位", "decisions"),
    ("践行“两个坚决维护”作为主线", "political-building"),
    ("政治站位不高", "political-building"),
    ("贯彻习近平总书记“两先区”建设指示精神有差距", "speeches-instructions"),
    ("学习贯彻落实习近平总书记重要讲话和指示精神存在落差", "speeches-instructions"),
    ("落实思想建党要求不到位,理论学习不扎实", "theory-study"),
    ("理论中心组学习制度不健全、从严治学不够", "theory-study"),
    ("理论联系实际不深入、学用脱节", "theory-study"),
    ("意识形态工作责任制落实不到位", "ideology"),
    ("网络意识形态阵地管理不严", "ideology"),
    ("落实中央、省市委决策部署不深入", "decision-implementation"),
    ("落实国务院、省市及金普新区对普湾经济区发展定位不够坚决,园区发展战略目标不明晰", "decision-implementation"),
    ("推动园区深化改革主动性不强", "decision-implementation"),
    ("践行新发展理念不全面,经济发展尚未形成先发优势", "new-development"),
    ("构建高水平现代化平台进展不快", "new-development"),
    ("供给侧结构性改革不到位,开发效益不高", "new-development"),
    ("推进三大攻坚战不扎实", "three-battles"),
    ("贯彻落实稳中求进工作总基调不到位,缺乏防范风险意识", "risk-prevention"),
    ("政府债务风险较高", "risk-prevention"),
    ("隐性债务化解不力", "risk-prevention"),
    ("切实加强山海协作工作", "rural-revitalisation"),
    ("乡村振兴战略落实不到位", "rural-revitalisation"),
    ("落实中央环保督察整改不及时,环境保护意识薄弱", "eco-environment"),
    ("统筹抓好生态保护与经济发展", "eco-environment"),
    ("三个省级开发区未完成总体规划环境影响评价", "eco-environment"),
    ("违规出让土地", "land-resources"),
    ("耕地保护不力", "land-resources"),
    ("狠抓土地集约利用", "land-resources"),
    ("对批而未供土地中搁置的前期招商签约地块", "land-resources"),
    ("关于林地被违规占用问题", "land-resources"),
    ("关于两起安全生产事故", "work-safety"),
    ("隐患排查治理不到位", "work-safety"),
    ("重招商轻兑现,营商环境建设亟待增强", "business-environment"),
    ("拖欠企业账款", "business-environment"),
    ("拖欠民营企业中小企业账款清理不彻底", "business-environment"),
    ("落实全面从严治党要求不到位", "strict-governance"),
    ("全面从严治党向基层延伸不够", "strict-governance"),
    ("管党治党意识不强,制度建设有缺失", "main-responsibility"),
    ("领导干部履行‘一岗双责’意识不强", "main-responsibility"),
    ("监督考核机制不健全,责任落实层层递减", "main-responsibility"),
    ("履行全面从严治党主体责任不到位", "main-responsibility"),
    ("派驻纪检监察组履行监督责任有缺位", "supervision-responsibility"),
    ("履行监督职责有缺失", "supervision-responsibility"),
    ("纪律建设薄弱,一把手违纪问题突出", "leader-oversight"),
    ("对“一把手”监督不力", "leader-oversight"),
    ("纪律建设薄弱,一把手违纪问题突出", "discipline-building"),
    ("日常监督不严格,警示教育作用发挥不够", "discipline-building"),
    ("反腐败斗争形势依然严峻", "discipline-building"),
    ("净化和修复政治生态任务艰巨", "political-ecology"),
    ("好人主义盛行", "political-ecology"),
    ("推进干部作风转变不到位", "work-style"),
    ("持续加大对“四风”问题查处力度", "four-winds"),
    ("享乐主义和奢靡之风反弹回潮", "four-winds"),
    ("违反中央八项规定精神问题屡禁不止", "eight-rules"),
    ("执行中央八项规定精神不够严格", "eight-rules"),
    ("违规收送礼品礼金", "eight-rules"),
    ("超标准公务接待", "eight-rules"),
    ("违规发放津补贴", "eight-rules"),
    ("严肃处置违规发放津补贴", "eight-rules"),
    ("违规购置和使用公务加油卡问题", "eight-rules"),
    ("公务卡管理不严格问题", "eight-rules"),
    ("形式主义、官僚主义整治不彻底,虚报浮夸问题仍然存在", "formalism-bureaucratism"),
    ("文山会海问题依然存在", "formalism-bureaucratism"),
    ("督查检查考核过多过频", "formalism-bureaucratism"),
    ("责任意识不强,不担当不作为问题突出", "inaction"),
    ("庸懒散拖、推诿扯皮", "inaction"),
    ("重点领域存在较大廉政风险", "integrity-risk"),
    ("制度建设有缺失,关键岗位存在廉政风险", "integrity-risk"),
    ("财政管理制度有待完善,预算收支和核算不规范,未制定国有资本收益上缴办法", "funds-assets"),
    ("出台新区预算单位银行账户和公款存放管理暂行办法", "funds-assets"),
    ("国有资产流失", "funds-assets"),
    ("规范工程领域招标管理", "construction-bidding"),
    ("围标串标问题突出", "construction-bidding"),
    ("政府采购程序不规范", "construction-bidding"),
    ("以人民为中心的发展思想不牢固,推动解决侵害群众利益问题力度不够", "mass-interests"),
    ("失地农民回迁难,回迁农民办证难", "mass-interests"),
    ("信访积案化解不力", "mass-interests"),
    ("落实新时代党的组织路线有差距", "organisational-line"),
    ("领导班子建设不够有力", "leadership-team"),
    ("党组领导核心作用发挥不充分", "leadership-team"),
    ("三重一大决策制度执行不严格", "democratic-centralism"),
    ("决策不规范职责职能混淆", "democratic-centralism"),
    ("民主集中制贯彻执行不到位", "democratic-centralism"),
    ("民主生活会质量不高", "party-political-life"),
    ("组织生活制度执行不严格", "party-political-life"),
    ("党内政治生活不严肃", "party-political-life"),
    ("干部档案审核不严", "cadre-selection"),
    ("带病提拔", "cadre-selection"),
    ("执行干部选拔任用政策不严格", "cadre-selection"),
    ("选人用人和干部队伍建设问题较多", "cadre-selection"),
    ("干部日常监督管理不严格", "cadre-oversight"),
    ("存在个人事项报告瞒报漏报情形", "cadre-oversight"),
    ("开展干部违规兼职专项整治", "cadre-oversight"),
    ("落实人才战略有缺失,激励干部担当作为不够", "talent"),
    ("聚力打造人才集聚强磁场", "talent"),
    ("基层党组织软弱涣散", "grassroots-party"),
    ("抓基层党建不严不实", "grassroots-party"),
    ("党建工作较为薄弱", "grassroots-party"),
    ("党建工作责任制落实不到位", "grassroots-party"),
    ("发展党员不规范", "member-recruitment"),
    ("党员发展程序不规范", "member-recruitment"),
    ("教育管理监督党员职责落实不到位", "member-management"),
    ("两新组织党员组织关系应转未转", "member-management"),
    ("整改落实不到位", "rectification"),
    ("巡视反馈问题整改不彻底", "inspection-rectification"),
    ("落实中央巡视反馈意见不到位", "inspection-rectification"),
    ("常态化整改工作落实不到位", "inspection-rectification"),
    ("落实整改主体责任不深入", "inspection-rectification"),
    ("审计发现问题整改不到位", "audit-rectification"),
    ("审计整改不深入", "audit-rectification"),
    ("对宁波市委、市审计部门巡察、审计指出的问题整改不到位", "audit-rectification"),
    ("主题教育检视问题的整改存在不够严实现象", "theme-education-rectification"),
]

# (phrase, concept that must NOT be assigned): the false friends the exclude terms handle.
NEGATIVES = [
    ("履行振兴发展主体责任不到位", "main-responsibility"),
    ("落实整改主体责任不深入", "main-responsibility"),
    ("安全生产主体责任落实不到位", "main-responsibility"),
    ("明确新区党工委书记为意识形态工作第一责任人", "main-responsibility"),
    ("中央环保督察反馈问题整改不到位", "inspection-rectification"),
    ("干部日常监督管理不严格", "supervision-responsibility"),
    ("干部日常监督管理不严格", "cadre-selection"),
    ("党员干部纪律意识淡薄", "cadre-selection"),
    ("重点领域存在较大廉政风险", "risk-prevention"),
    ("激励干部担当作为不够", "inaction"),
    ("超职数配备干部", "eight-rules"),
    ("发挥内审监督作用", "audit-rectification"),
    ("落实人才战略有缺失,激励干部担当作为不够", "inaction"),
]

# The 54 problems of the two sample notices and the type each must get.
SAMPLE_000 = [
    "decision-implementation", "new-development", "new-development", "new-development",
    "new-development", "eco-environment", "theory-study", "theory-study",
    "decision-implementation", "democratic-centralism", "decision-implementation",
    "political-ecology", "ideology", "main-responsibility", "main-responsibility",
    "main-responsibility", "supervision-responsibility", "discipline-building",
    "discipline-building", "integrity-risk", "mass-interests", "mass-interests", "inaction",
    "business-environment", "formalism-bureaucratism", "eight-rules", "party-political-life",
    "party-political-life", "grassroots-party", "member-management", "member-recruitment",
    "democratic-centralism", "cadre-selection", "cadre-oversight", "talent",
    "inspection-rectification", "inspection-rectification", "theme-education-rectification",
    "audit-rectification", "inspection-rectification",
]
SAMPLE_003 = [
    ("学习贯彻落实习近平总书记重要讲话和指示精神存在落差", "speeches-instructions"),
    ("构建高水平现代化平台进展不快", "new-development"),
    ("践行新发展理念、推动高质量发展存在短板", "new-development"),
    ("推进三大攻坚战不扎实", "three-battles"),
    ("落实意识形态工作责任制存在薄弱环节", "ideology"),
    ("履行全面从严治党主体责任不到位", "main-responsibility"),
    ("派驻纪检监察组履行监督责任有缺位", "supervision-responsibility"),
    ("执行中央八项规定精神不够严格", "eight-rules"),
    ("重点领域存在较大廉政风险", "integrity-risk"),
    ("领导班子建设不够有力", "leadership-team"),
    ("选人用人和干部队伍建设问题较多", "cadre-selection"),
    ("党建工作较为薄弱", "grassroots-party"),
    ("主题教育检视问题的整改存在不够严实现象", "theme-education-rectification"),
    ("对宁波市委、市审计部门巡察、审计指出的问题整改不到位", "audit-rectification"),
]


def ids(matches: list[TypeMatch]) -> list[str]:
    return [m.concept_id for m in matches]


# --- the scheme ---------------------------------------------------------------------------------

def test_scheme_has_enough_concepts_and_a_version():
    assert len(TAX) >= 30
    assert TAX.version


@pytest.mark.parametrize("concept", list(TAX), ids=lambda c: c.id)
def test_every_concept_is_fully_described(concept):
    assert concept.label_zh and re.search(r"[\u4e00-\u9fff]", concept.label_zh)
    assert concept.label_en and concept.label_en.isascii()
    assert concept.scope_note
    assert concept.alt_labels
    assert concept.evidence_rules, "a concept needs at least one include/weak/pattern rule"
    for rule in concept.rules:
        if rule.kind == "pattern":
            re.compile(rule.value)
            assert "\\" not in rule.value


def test_four_top_concepts_are_the_feedback_headings():
    assert {c.id: c.label_zh for c in TAX.top_concepts()} == TOP_CONCEPTS
    graph = Graph().parse(DEFAULT_PATH, format="turtle")
    declared = {str(o).rsplit("/", 1)[-1] for o in graph.objects(SCHEME, SKOS.hasTopConcept)}
    marked = {str(s).rsplit("/", 1)[-1] for s in graph.subjects(SKOS.topConceptOf, SCHEME)}
    assert declared == marked == set(TOP_CONCEPTS)


def test_required_concepts_exist():
    labels = {c.label_zh for c in TAX} | {a for c in TAX for a in c.alt_labels}
    assert [label for label in REQUIRED_LABELS if label not in labels] == []


def test_notation_follows_the_hierarchy():
    for concept in TAX:
        if concept.broader:
            (parent,) = concept.broader
            assert concept.notation.startswith(TAX[parent].notation + ".")
        assert concept.notation.count(".") == len(TAX.ancestors(concept.id))


def test_lookups():
    assert TAX.ancestors("eight-rules") == ["four-winds", "work-style", "strict-governance"]
    assert "eight-rules" in [c.id for c in TAX.children("four-winds")]
    assert "member-recruitment" in TAX.descendants("organisational-line")
    assert TAX.get("nope") is None
    assert load_taxonomy() is TAX


# --- the rule table -----------------------------------------------------------------------------

def test_rule_table_covers_every_concept():
    assert {c.id for c in TAX} - {cid for _, cid in POSITIVES} == set()


@pytest.mark.parametrize("phrase,expected", POSITIVES)
def test_positive_phrase(phrase, expected):
    matches = classify(phrase)
    assert expected in ids(matches), matches
    for match in matches:
        assert 0 < match.score <= 1
        assert all(term in prepare(phrase) for term in match.terms)


@pytest.mark.parametrize("phrase,unexpected", NEGATIVES)
def test_negative_phrase(phrase, unexpected):
    assert unexpected not in ids(classify(phrase))


def test_unrelated_text_gets_no_type():
    assert classify("天气晴朗,气温适宜") == []
    assert classify("") == []


# --- the sample problems ------------------------------------------------------------------------

def gold_problems(name: str) -> list[dict]:
    """The gold problems of a sample; a missing gold file fails the test (never a skip)."""
    return json.loads((ACCEPTANCE / f"{name}.gold.json").read_text(encoding="utf-8"))["problems"]


@pytest.mark.parametrize("text,expected", SAMPLE_003)
def test_sample_003_problem(text, expected):
    assert expected in ids(classify(text))


def test_sample_000_problems_with_their_headings():
    problems = gold_problems("000_00de51ecc004529a")
    assert len(problems) == len(SAMPLE_000)
    for problem, expected in zip(problems, SAMPLE_000):
        context = [problem["category"], problem["subcategory"]]
        assert expected in ids(classify(problem["text"], context)), problem["text"]


def test_every_sample_problem_is_typed():
    problems = gold_problems("000_00de51ecc004529a") + gold_problems("003_018ca7894cc5aeb7")
    typed = [p for p in problems if classify(p["text"], [p.get("category") or "",
                                                          p.get("subcategory") or ""])]
    assert len(problems) == 54
    assert len(typed) / len(problems) >= 0.95
    assert len(typed) == 54


# --- scoring and context ------------------------------------------------------------------------

def test_vague_text_takes_its_type_from_the_heading():
    (match,) = classify("制度建设有缺失", context="主体责任落实不到位")
    assert match.concept_id == "main-responsibility"
    assert match.terms == () and match.context_terms == ("主体责任",)
    assert 0 < match.score < 0.6


def test_heading_does_not_add_types_to_a_clear_problem():
    matches = classify("失地农民回迁难,回迁农民办证难",
                       ["落实全面从严治党主体责任不到位", "推动解决侵害群众利益问题力度不够"])
    assert ids(matches) == ["mass-interests"]
    assert matches[0].context_terms == ("群众利益",)


def test_heading_reinforces_the_text():
    alone = classify("领导干部履行‘一岗双责’意识不强")[0]
    headed = classify("领导干部履行‘一岗双责’意识不强", "主体责任落实不到位")[0]
    assert alone.concept_id == headed.concept_id == "main-responsibility"
    assert headed.score > alone.score


def test_results_are_most_specific_and_ordered():
    matches = classify("推进干部作风转变不到位,违反中央八项规定精神和“四风”问题仍然存在")
    assert ids(matches) == ["eight-rules"]  # four-winds and work-style are its ancestors
    assert set(broader_closure(matches)) >= {"four-winds", "work-style"}
    matches = classify("纪律建设薄弱,一把手违纪问题突出")
    assert [m.score for m in matches] == sorted((m.score for m in matches), reverse=True)


def test_weak_term_does_not_stand_beside_a_strong_one():
    assert ids(classify("供给侧结构性改革不到位")) == ["new-development"]


def test_classification_is_deterministic():
    text = "对宁波市委、市审计部门巡察、审计指出的问题整改不到位"
    assert classify(text) == classify(text)


def test_broader_closure_rolls_up_to_the_top_headings():
    closure = broader_closure(classify("违规收送礼品礼金"))
    assert set(closure) == {"eight-rules", "four-winds", "work-style", "strict-governance"}
    assert closure["strict-governance"] == closure["eight-rules"]
    assert broader_closure(["audit-rectification"]) == {"audit-rectification": 1.0,
                                                        "rectification": 1.0}


# --- the documentation --------------------------------------------------------------------------

def test_docs_tree_is_in_sync():
    doc = (ROOT / "docs" / "taxonomy.md").read_text(encoding="utf-8")
    block = doc[doc.index(TREE_START) + len(TREE_START): doc.index(TREE_END)]
    assert block.strip() == render_tree(TAX).strip(), \
        "regenerate with: python -m noticegraph.loaders.taxonomy docs/taxonomy.md"

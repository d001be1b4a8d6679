"""Regulation titles: canonical form, identity key, kind, issuing level, revision and period.

The titles are the ones in 《》 in the two sample notices (data/samples/*.txt), as written.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from noticegraph.loaders.regulations import (
    canonical_title, describe, issuing_level, period, regulation_key, regulation_kind,
    revision_year,
)

SAMPLES = Path(__file__).resolve().parents[1] / "data" / "samples"

# (title as in the sample, kind, issuing level)
SAMPLE_TITLES = [
    ("《中国共产党章程》", "party_regulation", "central"),
    ("《中国共产党纪律处分条例》", "party_regulation", "central"),
    ("《中国共产党问责条例》", "party_regulation", "central"),
    ("《中国共产党重大事项请示报告条例》", "party_regulation", "central"),
    ("《中国共产党发展党员工作细则》", "party_regulation", "central"),
    ("《中国共产党支部工作条例(试行)》", "party_regulation", "central"),
    ("《中国共产党党委(党组)理论学习中心组学习规则》", "party_regulation", "central"),
    ("《中共中央政治局关于加强和维护党中央集中统一领导的若干规定》", "party_regulation", "central"),
    ("《县以上和国家机关党员领导干部民主生活会若干规定》", "party_regulation", None),
    ("《中共中央关于加强党的政治建设的意见》", "opinion", "central"),
    ("《中华人民共和国统计法》", "law", "central"),
    ("《关于推进全省经济开发区高质量发展的实施意见》", "opinion", "provincial"),
    ("《大连市深化园区改革方案》", "plan", "city"),
    ("《大连市城镇体系规划﹙2018-2035年﹚》", "plan", "city"),
    ("《大连市党政机关国内公务接待管理办法》", "regulation", "city"),
    ("《大连市企业国有资本收益收取管理暂行办法》", "regulation", "city"),
    ("《大连市市本级国有资本经营预算管理暂行办法》", "regulation", "city"),
    ("《大连2049城市愿景规划》", "plan", None),
    ("《大连港普湾港区总体规划》", "plan", "local"),
    ("《大连松木岛化工产业开发区供热专项规划》", "plan", "local"),
    ("《松木岛市政专题研究》", "report", None),
    ("《普湾经济区党工委理论学习中心组学习规则》", "regulation", "local"),
    ("《普湾经济区党工委理论学习中心组2020年度学习计划》", "plan", "local"),
    ("《普湾经济区项目服务年行动方案》", "plan", "local"),
    ("《普湾经济区网络舆情响应机制及应急预案》", "plan", "local"),
    ("《普湾经济区安委会成员单位安全生产工作职责》", "regulation", "local"),
    ("《普湾经济区机关和直属单位党委工作例会制度》", "regulation", "local"),
    ("《普湾经济区财政局财务管理制度暂行办法》", "regulation", "local"),
    ("《普湾经济区党支部日常工作一览表》", "other", "local"),
    ("《关于成立大连普湾经济区党风廉政建设工作领导小组的通知》", "notice", None),
    ("《关于加强公务卡结算工作的通知》", "notice", None),
    ("《关于履行全面从严治党主体责任实施细则》", "regulation", None),
    ("《关于加强党风廉政建设责任制工作的实施意见》", "opinion", None),
    ("《关于查找“四个短板”、落实“六项重点工作”调查报告》", "report", None),
    ("《国有土地使用权出让合同》", "contract", None),
    ("《产业项目国有土地使用权出让补充合同》", "contract", None),
    ("《国有资产文件汇编》", "other", None),
    ("《填报提示单》", "other", None),
    ("《加强公务接待管理规范》", "regulation", None),
    ("《宁波前湾新区产业发展规划(2021-2025)》", "plan", "local"),
    ("《宁波前湾新区党工委三年巡察工作实施方案(2022—2024)》", "plan", "local"),
    ("《宁波前湾新区国土空间规划深化项目总报告》", "report", "local"),
    ("《宁波前湾沪浙合作发展区2021年工作方案》", "plan", "local"),
    ("《前湾新区创新型产业(M0)用地管理办法(试行)》", "regulation", "local"),
    ("《新区产业项目全生命周期服务监管的指导意见(试行)》", "opinion", "local"),
    ("《新区服务业高质量发展倍增行动方案(2021-2025年)》", "plan", "local"),
    ("《新区十四五制造业高质量发展规划》", "plan", "local"),
    ("《新区推进信访重点领域(1+X)整治工作指导意见》", "opinion", "local"),
    ("《新区接轨上海工作情况评估报告》", "report", "local"),
    ("《新区商业服务设施专项规划研究》", "report", "local"),
    ("《新区公共服务设施研究专题》", "report", "local"),
    ("《新区公务用车管理规范》", "regulation", "local"),
    ("《新区党工委、管委会议事规则》", "regulation", "local"),
    ("《新区党工委班子成员落实一岗双责责任清单》", "regulation", "local"),
    ("《新区落实三重一大集体决策制度实施办法》", "regulation", "local"),
    ("《新区党的规范性文件管理办法》", "regulation", "local"),
    ("《新区完善学习制度规定》", "regulation", "local"),
    ("《新区第三产业发展现状和提升途径》", "other", "local"),
    ("《实施强基聚能工程 高水平推进前湾党建工作的意见》", "opinion", None),
    ("《关于支持企业优化股权结构推动企业加快上市》", "other", None),
    ("《政府投资项目申报流程及相关要求》", "regulation", None),
    ("《关于做好疫情防控期间安全生产工作的通知》", "notice", None),
    ("《关于健全完善“三册两簿三台账”的通知》", "notice", None),
    ("《关于成立大连普湾经济区党的建设和全面从严治党工作领导小组的通知》", "notice", None),
    ("《关于加快发展夜间经济实施方案》", "plan", None),
    ("《关于大力推进文化和旅游高质量发展的实施意见(2022-2025)》", "opinion", None),
    ("《关于高质量发展商贸服务业的实施意见》", "opinion", None),
    ("《前湾中央大街商业服务地块城市设计》", "plan", None),
    ("《前湾新区行动规划》", "plan", "local"),
    ("《新区众创园城市设计》", "plan", "local"),
    ("《新区信访代办工作实施方案》", "plan", "local"),
    ("《新区党工委巡察工作实施办法》", "regulation", "local"),
    ("《新区党工委理论学习中心组学习实施细则》", "regulation", "local"),
    ("《新区党工委管委会重大决策事项公众参与和专家论证工作规定》", "regulation", "local"),
    ("《新区干部政治能力、专业能力双提升工程实施方案》", "plan", "local"),
    ("《新区意识形态阵地管理办法》", "regulation", "local"),
    ("《新区政府投资项目概算协审单位考评管理办法》", "regulation", "local"),
    ("《新区文化设施布局研究》", "report", "local"),
    ("《新区贯彻落实意识形态工作责任制考核细则》", "regulation", "local"),
    ("《新区预算单位银行账户和公款存放管理暂行办法》", "regulation", "local"),
    ("《普湾经济区关于加强干部日常监督管理专项整治方案》", "plan", "local"),
    ("《普湾经济区基层党组织换届提醒督促制度》", "regulation", "local"),
    ("《普湾经济区安全生产集中整治工作实施方案》", "plan", "local"),
    ("《普湾经济区法定机构改革实施方案》", "plan", "local"),
    ("《进一步建立健全新区环境污染问题发现机制的实施办法》", "regulation", "local"),
]

# Typical titles beyond the samples: (title, kind, level)
OTHER_TITLES = [
    ("中共浙江省委关于加强巡察工作的决定", "opinion", "provincial"),
    ("浙江省预算审查监督条例", "regulation", "provincial"),
    ("上海市城市更新条例", "regulation", "provincial"),
    ("广西壮族自治区公务接待管理办法", "regulation", "provincial"),
    ("吉林市城市总体规划", "plan", "city"),
    ("中共大连市委关于加强干部监督的意见", "opinion", "city"),
    ("大连市金州区农村集体资产管理办法", "regulation", "local"),
    ("财政部关于印发《行政事业单位内部控制规范(试行)》的通知", "notice", "ministry"),
    ("中央组织部关于进一步规范党员发展工作的通知", "notice", "ministry"),
    ("国家发展改革委关于做好项目审批工作的通知", "notice", "ministry"),
    ("国务院关于加强地方政府性债务管理的意见", "opinion", "central"),
    ("中共中央办公厅 国务院办公厅关于印发《党政机关厉行节约反对浪费条例》的通知", "notice", "central"),
    ("党政领导干部选拔任用工作条例", "party_regulation", None),
    ("统计法", "law", "central"),
    ("监察法", "law", "central"),
    ("全市安全生产专项整治三年行动计划", "plan", "city"),
]


def test_sample_table_holds_every_title_in_the_samples():
    found = {m for p in SAMPLES.glob("*.txt")
             for m in re.findall(r"《[^》]*》", p.read_text(encoding="utf-8"))}
    assert found == {t for t, _, _ in SAMPLE_TITLES}


@pytest.mark.parametrize("title,kind,level", SAMPLE_TITLES + OTHER_TITLES)
def test_kind_and_level(title, kind, level):
    assert regulation_kind(title) == kind
    assert issuing_level(title) == level


@pytest.mark.parametrize("raw,canonical", [
    ("《中国共产党支部工作条例（试行）》", "中国共产党支部工作条例(试行)"),
    ("《中国共产党支部工作条例(试行)》", "中国共产党支部工作条例(试行)"),
    ("《大连市城镇体系规划﹙2018-2035年﹚》", "大连市城镇体系规划(2018-2035年)"),
    ("《宁波前湾新区党工委三年巡察工作实施方案(2022—2024)》", "宁波前湾新区党工委三年巡察工作实施方案(2022-2024)"),
    ("《实施强基聚能工程 高水平推进前湾党建工作的意见》", "实施强基聚能工程高水平推进前湾党建工作的意见"),
    ("《新区推进信访重点领域（1+X）整治工作指导意见》", "新区推进信访重点领域(1+X)整治工作指导意见"),
    ("《普湾经济区财政局财务管理制度暂行办法》(大普财综〔2020〕37号)",
     "普湾经济区财政局财务管理制度暂行办法(大普财综〔2020〕37号)"),
    ("交规划函[2019]388号", "交规划函〔2019〕388号"),
    ("交规划函【2019】388号", "交规划函〔2019〕388号"),
    ("《中国共产党纪律处分条例》、", "中国共产党纪律处分条例"),
    ("财政部关于印发《行政事业单位内部控制规范》的通知", "财政部关于印发〈行政事业单位内部控制规范〉的通知"),
    ("  《中华人民共和国\u00a0统计法》 ", "中华人民共和国统计法"),
])
def test_canonical_title(raw, canonical):
    assert canonical_title(raw) == canonical
    assert canonical_title(canonical) == canonical


@pytest.mark.parametrize("title,year", [
    ("《中国共产党纪律处分条例(2018年修订)》", 2018),
    ("中国共产党纪律处分条例（2023年12月修订）", 2023),
    ("党政机关公文处理工作条例2018年版", 2018),
    ("中华人民共和国土地管理法(2019年修正)", 2019),
    ("《宁波前湾新区产业发展规划(2021-2025)》", None),
    ("《普湾经济区党工委理论学习中心组2020年度学习计划》", None),
    ("《中国共产党支部工作条例(试行)》", None),
])
def test_revision_year(title, year):
    assert revision_year(title) == year


@pytest.mark.parametrize("title,years", [
    ("《宁波前湾新区产业发展规划(2021-2025)》", (2021, 2025)),
    ("《宁波前湾新区党工委三年巡察工作实施方案(2022—2024)》", (2022, 2024)),
    ("《大连市城镇体系规划﹙2018-2035年﹚》", (2018, 2035)),
    ("《新区十四五制造业高质量发展规划》", (2021, 2025)),
    ("《中国共产党纪律处分条例(2018年修订)》", None),
    ("《宁波前湾沪浙合作发展区2021年工作方案》", None),
])
def test_period(title, years):
    assert period(title) == years


@pytest.mark.parametrize("a,b", [
    ("《中国共产党纪律处分条例》", "中国共产党纪律处分条例(2018年修订)"),
    ("纪律处分条例", "《中国共产党纪律处分条例》"),
    ("党章", "《中国共产党章程》"),
    ("统计法", "《中华人民共和国统计法》"),
    ("《中国共产党支部工作条例（试行）》", "支部工作条例"),
    ("关于查找“四个短板”、落实“六项重点工作”调查报告", "关于查找四个短板、落实六项重点工作调查报告"),
])
def test_same_regulation_same_key(a, b):
    assert regulation_key(a) == regulation_key(b)


@pytest.mark.parametrize("a,b", [
    ("《中国共产党支部工作条例(试行)》", "《中国共产党支部工作条例》"),
    ("《宁波前湾新区产业发展规划(2021-2025)》", "《宁波前湾新区产业发展规划(2026-2030)》"),
    ("《大连市深化园区改革方案》", "《普湾经济区法定机构改革实施方案》"),
])
def test_different_regulations_different_keys(a, b):
    assert regulation_key(a) != regulation_key(b)


def test_describe_bundles_everything():
    info = describe("《中国共产党纪律处分条例（2018年修订）》")
    assert info.title == "中国共产党纪律处分条例(2018年修订)"
    assert info.key == "中国共产党纪律处分条例"
    assert (info.kind, info.level, info.revision_year, info.period) == (
        "party_regulation", "central", 2018, None)

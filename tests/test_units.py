"""Units named in measures: real sentences from the samples."""
import pytest

from noticegraph.loaders.units import find_units


@pytest.mark.parametrize("sentence, units", [
    ("三是大连普湾工程项目管理有限公司进行海域资产移交清理工作", ["大连普湾工程项目管理有限公司"]),
    ("释放普湾既有投资效益,金普新区农业农村局已入住普湾经济区", ["金普新区农业农村局"]),
    ("责令开发公司、海创公司退回违规发放的津补贴", ["开发公司", "海创公司"]),
    ("积极协调宁波市自然资源和规划局,加快办理", ["宁波市自然资源和规划局"]),
    ("各部门、有关单位要抓好落实", []),
    ("坚持以人民为中心的发展思想,推动城镇化", []),
])
def test_units_in_measure_sentences(sentence, units):
    assert find_units(sentence) == units

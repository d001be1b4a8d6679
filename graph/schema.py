"""The one graph schema, as data: node labels, relationship types, typed properties.

Contract: ``NODES`` and ``RELATIONSHIPS`` are the schema both stores create and both row
builders fill; nothing else names a label, a relationship type or a property. Every node has
the primary key ``id`` (a string). Property types are LadybugDB's (STRING, INT64, DOUBLE,
STRING[]); Neo4j is schemaless and gets unique constraints on ``id`` only. Dates are ISO
strings (YYYY-MM-DD; deadlines YYYY-MM) so both engines compare them alike.

Ownership: an *owned* node (Notice, Round, Problem, Measure, Figure) belongs to one notice
and carries ``notice_id``, ``span_start``, ``span_end``; deleting the notice deletes it. A
*shared* node (Body, Regulation, Person) is keyed by a normalised name and survives while
anything links to it; each mention of it in a text is a relationship that carries
``notice_id`` and the span. ProblemType nodes are the taxonomy's, written by ``ensure_schema``
and kept whatever is loaded or deleted. A *maintained aggregate* property (graph/aggregates.py)
is left null by the row builders and kept exact by the store on every load, replace and delete.
``python -m noticegraph.graph.schema`` prints docs/schema.md.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from . import ids as ids_module

STRING, INT64, DOUBLE, STRINGS = "STRING", "INT64", "DOUBLE", "STRING[]"


@dataclass(frozen=True)
class Prop:
    name: str
    type: str = STRING
    doc: str = ""


class _HasProps:
    """Property-name lookups shared by node and relationship types."""

    props: tuple[Prop, ...]

    @cached_property
    def names(self) -> tuple[str, ...]:
        return tuple(p.name for p in self.props)

    @cached_property
    def name_set(self) -> frozenset[str]:
        return frozenset(self.names)


@dataclass(frozen=True)
class NodeType(_HasProps):
    label: str
    props: tuple[Prop, ...]
    owned: bool
    doc: str


@dataclass(frozen=True)
class RelType(_HasProps):
    type: str
    ends: tuple[tuple[str, str], ...]
    props: tuple[Prop, ...]
    doc: str


ID = Prop("id", STRING, "primary key")
PROVENANCE = (
    Prop("notice_id", STRING, "id of the notice the item was read from"),
    Prop("span_start", INT64, "start of the span in Notice.text (characters)"),
    Prop("span_end", INT64, "end of the span in Notice.text (half-open)"),
)


def owned(label: str, doc: str, *props: Prop) -> NodeType:
    return NodeType(label, (ID, *PROVENANCE, *props), owned=True, doc=doc)


def shared(label: str, doc: str, *props: Prop) -> NodeType:
    return NodeType(label, (ID, *props), owned=False, doc=doc)


def mention(type_: str, ends: tuple[tuple[str, str], ...], doc: str, *props: Prop) -> RelType:
    return RelType(type_, ends, (*PROVENANCE, *props), doc)


NODES: tuple[NodeType, ...] = (
    owned("Notice", "One published rectification notice; id = `notice_id(text)`; span = its title.",
          Prop("sha", STRING, "sha256 of the source text: same id and sha means unchanged"),
          Prop("source", STRING, "the file it was loaded from"),
          Prop("title"), Prop("issuer", STRING, "issuer name as written"),
          Prop("published", STRING, "YYYY-MM-DD"),
          Prop("problems_claimed", INT64, "number of problems the notice says it received"),
          Prop("text", STRING, "the full source text every span points into"),
          Prop("encoding"), Prop("format", STRING, "text | html"),
          Prop("document_numbers", STRINGS, "文号 quoted in the notice"),
          Prop("problems", INT64, "tally (graph/tallies.py): the problems read from it"),
          Prop("statuses", INT64, "tally (graph/tallies.py): distinct statuses of its problems, unstated included"),
          Prop("status_names", STRINGS, "tally (graph/tallies.py): those statuses, sorted")),
    owned("Round", "The inspection round the notice reports on; id = `<notice>:r`.",
          Prop("kind", STRING, "巡视 | 巡察"), Prop("level", STRING, "central | provincial | city | county"),
          Prop("superior", STRING, "the committee that sent the team"), Prop("team"),
          Prop("name", STRING, "e.g. 十四届省委第十二轮巡视"), Prop("mode", STRING, "常规/专项/机动/回头看"),
          Prop("start_date", STRING, "YYYY-MM-DD"), Prop("end_date", STRING, "YYYY-MM-DD"),
          Prop("feedback_date", STRING, "YYYY-MM-DD")),
    owned("Problem", "A problem fed back by the inspection; id = `<notice>:p<path>`.",
          Prop("text"), Prop("path", STRING, "place in the notice's outline"),
          Prop("category"), Prop("subcategory"),
          Prop("status", STRING, "completed | in_progress | partial | cancelled | ongoing"),
          Prop("status_text"), Prop("deadline", STRING, "YYYY-MM"),
          Prop("ordinal", INT64, "1-based position in the notice"),
          Prop("similar_best", DOUBLE, "tally (graph/similar.py): the best score of the SIMILAR_TO pairs it "
               "heads (stored from the smaller id), null when it heads none")),
    owned("Measure", "A rectification measure under a problem; id = `<problem>:m<k>`.",
          Prop("text"), Prop("ordinal", INT64, "1-based position under its problem")),
    owned("Figure", "A reported number; id = `<notice>:f<k>`.",
          Prop("metric", STRING, "e.g. 立案"), Prop("value", DOUBLE), Prop("unit", STRING, "e.g. 件, 万元"),
          Prop("key", STRING, "metric_unit, e.g. 立案_件")),
    shared("Body", "An organisation; id = `name_key` of its resolved name (graph/bodies.py: the spellings "
           "a notice gives for its issuer and inspected body are one body, and the reviewed alias file maps "
           "names across notices).",
           Prop("name", STRING, "the first spelling seen (the canonical name when the alias file maps it)"),
           Prop("aliases", STRINGS, "other spellings first seen with it")),
    shared("Regulation", "A rule cited or a document issued (a title in 《》); id = `regulation_key(title)` "
           "(loaders/regulations.py: one key whatever the version or short form, 党章 = 中国共产党章程).",
           Prop("title", STRING, "the canonical title of the first spelling seen (no 《》, brackets unified)"),
           Prop("kind", STRING, "law | party_regulation | regulation | plan | notice | opinion | report | contract | other"),
           Prop("level", STRING, "issuing level from the title: central | ministry | provincial | city | local"),
           Prop("revision_year", INT64, "year of the revision or edition first cited, e.g. (2018年修订)"),
           Prop("doc_number", STRING, "文号 if one was given with the title"),
           Prop("cited_measures", INT64, "maintained aggregate (graph/aggregates.py): measures citing it"),
           Prop("cited_notices", INT64, "maintained aggregate (graph/aggregates.py): notices citing it")),
    shared("Person", "A named leader; id = `person_key(name, body id)` (`name@body`).", Prop("name")),
    shared("ProblemType", "A concept of the problem-type taxonomy (loaders/data/problem_types.ttl), "
           "written by `ensure_schema`; id = the concept's local name, e.g. `eight-rules`.",
           Prop("label", STRING, "Chinese preferred label"), Prop("label_en", STRING, "English preferred label"),
           Prop("notation", STRING, "place in the tree, e.g. 2.6.1.1"), Prop("scope_note"),
           Prop("alt_labels", STRINGS, "alternative labels"), Prop("broader", STRING, "id of the broader type"),
           Prop("version", STRING, "the taxonomy version (owl:versionInfo)")),
)

REGULATION_ENDS = (("Notice", "Regulation"), ("Measure", "Regulation"))
TITLE_PROPS = (Prop("verb", STRING, "the verb before the title, e.g. 落实, 印发"),)

RELATIONSHIPS: tuple[RelType, ...] = (
    mention("ISSUED_BY", (("Notice", "Body"),), "The notice's issuer."),
    mention("REPORTS_ON", (("Notice", "Round"),), "The round the notice reports on."),
    mention("INSPECTED", (("Round", "Body"),), "The body the round inspected."),
    mention("CONDUCTED_BY", (("Round", "Body"),), "The inspection team."),
    mention("CONTAINS", (("Notice", "Problem"),), "A problem in the notice."),
    mention("RAISED_IN", (("Problem", "Round"),), "The round that raised the problem."),
    mention("CONCERNS", (("Problem", "Body"),), "The body the problem was found in (the inspected body)."),
    mention("ADDRESSED_BY", (("Problem", "Measure"),), "A measure taken on the problem."),
    mention("CITES", REGULATION_ENDS, "A rule followed; Notice-level for every title in the notice.", *TITLE_PROPS),
    mention("ISSUES", REGULATION_ENDS, "A document drafted, issued or revised; also Notice-level.", *TITLE_PROPS),
    mention("REFERS_TO", REGULATION_ENDS, "A title neither cited nor issued (role other); also Notice-level.",
            *TITLE_PROPS),
    mention("INVOLVES", (("Measure", "Body"),), "A unit named in the measure."),
    mention("REPORTS_FIGURE", (("Notice", "Figure"),), "A figure the notice reports."),
    mention("MENTIONS", (("Notice", "Person"),), "A person named in the notice."),
    mention("HOLDS_POST_IN", (("Person", "Body"),), "A post held, as a notice states it.",
            Prop("role", STRING, "e.g. 党工委书记")),
    RelType("HAS_TYPE", (("Problem", "ProblemType"),),
            (Prop("notice_id", STRING, "id of the notice the problem was read from"),
             Prop("score", DOUBLE, "classifier score in (0, 1]"),
             Prop("terms", STRINGS, "terms that matched the problem text (the provenance)"),
             Prop("context_terms", STRINGS, "terms that matched the problem's headings")),
            "A type the classifier (loaders/classify.py) gave the problem; most specific types only."),
    RelType("BROADER", (("ProblemType", "ProblemType"),), (), "Type hierarchy (skos:broader)."),
    *(RelType(type_, ends, (Prop("notice_id", STRING, "id of the notice tallied"),
                            Prop("problems", INT64, "the notice's problems counted"), *extra,
                            Prop("round_start", STRING, "start of the notice's round (YYYY-MM-DD)")), doc)
      for type_, ends, extra, doc in (
          ("BODY_TYPE", (("Body", "ProblemType"),), (Prop("completed", INT64, "of those, completed"),),
           "Tally (graph/tallies.py): one notice's problems of a body with a most specific type."),
          ("BODY_TOP_TYPE", (("Body", "ProblemType"),), (Prop("completed", INT64, "of those, completed"),),
           "Tally (graph/tallies.py): one notice's problems of a body under a top concept."),
          ("NOTICE_TYPE", (("Notice", "ProblemType"),), (),
           "Tally (graph/tallies.py): one notice's problems with a most specific type."))),
    RelType("ISSUED_TALLY", (("Body", "Regulation"),),
            (Prop("notice_id", STRING, "id of the notice tallied"),
             Prop("measures", INT64, "the notice's measures issuing the document")),
            "Tally (graph/tallies.py): a document the notice's issuer issued in it."),
    RelType("FIGURE_TALLY", (("Body", "Figure"),),
            (Prop("notice_id", STRING, "id of the notice tallied"), Prop("metric"), Prop("unit"),
             Prop("value", DOUBLE, "the largest value the notice states for the metric and unit"),
             Prop("statements", INT64, "how many of its figures state it"),
             Prop("published", STRING, "the notice's publication date (the figures query sorts by it)")),
            "Tally (graph/tallies.py): a metric and unit the notice reports on its inspected body; "
            "to the notice's first figure of it."),
    RelType("SIMILAR_TO", (("Problem", "Problem"),), (Prop("score", DOUBLE, "cosine of the character 2+3-gram sets (graph/similar.py)"),),
            "Similar problems of two different notices (graph/similar.py); one relationship per pair, "
            "from the smaller id to the larger: match it undirected."),
)

NODE_BY_LABEL = {n.label: n for n in NODES}
REL_BY_TYPE = {r.type: r for r in RELATIONSHIPS}
OWNED_LABELS = tuple(n.label for n in NODES if n.owned)
SHARED_LABELS = tuple(n.label for n in NODES if not n.owned)


def node_table_ddl(node: NodeType) -> str:
    columns = ", ".join(f"{p.name} {p.type}" for p in node.props)
    return f"CREATE NODE TABLE IF NOT EXISTS {node.label}({columns}, PRIMARY KEY(id))"


def rel_table_ddl(rel: RelType) -> str:
    parts = [f"FROM {a} TO {b}" for a, b in rel.ends] + [f"{p.name} {p.type}" for p in rel.props]
    return f"CREATE REL TABLE IF NOT EXISTS {rel.type}({', '.join(parts)})"


def _prop_lines(props: tuple[Prop, ...]) -> list[str]:
    return [f"| `{p.name}` | {p.type} | {p.doc.replace('|', '&#124;')} |" for p in props]


def _node_section(node: NodeType) -> list[str]:
    kind = "owned by one notice" if node.owned else "shared, keyed by normalised name"
    head = [f"### {node.label} ({kind})", "", node.doc, "", "| property | type | meaning |", "|---|---|---|"]
    return head + _prop_lines(node.props) + [""]


def _rel_section(rel: RelType) -> list[str]:
    ends = ", ".join(f"({a})-[:{rel.type}]->({b})" for a, b in rel.ends)
    head = [f"### {rel.type}", "", f"{ends}. {rel.doc}", ""]
    if not rel.props:
        return head
    return head + ["| property | type | meaning |", "|---|---|---|"] + _prop_lines(rel.props) + [""]


def schema_markdown() -> str:
    """docs/schema.md, generated: the module docstring, then one section per label and type."""
    lines = ["# Graph schema", "", "Generated by `python -m noticegraph.graph.schema > docs/schema.md`;",
             "tests/test_store_schema.py checks that this file matches graph/schema.py.", "",
             __doc__.strip(), "", "## Nodes", ""]
    for node in NODES:
        lines += _node_section(node)
    lines += ["## Relationships", ""]
    for rel in RELATIONSHIPS:
        lines += _rel_section(rel)
    lines += ["## Ids (graph/ids.py)", "", ids_module.__doc__.strip()]
    return "\n".join(lines).rstrip() + "\n"


if __name__ == "__main__":
    print(schema_markdown(), end="")

"""Unit–problem network: bodies, problems and problem types around a chosen body or type, or the
measures and problems around a regulation, with depth and limit controls and a legend; a clicked
node shows its detail and a link to its source."""
from __future__ import annotations

import streamlit as st

from noticegraph.dashboard import data, network, urlstate, views

QUERY = "unit-problem-links"
CITATIONS = "regulation-citations"
CENTRES = {"Body": "body", "ProblemType": "problem_type", "Regulation": "regulation"}


def first_links(centre_kind: str, centre: str, limit: int) -> list[dict]:
    if centre_kind == "Regulation":
        return network.citation_edges(data.run(CITATIONS, {"regulation": centre, "limit": limit}).rows, centre)
    return list(data.run(QUERY, {CENTRES[centre_kind]: centre, "limit": limit}).rows)


def around(centre_kind: str, centre: str, limit: int, depth: int) -> list[dict]:
    """Edge rows around the centre; depth 2 also takes the rows around each body or type met."""
    rows = first_links(centre_kind, centre, limit)
    if depth > 1:
        seen = {centre}
        for row in list(rows):
            kind, node = row["target_label"], row["target"]
            if kind in ("Body", "ProblemType") and node not in seen:
                seen.add(node)
                rows += data.run(QUERY, {CENTRES[kind]: node, "limit": limit}).rows
    return rows


def default_centre(kind: str, options: list[str]) -> int:
    """The inspected body with the most typed problems, or the most recurring type."""
    if kind == "Body":
        rows = data.run("problem-types-by-body").rows
        best = max(rows, key=lambda r: r.get("problems") or 0, default={}).get("body")
    elif kind == "ProblemType":
        best = next(iter(data.run("recurring-problem-types").rows), {}).get("type_id")
    else:
        best = next(iter(data.run("top-cited-regulations").rows), {}).get("regulation")
    return options.index(best) if best in options else 0


def controls() -> tuple[str, str | None, int, int]:
    left, middle, right, far = st.columns([1, 3, 1, 1])
    kinds = list(CENTRES)
    given_kind = urlstate.url_value("kind")
    kind = left.radio("centre on", kinds, index=kinds.index(given_kind) if given_kind in kinds else 0, key="kind")
    urlstate.set_url("kind", kind)
    options = [str(v) for v in data.choices(CITATIONS if kind == "Regulation" else QUERY, CENTRES[kind])]
    given = urlstate.url_value("centre")
    centre = middle.selectbox(kind, options,
                              index=options.index(given) if given in options else default_centre(kind, options),
                              key=f"centre:{kind}") if options else None
    urlstate.set_url("centre", centre)
    depth = int(right.number_input("depth", 1, 2, int(urlstate.url_value("depth") or 1), key="depth"))
    limit = int(far.number_input("limit per step", 5, 500, int(urlstate.url_value("limit") or 50), step=5,
                                 key="limit"))
    urlstate.set_url("depth", depth if depth != 1 else None)
    urlstate.set_url("limit", limit if limit != 50 else None)
    return kind, centre, depth, limit


def node_detail(node: dict, rows: list[dict]) -> None:
    info = node["data"]
    st.markdown(f"**{info['label']}** · {info['name']}")
    st.caption(f"id: {info['id']}")
    notices = sorted({r["notice_id"] for r in rows if info["id"] in (r["source"], r["target"]) and r.get("notice_id")})
    for notice_id in notices[:10]:
        item = info["id"] if info["label"] == "Problem" else None
        link = urlstate.reader_link(notice_id, item=item)
        st.markdown(f"- source: [notice {notice_id}]({link})")


def render() -> None:
    st.title("Unit–problem network")
    with views.guarded():
        kind, centre, depth, limit = controls()
        if centre is None:
            st.info("No bodies or problem types to centre on yet.")
            return
        rows = around(kind, centre, limit, depth)
        elements = network.edges_elements(rows, data.registry()[QUERY].columns)
        st.caption(f"{len(elements['nodes']):,} nodes, {len(elements['edges']):,} edges around {centre} "
                   f"(depth {depth}, up to {limit} problems or measures per step)")
        clicked = network.draw(elements, key=f"net:{kind}:{centre}:{depth}:{limit}")
        clicked = clicked or urlstate.url_value("node")
        urlstate.set_url("node", clicked)
        node = next((n for n in elements["nodes"] if n["data"]["id"] == clicked), None)
        if node is not None:
            node_detail(node, rows)
        else:
            st.caption("Click a node to see its detail and the notices it was read from.")


render()

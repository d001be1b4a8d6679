// One part per kind of item (UNION ALL: the registry sorts the rows, see `sort`). No part
// returns one expression twice or a null literal (LadybugDB limits on UNION).
MATCH (n:Notice {id: $notice})-[:CONTAINS]->(p:Problem)
RETURN 'problem' AS kind, p.id AS item, p.text AS text, p.path AS detail,
       p.span_start AS span_start, p.span_end AS span_end, n.id AS notice_id
UNION ALL
MATCH (n:Notice {id: $notice})-[:CONTAINS]->(p:Problem)
WHERE p.status_text IS NOT NULL
RETURN 'status' AS kind, p.id AS item, p.status_text AS text, p.status AS detail,
       p.span_start AS span_start, p.span_end AS span_end, n.id AS notice_id
UNION ALL
MATCH (n:Notice {id: $notice})-[:CONTAINS]->(p:Problem)-[:ADDRESSED_BY]->(m:Measure)
RETURN 'measure' AS kind, m.id AS item, m.text AS text, p.id AS detail,
       m.span_start AS span_start, m.span_end AS span_end, n.id AS notice_id
UNION ALL
MATCH (n:Notice {id: $notice})-[c:CITES]->(g:Regulation)
RETURN 'cited' AS kind, g.id AS item, g.title AS text, c.verb AS detail,
       c.span_start AS span_start, c.span_end AS span_end, n.id AS notice_id
UNION ALL
MATCH (n:Notice {id: $notice})-[c:ISSUES]->(g:Regulation)
RETURN 'issued' AS kind, g.id AS item, g.title AS text, c.verb AS detail,
       c.span_start AS span_start, c.span_end AS span_end, n.id AS notice_id
UNION ALL
MATCH (n:Notice {id: $notice})-[c:REFERS_TO]->(g:Regulation)
RETURN 'referred' AS kind, g.id AS item, g.title AS text, c.verb AS detail,
       c.span_start AS span_start, c.span_end AS span_end, n.id AS notice_id
UNION ALL
MATCH (n:Notice {id: $notice})-[:REPORTS_FIGURE]->(f:Figure)
RETURN 'figure' AS kind, f.id AS item, f.metric AS text, f.unit AS detail,
       f.span_start AS span_start, f.span_end AS span_end, n.id AS notice_id
UNION ALL
MATCH (n:Notice {id: $notice})-[r:MENTIONS]->(x:Person)
RETURN 'person' AS kind, x.id AS item, x.name AS text, r.notice_id AS detail,
       r.span_start AS span_start, r.span_end AS span_end, n.id AS notice_id
UNION ALL
MATCH (n:Notice {id: $notice})-[r:ISSUED_BY]->(b:Body)
RETURN 'body' AS kind, b.id AS item, b.name AS text, 'issuer' AS detail,
       r.span_start AS span_start, r.span_end AS span_end, n.id AS notice_id
UNION ALL
MATCH (n:Notice {id: $notice})-[:REPORTS_ON]->(:Round)-[r:INSPECTED]->(b:Body)
RETURN 'body' AS kind, b.id AS item, b.name AS text, 'inspected' AS detail,
       r.span_start AS span_start, r.span_end AS span_end, n.id AS notice_id
UNION ALL
MATCH (n:Notice {id: $notice})-[:CONTAINS]->(:Problem)-[:ADDRESSED_BY]->(:Measure)-[r:INVOLVES]->(b:Body)
RETURN 'unit' AS kind, b.id AS item, b.name AS text, r.notice_id AS detail,
       r.span_start AS span_start, r.span_end AS span_end, n.id AS notice_id
UNION ALL
MATCH (n:Notice {id: $notice})-[:REPORTS_ON]->(r:Round)
RETURN 'round' AS kind, r.id AS item, r.team AS text, r.kind AS detail,
       r.span_start AS span_start, r.span_end AS span_end, n.id AS notice_id

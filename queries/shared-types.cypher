// The problem types two bodies share (the detail of a bodies-sharing-types row): per type,
// how many problems of each body have it, and the first of body_a's (by id) as evidence.
MATCH (a:Body {id: $body_a})<-[:CONCERNS]-(pa:Problem)-[:HAS_TYPE]->(t:ProblemType)
WITH t, count(DISTINCT pa) AS problems_a, min(pa.id) AS first_a
MATCH (t)<-[:HAS_TYPE]-(pb:Problem)-[:CONCERNS]->(:Body {id: $body_b})
WITH t, problems_a, first_a, count(DISTINCT pb) AS problems_b, min(pb.id) AS first_b
MATCH (p:Problem {id: first_a})
RETURN t.id AS type_id, t.label AS type, problems_a, problems_b, first_a AS problem_a,
       first_b AS problem_b, p.text AS text, p.notice_id AS notice_id,
       p.span_start AS span_start, p.span_end AS span_end
ORDER BY type_id
LIMIT $limit

// One part per edge type, each over the same problems (UNION ALL: ORDER BY would bind to the
// last part only, so the registry sorts the rows: see `sort`). The problems are chosen by
// one ordered, limited pattern repeated in each part. No part returns one expression twice
// (LadybugDB then fills the other parts' columns wrongly) nor null (it cannot type a null
// column in a union): a direct edge has via ''.
MATCH (p:Problem)
WHERE (EXISTS { MATCH (p)-[:CONCERNS]->(:Body {id: $body}) }
       OR EXISTS { MATCH (p)-[:ADDRESSED_BY]->(:Measure)-[:INVOLVES]->(:Body {id: $body}) }
       OR $body IS NULL)
  AND (EXISTS { MATCH (p)-[:HAS_TYPE]->(:ProblemType {id: $problem_type}) } OR $problem_type IS NULL)
  AND ($body IS NOT NULL OR $problem_type IS NOT NULL)
WITH p ORDER BY p.id LIMIT $limit
MATCH (p)-[r:CONCERNS]->(b:Body)
RETURN p.id AS source, 'Problem' AS source_label, p.text AS source_name, 'CONCERNS' AS type, '问题所在单位' AS label,
       b.id AS target, 'Body' AS target_label, b.name AS target_name, r.notice_id AS notice_id,
       '' AS via
UNION ALL
MATCH (p:Problem)
WHERE (EXISTS { MATCH (p)-[:CONCERNS]->(:Body {id: $body}) }
       OR EXISTS { MATCH (p)-[:ADDRESSED_BY]->(:Measure)-[:INVOLVES]->(:Body {id: $body}) }
       OR $body IS NULL)
  AND (EXISTS { MATCH (p)-[:HAS_TYPE]->(:ProblemType {id: $problem_type}) } OR $problem_type IS NULL)
  AND ($body IS NOT NULL OR $problem_type IS NOT NULL)
WITH p ORDER BY p.id LIMIT $limit
MATCH (p)-[r:HAS_TYPE]->(t:ProblemType)
RETURN p.id AS source, 'Problem' AS source_label, p.text AS source_name, 'HAS_TYPE' AS type, '问题类型' AS label,
       t.id AS target, 'ProblemType' AS target_label, t.label AS target_name, r.notice_id AS notice_id,
       '' AS via
UNION ALL
MATCH (p:Problem)
WHERE (EXISTS { MATCH (p)-[:CONCERNS]->(:Body {id: $body}) }
       OR EXISTS { MATCH (p)-[:ADDRESSED_BY]->(:Measure)-[:INVOLVES]->(:Body {id: $body}) }
       OR $body IS NULL)
  AND (EXISTS { MATCH (p)-[:HAS_TYPE]->(:ProblemType {id: $problem_type}) } OR $problem_type IS NULL)
  AND ($body IS NOT NULL OR $problem_type IS NOT NULL)
WITH p ORDER BY p.id LIMIT $limit
MATCH (p)-[:ADDRESSED_BY]->(m:Measure)-[r:INVOLVES]->(u:Body)
RETURN p.id AS source, 'Problem' AS source_label, p.text AS source_name, 'INVOLVES' AS type, '整改涉及单位' AS label,
       u.id AS target, 'Body' AS target_label, u.name AS target_name, r.notice_id AS notice_id,
       m.id AS via

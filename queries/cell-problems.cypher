// The problems of one cell of problem-types-by-body: those concerning the body with the type
// (with $top_level: with a type below the top concept problem_type, 0 to 3 steps up). One
// part per level; each starts from the body and expands its notice only for the rows kept.
// when: top_level is false
MATCH (:Body {id: $body})<-[:CONCERNS]-(p:Problem)-[:HAS_TYPE]->(:ProblemType {id: $problem_type})
WHERE NOT $top_level
WITH DISTINCT p
OPTIONAL MATCH (n:Notice)-[:CONTAINS]->(p)
RETURN p.id AS problem, p.text AS text, coalesce(p.status, 'unstated') AS status, p.deadline AS deadline,
       n.id AS notice_id, n.title AS notice_title, n.published AS published, p.ordinal AS ordinal,
       p.span_start AS span_start, p.span_end AS span_end
ORDER BY published, notice_id, ordinal, problem
LIMIT $limit
UNION ALL
// when: top_level is true
MATCH (:Body {id: $body})<-[:CONCERNS]-(p:Problem)-[:HAS_TYPE]->(:ProblemType)-[:BROADER*0..3]->(t:ProblemType {id: $problem_type})
WHERE t.broader IS NULL AND $top_level
WITH DISTINCT p
OPTIONAL MATCH (n:Notice)-[:CONTAINS]->(p)
RETURN p.id AS problem, p.text AS text, coalesce(p.status, 'unstated') AS status, p.deadline AS deadline,
       n.id AS notice_id, n.title AS notice_title, n.published AS published, p.ordinal AS ordinal,
       p.span_start AS span_start, p.span_end AS span_end
ORDER BY published, notice_id, ordinal, problem
LIMIT $limit

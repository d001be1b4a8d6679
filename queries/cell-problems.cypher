// The problems of one cell of problem-types-by-body: those concerning the body with the type
// (with $top_level: with a type below the top concept problem_type, 0 to 3 steps up).
MATCH (:Body {id: $body})<-[:CONCERNS]-(p:Problem)-[:HAS_TYPE]->(leaf:ProblemType)-[:BROADER*0..3]->(t:ProblemType {id: $problem_type})
WHERE (t.broader IS NULL AND $top_level) OR (t.id = leaf.id AND NOT $top_level)
WITH DISTINCT p
MATCH (n:Notice)-[:CONTAINS]->(p)
RETURN p.id AS problem, p.text AS text, coalesce(p.status, 'unstated') AS status, p.deadline AS deadline,
       n.id AS notice_id, n.title AS notice_title, n.published AS published,
       p.span_start AS span_start, p.span_end AS span_end
ORDER BY published, notice_id, p.ordinal, problem
LIMIT $limit

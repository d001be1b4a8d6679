// Body × problem type. With $top_level the type is the ancestor reached over BROADER that has
// no broader type itself (0 to 3 steps: the taxonomy is at most 4 levels deep).
MATCH (b:Body)<-[:CONCERNS]-(p:Problem)-[:HAS_TYPE]->(leaf:ProblemType)-[:BROADER*0..3]->(t:ProblemType)
WHERE (b.id = $body OR $body IS NULL)
  AND ((t.broader IS NULL AND $top_level) OR (t.id = leaf.id AND NOT $top_level))
WITH b, t, count(DISTINCT p) AS problems
RETURN b.id AS body, b.name AS body_name, t.id AS problem_type, t.label AS type_label,
       t.notation AS notation, problems
ORDER BY body_name, body, problem_type
LIMIT $limit

// Body × problem type. With $top_level the type is the ancestor reached over BROADER that has
// no broader type itself (0 to 3 steps: the taxonomy is at most 4 levels deep). Each body with
// typed problems has at least one cell, so the first $limit cells (by body name) lie among the
// first $limit such bodies: those are chosen first and only their problems are counted.
MATCH (b:Body)
WHERE (b.id = $body OR $body IS NULL)
  AND EXISTS { MATCH (b)<-[:CONCERNS]-(:Problem)-[:HAS_TYPE]->(:ProblemType) }
WITH b ORDER BY b.name, b.id LIMIT $limit
MATCH (b)<-[:CONCERNS]-(p:Problem)-[:HAS_TYPE]->(leaf:ProblemType)-[:BROADER*0..3]->(t:ProblemType)
WHERE (t.broader IS NULL AND $top_level) OR (t.id = leaf.id AND NOT $top_level)
WITH b, t, count(DISTINCT p) AS problems
RETURN b.id AS body, b.name AS body_name, t.id AS problem_type, t.label AS type_label,
       t.notation AS notation, problems
ORDER BY body_name, body, problem_type
LIMIT $limit

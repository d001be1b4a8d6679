// Body × problem type, read from the per-notice tallies (graph/tallies.py): BODY_TYPE per
// most specific type, BODY_TOP_TYPE per top concept (with $top_level); a cell's problems are
// the sum over the notices. Each body with a tally has at least one cell, so the first $limit
// cells (by body name) lie among the first $limit such bodies: those are chosen first (on the
// Body table, EXISTS: no tally is read for a body not kept) and only their tallies are read.
// when: top_level is false
MATCH (b:Body)
WHERE (b.id = $body OR $body IS NULL) AND NOT $top_level AND EXISTS { MATCH (b)-[:BODY_TYPE]->(:ProblemType) }
WITH b ORDER BY b.name, b.id LIMIT $limit
OPTIONAL MATCH (b)-[c:BODY_TYPE]->(t:ProblemType)
WITH b, t, sum(c.problems) AS problems
RETURN b.id AS body, b.name AS body_name, t.id AS problem_type, t.label AS type_label,
       t.notation AS notation, problems
ORDER BY body_name, body, problem_type
LIMIT $limit
UNION ALL
// when: top_level is true
MATCH (b:Body)
WHERE (b.id = $body OR $body IS NULL) AND $top_level AND EXISTS { MATCH (b)-[:BODY_TOP_TYPE]->(:ProblemType) }
WITH b ORDER BY b.name, b.id LIMIT $limit
OPTIONAL MATCH (b)-[c:BODY_TOP_TYPE]->(t:ProblemType)
WITH b, t, sum(c.problems) AS problems
RETURN b.id AS body, b.name AS body_name, t.id AS problem_type, t.label AS type_label,
       t.notation AS notation, problems
ORDER BY body_name, body, problem_type
LIMIT $limit

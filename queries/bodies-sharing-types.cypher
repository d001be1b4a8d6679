// The partners of one body by the problem types they share: the body's types, then every other
// body with problems of those types, counted, ordered and limited. Without $body nothing:
// ranking every pair of bodies is quadratic in the bodies (5.6 million pairs at 10,000 notices),
// so a view picks a body first. The problems of a pair's shared types are its detail
// (shared-types).
MATCH (a:Body {id: $body})<-[:CONCERNS]-(:Problem)-[:HAS_TYPE]->(t:ProblemType)
WITH DISTINCT a, t
MATCH (t)<-[:HAS_TYPE]-(:Problem)-[:CONCERNS]->(b:Body)
WHERE a.id <> b.id
WITH DISTINCT a, b, t
WITH a, b, collect(t.id) AS type_ids
WHERE size(type_ids) >= $min_shared
RETURN a.id AS body_a, a.name AS body_a_name, b.id AS body_b, b.name AS body_b_name,
       size(type_ids) AS shared_types, type_ids
ORDER BY shared_types DESC, body_a, body_b
LIMIT $limit

// Pairs of bodies by the problem types they share: the (body, type) pairs, joined on the type
// and counted, ordered and limited. The problems of a pair's shared types are its detail
// (shared-types). Without $body each pair once (a.id < b.id); with $body, a is that body.
MATCH (a:Body)<-[:CONCERNS]-(:Problem)-[:HAS_TYPE]->(t:ProblemType)
WHERE a.id = $body OR $body IS NULL
WITH DISTINCT a, t
MATCH (t)<-[:HAS_TYPE]-(:Problem)-[:CONCERNS]->(b:Body)
WHERE a.id <> b.id AND (a.id < b.id OR $body IS NOT NULL)
WITH DISTINCT a, b, t
WITH a, b, collect(t.id) AS type_ids
WHERE size(type_ids) >= $min_shared
RETURN a.id AS body_a, a.name AS body_a_name, b.id AS body_b, b.name AS body_b_name,
       size(type_ids) AS shared_types, type_ids
ORDER BY shared_types DESC, body_a, body_b
LIMIT $limit

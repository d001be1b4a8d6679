// Pairs of bodies by the problem types they share: first the (body, type) pairs, joined on the
// type and counted, ordered and limited; then the problems of the shared types, for the pairs
// kept only (the join over problems themselves grows with the square of the corpus).
// Without $body each pair once (a.id < b.id); with $body, a is that body.
MATCH (a:Body)<-[:CONCERNS]-(:Problem)-[:HAS_TYPE]->(t:ProblemType)
WHERE a.id = $body OR $body IS NULL
WITH DISTINCT a, t
MATCH (t)<-[:HAS_TYPE]-(:Problem)-[:CONCERNS]->(b:Body)
WHERE a.id <> b.id AND (a.id < b.id OR $body IS NOT NULL)
WITH DISTINCT a, b, t
WITH a, b, collect(t.id) AS type_ids
WHERE size(type_ids) >= $min_shared
WITH a, b, type_ids ORDER BY size(type_ids) DESC, a.id, b.id LIMIT $limit
MATCH (x:Body)<-[:CONCERNS]-(p:Problem)-[:HAS_TYPE]->(t:ProblemType)
WHERE (x.id = a.id OR x.id = b.id) AND t.id IN type_ids
WITH a, b, type_ids, collect(DISTINCT p.id) AS problem_ids
RETURN a.id AS body_a, a.name AS body_a_name, b.id AS body_b, b.name AS body_b_name,
       size(type_ids) AS shared_types, type_ids, problem_ids
ORDER BY shared_types DESC, body_a, body_b

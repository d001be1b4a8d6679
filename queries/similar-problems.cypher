// when: problem is given
// Given a problem: its neighbours, in both directions (SIMILAR_TO is stored once per pair:
// match it undirected). Without one: every pair once, as stored (from the smaller id to the
// larger), the best first. The best $limit pairs are among the links of the $limit problems
// heading the best pairs (Problem.similar_best, kept by graph/similar.py: each of those heads
// has a pair at least as good), so only their links are sorted, not every link. The limit is
// applied before the bodies are looked up, so only the rows shown are expanded. One part per
// case (the registry sorts the union's rows: see `sort`). The row is its own evidence: the
// span is the problem's (p) in its notice.
MATCH (p:Problem {id: $problem})-[s:SIMILAR_TO]-(q:Problem)
WHERE s.score >= $min_score
WITH p, s, q ORDER BY s.score DESC, q.id LIMIT $limit
OPTIONAL MATCH (q)-[:CONCERNS]->(b:Body)
RETURN p.id AS problem, p.text AS problem_text, q.id AS similar, q.text AS similar_text,
       s.score AS score, q.status AS status, b.id AS body, b.name AS body_name,
       p.notice_id AS notice_id, q.notice_id AS similar_notice_id,
       p.span_start AS span_start, p.span_end AS span_end
UNION ALL
// when: problem is null
MATCH (p:Problem)
WHERE $problem IS NULL AND p.similar_best >= $min_score
WITH p ORDER BY p.similar_best DESC, p.id LIMIT $limit
OPTIONAL MATCH (p)-[s:SIMILAR_TO]->(q:Problem)
WITH p, s, q WHERE s.score >= $min_score
WITH p, s, q ORDER BY s.score DESC, p.id, q.id LIMIT $limit
OPTIONAL MATCH (q)-[:CONCERNS]->(b:Body)
RETURN p.id AS problem, p.text AS problem_text, q.id AS similar, q.text AS similar_text,
       s.score AS score, q.status AS status, b.id AS body, b.name AS body_name,
       p.notice_id AS notice_id, q.notice_id AS similar_notice_id,
       p.span_start AS span_start, p.span_end AS span_end

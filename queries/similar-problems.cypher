// SIMILAR_TO is stored once per pair: match it undirected. Given a problem, p is that
// problem; otherwise each pair once, p the smaller id. The row is its own evidence: the span
// is the problem's (p) in its notice.
MATCH (p:Problem)-[s:SIMILAR_TO]-(q:Problem)
WHERE (p.id = $problem OR ($problem IS NULL AND p.id < q.id)) AND s.score >= $min_score
OPTIONAL MATCH (q)-[:CONCERNS]->(b:Body)
RETURN p.id AS problem, p.text AS problem_text, q.id AS similar, q.text AS similar_text,
       s.score AS score, q.status AS status, b.id AS body, b.name AS body_name,
       p.notice_id AS notice_id, q.notice_id AS similar_notice_id,
       p.span_start AS span_start, p.span_end AS span_end
ORDER BY score DESC, problem, similar
LIMIT $limit

// Dates are ISO strings: deadline 'YYYY-MM' < as_of 'YYYY-MM-DD' holds when the month is
// earlier or the same; NOT STARTS WITH removes the same month.
MATCH (n:Notice)-[:CONTAINS]->(p:Problem)-[:CONCERNS]->(b:Body)
WHERE p.deadline < $as_of AND NOT $as_of STARTS WITH p.deadline
  AND p.status IN ['in_progress', 'partial']
  AND (b.id = $body OR $body IS NULL)
WITH n, p, b ORDER BY p.deadline, p.id LIMIT $limit
RETURN p.id AS problem, p.text AS problem_text, p.status AS status, p.status_text AS status_text,
       p.deadline AS deadline, b.id AS body, b.name AS body_name, n.id AS notice_id,
       n.published AS published, COUNT { MATCH (p)-[:ADDRESSED_BY]->(:Measure) } AS measures,
       p.span_start AS span_start, p.span_end AS span_end
ORDER BY deadline, problem

// Without a keyword nothing matches (CONTAINS null is null).
MATCH (n:Notice)-[:CONTAINS]->(p:Problem)
WHERE (p.text CONTAINS $keyword
       OR ($in_measures AND EXISTS { MATCH (p)-[:ADDRESSED_BY]->(m:Measure) WHERE m.text CONTAINS $keyword }))
  AND (p.status = $status OR $status IS NULL)
OPTIONAL MATCH (p)-[:CONCERNS]->(b:Body)
RETURN p.id AS problem, p.text AS text, p.status AS status, p.deadline AS deadline,
       b.name AS body_name, n.id AS notice_id, n.title AS notice_title, n.published AS published,
       p.span_start AS span_start, p.span_end AS span_end
ORDER BY published, notice_id, p.ordinal, problem
LIMIT $limit

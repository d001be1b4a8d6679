// Documents a body issued: notice-level ISSUES (every title the notice issues), with the
// measures of the same notice that issue it.
MATCH (b:Body)<-[:ISSUED_BY]-(n:Notice)-[:ISSUES]->(g:Regulation)
WHERE (b.id = $body OR $body IS NULL)
  AND (g.kind = $kind OR $kind IS NULL)
OPTIONAL MATCH (m:Measure)-[:ISSUES]->(g)
WHERE m.notice_id = n.id
WITH b, g, count(DISTINCT n) AS notices, count(DISTINCT m) AS measures
RETURN b.id AS body, b.name AS body_name, g.id AS document, g.title AS title, g.kind AS kind,
       measures, notices
ORDER BY body_name, body, title, document
LIMIT $limit

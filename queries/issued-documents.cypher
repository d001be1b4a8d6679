// Documents a body issued: notice-level ISSUES (every title the notice issues), with the
// measures of the same notice that issue it. Each issuing body has at least one row, so the
// first $limit rows (by body name) lie among the first $limit issuing bodies: those are
// chosen first and only their notices are read.
MATCH (b:Body)
WHERE (b.id = $body OR $body IS NULL)
  AND EXISTS { MATCH (b)<-[:ISSUED_BY]-(:Notice)-[:ISSUES]->(g:Regulation) WHERE g.kind = $kind OR $kind IS NULL }
WITH b ORDER BY b.name, b.id LIMIT $limit
MATCH (b)<-[:ISSUED_BY]-(n:Notice)-[:ISSUES]->(g:Regulation)
WHERE g.kind = $kind OR $kind IS NULL
OPTIONAL MATCH (n)-[:CONTAINS]->(:Problem)-[:ADDRESSED_BY]->(m:Measure)-[:ISSUES]->(g)
WITH b, g, count(DISTINCT n) AS notices, count(DISTINCT m) AS measures
RETURN b.id AS body, b.name AS body_name, g.id AS document, g.title AS title, g.kind AS kind,
       measures, notices
ORDER BY body_name, body, title, document
LIMIT $limit

// Documents a body issued, read from the per-notice tallies (graph/tallies.py): an
// ISSUED_TALLY per notice from its issuer to each document it issues (Notice-level ISSUES),
// with the notice's measures issuing it. Each issuing body has at least one row, so the first
// $limit rows (by body name) lie among the first $limit issuing bodies: those are chosen
// first and only their tallies are read.
MATCH (b:Body)-[:ISSUED_TALLY]->(g:Regulation)
WHERE (b.id = $body OR $body IS NULL) AND (g.kind = $kind OR $kind IS NULL)
WITH DISTINCT b ORDER BY b.name, b.id LIMIT $limit
OPTIONAL MATCH (b)-[c:ISSUED_TALLY]->(g:Regulation)
WHERE g.kind = $kind OR $kind IS NULL
WITH b, g, count(c) AS notices, sum(c.measures) AS measures
RETURN b.id AS body, b.name AS body_name, g.id AS document, g.title AS title, g.kind AS kind,
       measures, notices
ORDER BY body_name, body, title, document
LIMIT $limit

// The stored notices, newest first, with their issuer and how many problems were read.
MATCH (n:Notice)
OPTIONAL MATCH (n)-[:ISSUED_BY]->(b:Body)
WITH n, min(b.name) AS issuer
OPTIONAL MATCH (n)-[:CONTAINS]->(p:Problem)
WITH n, issuer, count(p) AS problems
RETURN n.id AS notice_id, n.title AS title, n.published AS published, issuer,
       problems, n.problems_claimed AS problems_claimed, n.source AS source,
       n.span_start AS span_start, n.span_end AS span_end
ORDER BY published DESC, notice_id
LIMIT $limit

// The stored notices, newest first, with their issuer and how many problems were read.
// The notices are chosen on their own table first; only those shown are expanded.
MATCH (n:Notice)
WITH n ORDER BY n.published DESC, n.id LIMIT $limit
OPTIONAL MATCH (n)-[:ISSUED_BY]->(b:Body)
WITH n, min(b.name) AS issuer
OPTIONAL MATCH (n)-[:CONTAINS]->(p:Problem)
WITH n, issuer, count(p) AS problems
RETURN n.id AS notice_id, n.title AS title, n.published AS published, issuer,
       problems, n.problems_claimed AS problems_claimed, n.source AS source,
       n.span_start AS span_start, n.span_end AS span_end
ORDER BY published DESC, notice_id

// The measures behind one row of issued-documents: measures of the body's notices that issue
// the document. The notices are found first (the body's, issuing it at Notice level), then
// only their measures are expanded (OPTIONAL MATCH: from each notice, not joined with every
// measure issuing anything).
MATCH (:Body {id: $body})<-[:ISSUED_BY]-(n:Notice)-[:ISSUES]->(g:Regulation {id: $document})
WITH DISTINCT n, g
OPTIONAL MATCH (n)-[:CONTAINS]->(p:Problem)-[:ADDRESSED_BY]->(m:Measure)-[:ISSUES]->(g)
WITH DISTINCT n, p, m WHERE m IS NOT NULL
RETURN m.id AS measure, m.text AS text, p.id AS problem, n.id AS notice_id, n.title AS notice_title,
       n.published AS published, m.span_start AS span_start, m.span_end AS span_end
ORDER BY published, notice_id, measure
LIMIT $limit

// The measures behind one row of issued-documents: measures of the body's notices that issue
// the document.
MATCH (:Body {id: $body})<-[:ISSUED_BY]-(n:Notice)-[:ISSUES]->(g:Regulation {id: $document})
MATCH (n)-[:CONTAINS]->(p:Problem)-[:ADDRESSED_BY]->(m:Measure)-[:ISSUES]->(g)
WITH DISTINCT n, p, m
RETURN m.id AS measure, m.text AS text, p.id AS problem, n.id AS notice_id, n.title AS notice_title,
       n.published AS published, m.span_start AS span_start, m.span_end AS span_end
ORDER BY published, notice_id, measure
LIMIT $limit

// The measures taken on one problem, in their order under it.
MATCH (p:Problem {id: $problem})-[:ADDRESSED_BY]->(m:Measure)
RETURN m.id AS measure, m.text AS text, m.ordinal AS ordinal, p.id AS problem,
       m.notice_id AS notice_id, m.span_start AS span_start, m.span_end AS span_end
ORDER BY ordinal, measure
LIMIT $limit

// The measures behind one row of top-cited-regulations: each measure citing the regulation,
// in the notices published in the year range, with the sentence and where it stands.
MATCH (n:Notice)-[:CONTAINS]->(p:Problem)-[:ADDRESSED_BY]->(m:Measure)-[c:CITES]->(g:Regulation {id: $regulation})
WHERE (left(n.published, 4) >= $from_year OR $from_year IS NULL)
  AND (left(n.published, 4) <= $to_year OR $to_year IS NULL)
RETURN m.id AS measure, m.text AS text, p.id AS problem, p.text AS problem_text,
       n.id AS notice_id, n.title AS notice_title, n.published AS published,
       m.span_start AS span_start, m.span_end AS span_end,
       c.span_start AS cite_start, c.span_end AS cite_end
ORDER BY published DESC, notice_id, measure
LIMIT $limit

// The measures behind one row of top-cited-regulations: each measure citing the regulation,
// in the notices published in the year range, with the sentence and where it stands.
// From the citations of the regulation to each measure's notice by its id (a measure's
// notice_id), so the sort runs over the citing measures alone; only the rows kept are
// expanded to their problem (OPTIONAL MATCH: from each measure, not joined with every problem).
MATCH (m:Measure)-[c:CITES]->(:Regulation {id: $regulation})
WITH m, c
MATCH (n:Notice {id: m.notice_id})
WHERE (left(n.published, 4) >= $from_year OR $from_year IS NULL)
  AND (left(n.published, 4) <= $to_year OR $to_year IS NULL)
WITH n, m, c ORDER BY n.published DESC, n.id, m.id LIMIT $limit
OPTIONAL MATCH (p:Problem)-[:ADDRESSED_BY]->(m)
RETURN m.id AS measure, m.text AS text, p.id AS problem, p.text AS problem_text,
       n.id AS notice_id, n.title AS notice_title, n.published AS published,
       m.span_start AS span_start, m.span_end AS span_end,
       c.span_start AS cite_start, c.span_end AS cite_end
ORDER BY published DESC, notice_id, measure
LIMIT $limit

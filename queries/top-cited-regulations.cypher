// Regulations cited by notices (and by the measures of those notices), ranked.
// Years compare as 4-character strings: the graph stores dates as ISO strings.
MATCH (n:Notice)-[:CITES]->(g:Regulation)
WHERE (g.level = $level OR $level IS NULL)
  AND (g.kind = $kind OR $kind IS NULL)
  AND (left(n.published, 4) >= $from_year OR $from_year IS NULL)
  AND (left(n.published, 4) <= $to_year OR $to_year IS NULL)
WITH g, collect(DISTINCT n.id) AS notice_ids
OPTIONAL MATCH (m:Measure)-[:CITES]->(g)
WHERE m.notice_id IN notice_ids
WITH g, notice_ids, collect(DISTINCT m.id) AS measure_ids
RETURN g.id AS regulation, g.title AS title, g.kind AS kind, g.level AS level,
       size(measure_ids) AS citing_measures, size(notice_ids) AS citing_notices
ORDER BY CASE WHEN $rank_by = 'notices' THEN citing_notices ELSE citing_measures END DESC,
         citing_measures DESC, citing_notices DESC, title, regulation
LIMIT $limit

// when: from_year or to_year is given
// Regulations cited by notices (and by the measures of those notices), ranked. Two parts, one
// active (the registry sorts the union's rows: see `sort`; `rank` is the ranking count):
// - a year range given: counted from the citations of the notices published in it (years
//   compare as 4-character strings: the graph stores dates as ISO strings);
// - no year range (the default): the counts the store maintains on each Regulation
//   (graph/aggregates.py), exact after every load, replace and delete.
MATCH (n:Notice)-[:CITES]->(g:Regulation)
WHERE (left(n.published, 4) >= $from_year OR $from_year IS NULL)
  AND (left(n.published, 4) <= $to_year OR $to_year IS NULL)
  AND ($from_year IS NOT NULL OR $to_year IS NOT NULL)
  AND (g.level = $level OR $level IS NULL)
  AND (g.kind = $kind OR $kind IS NULL)
WITH g, count(DISTINCT n) AS citing_notices
OPTIONAL MATCH (x:Notice)-[:CONTAINS]->(:Problem)-[:ADDRESSED_BY]->(m:Measure)-[:CITES]->(g)
WHERE (left(x.published, 4) >= $from_year OR $from_year IS NULL)
  AND (left(x.published, 4) <= $to_year OR $to_year IS NULL)
WITH g, citing_notices, count(DISTINCT m) AS citing_measures
WITH g, citing_notices, citing_measures,
     CASE WHEN $rank_by = 'notices' THEN citing_notices ELSE citing_measures END AS rank
RETURN g.id AS regulation, g.title AS title, g.kind AS kind, g.level AS level,
       citing_measures, citing_notices, rank
ORDER BY rank DESC, citing_measures DESC, citing_notices DESC, title, regulation
LIMIT $limit
UNION ALL
// when: from_year is null
// when: to_year is null
MATCH (g:Regulation)
WHERE $from_year IS NULL AND $to_year IS NULL AND g.cited_notices > 0
  AND (g.level = $level OR $level IS NULL)
  AND (g.kind = $kind OR $kind IS NULL)
WITH g, CASE WHEN $rank_by = 'notices' THEN g.cited_notices ELSE g.cited_measures END AS rank
RETURN g.id AS regulation, g.title AS title, g.kind AS kind, g.level AS level,
       g.cited_measures AS citing_measures, g.cited_notices AS citing_notices, rank
ORDER BY rank DESC, citing_measures DESC, citing_notices DESC, title, regulation
LIMIT $limit

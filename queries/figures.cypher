// One row per notice (its round and inspected body), metric and unit, read from the
// per-notice tallies (graph/tallies.py): a FIGURE_TALLY per notice, metric and unit from the
// inspected body, with the largest value stated and the number of statements. Each inspected
// body with figures has at least one row, so the first $limit rows (by body name) lie among
// the first $limit such bodies: those are chosen first (on the Body table, EXISTS: no tally
// is read for a body that is not kept) and only their tallies are read.
MATCH (b:Body)
WHERE (b.id = $body OR $body IS NULL)
  AND EXISTS { MATCH (b)-[c:FIGURE_TALLY]->(:Figure)
               WHERE (c.unit = $unit OR $unit IS NULL) AND (c.metric = $metric OR $metric IS NULL) }
WITH b ORDER BY b.name, b.id LIMIT $limit
OPTIONAL MATCH (b)-[c:FIGURE_TALLY]->(:Figure)
WHERE (c.unit = $unit OR $unit IS NULL) AND (c.metric = $metric OR $metric IS NULL)
// The tallies kept are chosen by the rows' order (a tally's round is its notice's: ids of one
// length, so round order is notice order) before their notices and rounds are looked up.
WITH b, c ORDER BY b.name, b.id, c.published, c.notice_id, c.metric, c.unit LIMIT $limit
OPTIONAL MATCH (n:Notice {id: c.notice_id})
OPTIONAL MATCH (n)-[:REPORTS_ON]->(r:Round)
RETURN b.id AS body, b.name AS body_name, r.id AS round, coalesce(r.name, r.team) AS round_name,
       n.id AS notice_id, n.published AS published, c.metric AS metric, c.unit AS unit,
       c.value AS value, c.statements AS mentions
ORDER BY body_name, body, published, round, metric, unit
LIMIT $limit

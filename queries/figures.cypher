// One row per notice (its round and inspected body), metric and unit. Each inspected body
// with figures has at least one row, so the first $limit rows (by body name) lie among the
// first $limit such bodies: those are chosen first and only their figures are read.
MATCH (b:Body)
WHERE (b.id = $body OR $body IS NULL)
  AND EXISTS { MATCH (b)<-[:INSPECTED]-(:Round)<-[:REPORTS_ON]-(:Notice)-[:REPORTS_FIGURE]->(f:Figure)
               WHERE (f.unit = $unit OR $unit IS NULL) AND (f.metric = $metric OR $metric IS NULL) }
WITH b ORDER BY b.name, b.id LIMIT $limit
MATCH (b)<-[:INSPECTED]-(r:Round)<-[:REPORTS_ON]-(n:Notice)-[:REPORTS_FIGURE]->(f:Figure)
WHERE (f.unit = $unit OR $unit IS NULL) AND (f.metric = $metric OR $metric IS NULL)
WITH b, r, n, f.metric AS metric, f.unit AS unit, max(f.value) AS value, count(f) AS mentions
RETURN b.id AS body, b.name AS body_name, r.id AS round, coalesce(r.name, r.team) AS round_name,
       n.id AS notice_id, n.published AS published, metric, unit, value, mentions
ORDER BY body_name, body, published, round, metric, unit
LIMIT $limit
